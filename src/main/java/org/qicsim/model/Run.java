package org.qicsim.model;

import java.util.function.IntFunction;
import org.qicsim.scenario.Collaborative;
import org.qicsim.scenario.Scenario;

/**
 * The model's entry point for one replicate: initialise the world, run (or reuse) the
 * counterfactual arm, run the collaborative arm, and assemble the outputs. Pure: no files, threads
 * or clocks.
 */
public final class Run {
    private Run() {
    }

    /**
     * The world and counterfactual arm of one replicate, shareable by designs with the same world.
     *
     * @param design the design whose collaborative never launches and whose own arm this trace is
     *     (see {@link #neverLaunches}), or null for a plain counterfactual arm; either serves every
     *     design of the world alike
     */
    public record Counterfactual(World world, ArmTrace trace, Scenario design) {
        public Counterfactual(World world, ArmTrace trace) {
            this(world, trace, null);
        }
    }

    /**
     * Initialises the world and runs its counterfactual arm. When {@code scenario}'s collaborative
     * never launches, that arm is its own collaborative arm: a never-launched collaborative arm
     * equals the counterfactual arm to the bit in everything a counterfactual provides (cases,
     * events per site, effort, compliance), and adds the design's passive registry and true rates,
     * so {@link #execute} then reuses it as the design's own trace (MODEL.md §9).
     */
    public static Counterfactual counterfactual(Scenario scenario, IntFunction<Collaborative> collaborativeAt,
            long runSeed) {
        World world = World.initialise(scenario, new Streams(runSeed, scenario.sites().count()));
        if (neverLaunches(scenario, collaborativeAt)) {
            ArmTrace own = new QicSimulation(world, collaborativeAt, Arm.COLLABORATIVE, runSeed).run();
            return new Counterfactual(world, own, scenario);
        }
        ArmTrace trace = new QicSimulation(world, collaborativeAt, Arm.COUNTERFACTUAL, runSeed).run();
        return new Counterfactual(world, trace);
    }

    /**
     * True when the collaborative never launches: it is disabled in every month from
     * {@code startMonth} to the horizon (the launch rule of MODEL.md §3).
     */
    public static boolean neverLaunches(Scenario scenario, IntFunction<Collaborative> collaborativeAt) {
        for (int t = Math.max(0, scenario.startMonth()); t < scenario.horizonMonths(); t++) {
            if (collaborativeAt.apply(t).enabled()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs the collaborative arm of {@code scenario} in the counterfactual's world. The caller
     * guarantees the counterfactual was made from a scenario with the same world and run seed.
     */
    public static RunResult execute(Scenario scenario, IntFunction<Collaborative> collaborativeAt, long runSeed,
            Counterfactual counterfactual) {
        return execute(scenario, collaborativeAt, runSeed, counterfactual, j -> ResponsePolicy.model());
    }

    /**
     * As {@link #execute(Scenario, IntFunction, long, Counterfactual)}, with each site's response
     * policy given by site index (the counterfactual arm has no reports, so it needs none).
     */
    public static RunResult execute(Scenario scenario, IntFunction<Collaborative> collaborativeAt, long runSeed,
            Counterfactual counterfactual, IntFunction<ResponsePolicy> responsePolicies) {
        if (scenario.equals(counterfactual.design())) {
            // This design never launches and the counterfactual is its own arm: nothing to run
            // (a never-launched arm asks no response policy).
            return new RunResult(scenario, counterfactual.trace(), counterfactual.trace());
        }
        World world = counterfactual.world().withScenario(scenario);
        ArmTrace factual = new QicSimulation(world, collaborativeAt, Arm.COLLABORATIVE, runSeed, responsePolicies)
                .run();
        return new RunResult(scenario, factual, counterfactual.trace());
    }

    /** Convenience: a run with its own counterfactual. */
    public static RunResult execute(Scenario scenario, IntFunction<Collaborative> collaborativeAt, long runSeed) {
        return execute(scenario, collaborativeAt, runSeed, counterfactual(scenario, collaborativeAt, runSeed));
    }
}
