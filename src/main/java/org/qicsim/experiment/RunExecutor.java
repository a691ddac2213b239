package org.qicsim.experiment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.qicsim.model.RunResult;

/**
 * Runs a list of runs and hands each result to a sink in list order, whatever the parallelism, so
 * that output files are written in run order and are identical for any thread count. The local
 * pool is one implementation; a cluster executor is another.
 */
public interface RunExecutor extends AutoCloseable {

    /** Receives results in the order of the run list. */
    @FunctionalInterface
    interface Sink {
        void accept(RunSpec run, RunResult result) throws IOException;
    }

    void execute(List<RunSpec> runs, CounterfactualCache cache, Sink sink) throws InterruptedException, IOException;

    /**
     * As {@link #execute(List, CounterfactualCache, Sink)}, taking runs from an iterator as they are
     * needed, so that a sweep never holds its whole run list. The iterator is only ever called on
     * the calling thread, and it may end early (say, when a stop is requested): runs already taken
     * are finished and handed to the sink. This default collects the runs first; executors that
     * can stream override it.
     */
    default void execute(Iterator<RunSpec> runs, CounterfactualCache cache, Sink sink)
            throws InterruptedException, IOException {
        List<RunSpec> all = new ArrayList<>();
        runs.forEachRemaining(all::add);
        execute(all, cache, sink);
    }

    /** Threads used. */
    int threads();

    /** Name for manifests, e.g. {@code local}. */
    String name();

    @Override
    void close();

    /** One run: its counterfactual from the cache, then its collaborative arm. */
    static RunResult runOne(RunSpec run, CounterfactualCache cache) throws InterruptedException {
        var counterfactual = cache.acquire(run);
        try {
            var resolved = run.scenario();
            return org.qicsim.model.Run.execute(resolved.scenario(), resolved::collaborativeAt, run.runSeed(),
                    counterfactual);
        } finally {
            cache.release(run);
        }
    }
}
