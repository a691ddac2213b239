package org.qicsim.experiment;

/**
 * One unit of work: a design at one replicate with its run seed (MODEL.md §7). Run specs are pure
 * data; executing one always gives the same result.
 */
public record RunSpec(DesignSpec design, int replicate, long runSeed) {
    /** The key of the counterfactual this run shares with designs of the same world and run seed. */
    public CounterfactualCache.Key counterfactualKey() {
        return new CounterfactualCache.Key(design.scenario().worldSha256(), replicate, runSeed);
    }
}
