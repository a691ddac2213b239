package org.qicsim.experiment.doe;

/**
 * What a design point is for, beyond its factor values: the estimators need to know which
 * Saltelli block a point belongs to and where a Morris trajectory steps. Factor indices are
 * 0-based positions in the design's factor list; rows and trajectories are 1-based like point ids.
 */
public sealed interface PointRole
        permits PointRole.Plain, PointRole.Baseline, PointRole.OneFactor, PointRole.SaltelliBlock,
        PointRole.MorrisStep {

    /** A grid or Latin hypercube point: nothing more to say. */
    record Plain() implements PointRole {
    }

    /** The one-at-a-time baseline: every factor at the base scenario's value. */
    record Baseline() implements PointRole {
    }

    /** A one-at-a-time point: {@code factor} varied, the others at baseline. */
    record OneFactor(int factor) implements PointRole {
    }

    /** The Saltelli matrices: A, B, and AB_i (A with column i taken from B). */
    enum Block { A, B, AB }

    /**
     * Row {@code row} (1..n) of block {@code block}; {@code factor} is i for AB_i and −1 for A and B.
     */
    record SaltelliBlock(Block block, int row, int factor) implements PointRole {
    }

    /**
     * Step {@code step} (0..k) of Morris trajectory {@code trajectory} (1..r); {@code factor} is the
     * factor this step changed, −1 at the starting point (step 0).
     */
    record MorrisStep(int trajectory, int step, int factor) implements PointRole {
    }

    PointRole PLAIN = new Plain();
    PointRole BASELINE = new Baseline();
}
