package org.qicsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.qicsim.analysis.cea.Perspective;
import org.qicsim.experiment.Attribution;
import org.qicsim.experiment.DesignResults;
import org.qicsim.experiment.ExperimentSession;
import org.qicsim.experiment.RunExecutor;
import org.qicsim.experiment.StopSignal;
import org.qicsim.results.ResultsFolder;
import org.qicsim.web.AttributionExport;

/**
 * Writes a workshop debrief's five-feature attribution as an {@code attribute} results folder the
 * way {@code qicsim attribute} does ({@link AttributeFolder}: its runs through an
 * {@link ExperimentSession} in the one layout, the attribution computed from them), so
 * {@code qicsim report} and {@code qicsim query} read it like any attribution. The manifest's command
 * line is {@code serve}; the features file is recorded by its name in the folder, never by the
 * server's path.
 */
public final class WorkshopAttributionExport implements AttributionExport {

    @Override
    public Attribution.Result write(Path folder, Attribution plan, RunExecutor executor, Runnable progress,
            StopSignal stop, Perspective perspective, double wtp, String wtpSource, int resamples)
            throws IOException, InterruptedException {
        Instant start = Instant.now();
        String hash = CompareCommand.hash(plan.designs());
        try (ExperimentSession session = AttributeFolder.open(ResultsFolder.at(folder), plan)) {
            List<DesignResults> designs = session.execute(executor, stop, (run, r) -> progress.run());
            Attribution.Result result = AttributeFolder.finish(session, plan, designs, perspective, wtp, wtpSource,
                    resamples, hash);
            session.writeManifest(AttributeFolder.manifest(ExperimentSession.manifest(List.of("serve"), start,
                    plan.allOn().scenario().sha256(), plan.experiment().masterSeed(), executor), plan, result,
                    AttributeFolder.FEATURES).withEnd(Instant.now()));
            session.commit();
            return result;
        }
    }
}
