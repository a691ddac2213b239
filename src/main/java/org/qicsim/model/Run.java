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

    /** The world and counterfactual arm of one replicate, shareable by designs with the same world. */
    public record Counterfactual(World world, ArmTrace trace) {
    }

    /** Initialises the world and runs its counterfactual arm. */
    public static Counterfactual counterfactual(Scenario scenario, IntFunction<Collaborative> collaborativeAt,
            long runSeed) {
        World world = World.initialise(scenario, new Streams(runSeed, scenario.sites().count()));
        ArmTrace trace = new QicSimulation(world, collaborativeAt, Arm.COUNTERFACTUAL, runSeed).run();
        return new Counterfactual(world, trace);
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
