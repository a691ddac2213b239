package org.qicsim.experiment;

import java.util.BitSet;
import java.util.Iterator;

/**
 * What an {@link ExperimentSession} executes: the runs of an experiment numbered by a
 * {@link RunIndex}, which of them are planned (all, or a shard's, or the adaptive rounds so far),
 * and the order they run in. {@code run} and {@code compare} plan designs × replicates
 * ({@link Experiment}); a sweep plans the points of its design of experiments
 * ({@code sweep.SweepPlan}). The session does the rest the same way for all of them: the executor,
 * the run store and what a resumed folder already holds.
 */
public interface RunPlan {

    /** How the store numbers the runs this plan can hold. */
    RunIndex runIndex();

    /** Whether (point, replicate) is to run in this plan. */
    boolean planned(int point, int replicate);

    /** How many runs are to run. */
    long plannedCount();

    /**
     * The planned runs not in {@code stored} ({@link RunIndex#index} bits), in the plan's order,
     * made as the executor asks for them. Each run's counterfactual use is announced to
     * {@code cache} before the run can start. Ends early once {@code stop} is requested. Called on
     * the executing thread only.
     */
    Iterator<RunSpec> pending(BitSet stored, CounterfactualCache cache, StopSignal stop);
}
