package org.qicsim.experiment;

import java.io.IOException;
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
            var resolved = run.design().scenario();
            return org.qicsim.model.Run.execute(resolved.scenario(), resolved::collaborativeAt, run.runSeed(),
                    counterfactual);
        } finally {
            cache.release(run);
        }
    }
}
