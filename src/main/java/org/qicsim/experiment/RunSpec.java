package org.qicsim.experiment;

import org.qicsim.scenario.ResolvedScenario;

/**
 * One unit of work: a design at one replicate with its run seed (MODEL.md §7). Run specs are pure
 * data; executing one always gives the same result.
 *
 * @param scenario what this run executes: the design's scenario, or (with a posterior sample,
 *     {@code --parameters}) the design's scenario with this replicate's parameter draw applied.
 *     Its world hash keys the shared counterfactual, so a draw that changes the world gets its own.
 */
public record RunSpec(DesignSpec design, int replicate, long runSeed, ResolvedScenario scenario) {

    /** A run of the design's own scenario. */
    public RunSpec(DesignSpec design, int replicate, long runSeed) {
        this(design, replicate, runSeed, design.scenario());
    }

    /** The key of the counterfactual this run shares with designs of the same world and run seed. */
    public CounterfactualCache.Key counterfactualKey() {
        return new CounterfactualCache.Key(scenario.worldSha256(), replicate, runSeed);
    }
}
