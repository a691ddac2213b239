package org.qicsim.experiment.sweep;

import java.io.IOException;
import org.qicsim.experiment.ExperimentSession;
import org.qicsim.experiment.StopSignal;
import org.qicsim.results.ResultsFolder;

/**
 * The summaries of a complete sweep, computed from its stored rows once every planned run is in:
 * the {@code points} table ({@link PointSummaries}, in the store's format) and, for sobol and morris
 * designs, {@code sensitivity.csv} ({@link SensitivityTable}). What {@code sweep} and {@code merge}
 * write after their {@link ExperimentSession} has every run.
 */
public final class SweepSummaries {
    private SweepSummaries() {
    }

    /**
     * Writes the summaries of {@code plan}'s runs, all stored in {@code session}.
     *
     * @return whether a sensitivity table was written
     */
    public static boolean write(ResultsFolder folder, SweepPlan plan, ExperimentSession session, StopSignal stop)
            throws IOException, InterruptedException {
        if (session.remaining() > 0) {
            throw new IllegalStateException(session.remaining() + " runs are missing; nothing to summarise yet");
        }
        double[][] means = PointSummaries.write(plan, session, stop);
        return SensitivityTable.write(folder, plan.experiment(), means);
    }
}
