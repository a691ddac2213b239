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
     * @param preLaunch the world's months before the launch, which the designs it serves continue
     *     (MODEL.md §3), or null when every design runs all its months
     */
    public record Counterfactual(World world, ArmTrace trace, Scenario design, PreLaunch preLaunch) {
        public Counterfactual(World world, ArmTrace trace) {
            this(world, trace, null, null);
        }
    }

    /**
     * Initialises the world and runs its counterfactual arm. When {@code scenario}'s collaborative
     * never launches, that arm is its own collaborative arm: a never-launched collaborative arm
     * equals the counterfactual arm to the bit in everything a counterfactual provides (cases,
     * events per site, effort, compliance), and adds the design's passive registry and true rates,
     * so {@link #execute} then reuses it as the design's own trace (MODEL.md §9). The months before
     * the launch are run once, for every design they serve ({@link #counterfactual(Scenario,
     * IntFunction, long, boolean)} with {@code fork}).
     */
    public static Counterfactual counterfactual(Scenario scenario, IntFunction<Collaborative> collaborativeAt,
            long runSeed) {
        return counterfactual(scenario, collaborativeAt, runSeed, true);
    }

    /**
     * As {@link #counterfactual(Scenario, IntFunction, long)}; with {@code fork}, the months before
     * the launch are run once, as {@code scenario}'s collaborative arm, and the counterfactual arm
     * and every design they serve ({@link PreLaunch#serves}) continue from copies of them at
     * startMonth (MODEL.md §3); without, every arm runs all its months (the same outputs, to the bit).
     */
    public static Counterfactual counterfactual(Scenario scenario, IntFunction<Collaborative> collaborativeAt,
            long runSeed, boolean fork) {
        World world = World.initialise(scenario, new Streams(runSeed, scenario.sites().count()));
        boolean never = neverLaunches(scenario, collaborativeAt);
        Arm arm = never ? Arm.COLLABORATIVE : Arm.COUNTERFACTUAL;
        if (!fork) {
            ArmTrace trace = new QicSimulation(world, collaborativeAt, arm, runSeed).run();
            return new Counterfactual(world, trace, never ? scenario : null, null);
        }
        PreLaunch preLaunch = PreLaunch.run(world, collaborativeAt, runSeed);
        ArmTrace trace = new QicSimulation(world, collaborativeAt, arm, runSeed, j -> ResponsePolicy.model(),
                preLaunch).run();
        return new Counterfactual(world, trace, never ? scenario : null, preLaunch);
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
        PreLaunch preLaunch = counterfactual.preLaunch();
        // A design that records as the shared months before the launch were recorded continues them;
        // one that records otherwise runs all its months (MODEL.md §3).
        QicSimulation arm = preLaunch != null && preLaunch.serves(scenario, collaborativeAt)
                ? new QicSimulation(world, collaborativeAt, Arm.COLLABORATIVE, runSeed, responsePolicies, preLaunch)
                : new QicSimulation(world, collaborativeAt, Arm.COLLABORATIVE, runSeed, responsePolicies);
        ArmTrace factual = arm.run();
        return new RunResult(scenario, factual, counterfactual.trace());
    }

    /**
     * Convenience: a run with its own counterfactual. One design alone does not fork its months
     * before the launch: that would save only the counterfactual arm's cheapest months, about what
     * the copies cost (the outputs are the same either way).
     */
    public static RunResult execute(Scenario scenario, IntFunction<Collaborative> collaborativeAt, long runSeed) {
        return execute(scenario, collaborativeAt, runSeed, counterfactual(scenario, collaborativeAt, runSeed, false));
    }
}
