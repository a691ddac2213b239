package org.qicsim.web;

import java.io.IOException;
import java.util.List;
import org.qicsim.experiment.CounterfactualCache;
import org.qicsim.experiment.RunExecutor;
import org.qicsim.experiment.RunSpec;
import org.qicsim.model.RunResult;

/**
 * An executor that runs nothing: it hands back results already computed during the round, looked
 * up by design position and replicate. Runs are pure functions of their spec (MODEL.md §7), so a
 * round's results are exactly what executing its designs again would give; replaying them lets the
 * compare writers produce the results folder without running the round twice.
 */
final class ReplayExecutor implements RunExecutor {

    /** Results by design position (0-based, as in the experiment) and replicate. */
    private final List<List<RunResult>> results;
    private final List<org.qicsim.experiment.DesignSpec> designs;

    ReplayExecutor(List<org.qicsim.experiment.DesignSpec> designs, List<List<RunResult>> results) {
        this.designs = List.copyOf(designs);
        this.results = List.copyOf(results);
    }

    @Override
    public void execute(List<RunSpec> runs, CounterfactualCache cache, Sink sink) throws IOException {
        for (RunSpec run : runs) {
            int k = designs.indexOf(run.design());
            if (k < 0) {
                throw new IllegalArgumentException("no results for design " + run.design().name());
            }
            RunResult result = results.get(k).get(run.replicate());
            if (result == null) {
                throw new IllegalStateException("design " + run.design().name() + " has no result for replicate "
                        + run.replicate());
            }
            sink.accept(run, result);
        }
    }

    @Override
    public int threads() {
        return 1;
    }

    @Override
    public String name() {
        return "workshop-replay";
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
