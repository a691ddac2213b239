package org.qicsim.scenario;

import java.util.List;

/**
 * A bound scenario: every key of MODEL.md §8 after the merge of defaults, {@code extends} chain,
 * file and {@code --set}. Component names are the YAML keys. {@code extends} is consumed by the
 * loader and is not part of the bound scenario.
 */
@Doc("A qicsim scenario (MODEL.md §8)")
public record Scenario(
        @Doc("Scenario name, [a-z0-9][a-z0-9._-]*") String name,
        @Doc("What the scenario represents") String description,
        @Doc("Master seed (64-bit)") long seed,
        @Doc("Replicates per design") @Range(min = 1, max = 1000000) int replications,
        @Doc("Months simulated; at least startMonth + 12") @Range(min = 24, max = 600) int horizonMonths,
        @Doc("Month the collaborative starts; at least 12 so every run has a baseline year") @Range(min = 12, max = 588) int startMonth,
        Sites sites,
        Practices practices,
        Environment environment,
        Collaborative collaborative,
        Costs costs,
        @Doc("Collaborative levers that change over time") List<ScheduleEntry> schedule,
        Behaviour behaviour) {

    public Scenario {
        schedule = List.copyOf(schedule);
    }
}
