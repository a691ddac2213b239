package org.qicsim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.qicsim.analysis.cea.Perspective;
import org.qicsim.experiment.Attribution;
import org.qicsim.experiment.ExperimentSession;
import org.qicsim.experiment.RunExecutor;
import org.qicsim.experiment.StopSignal;
import org.qicsim.results.CsvWriter;
import org.qicsim.results.ResultsFolder;
import org.qicsim.web.AttributionExport;

/**
 * Writes a workshop debrief's five-feature attribution as an {@code attribute} results folder with
 * the writers of {@code qicsim attribute} ({@link AttributeCommand}, {@link CeaFiles}), so
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
        var allOn = plan.allOn().scenario();
        try (ResultsFolder results = ResultsFolder.at(folder)) {
            var log = results.log();
            Files.writeString(results.resolve(ExperimentSession.RESOLVED), allOn.canonicalYaml(), StandardCharsets.UTF_8);
            Files.copy(plan.features().file(), results.resolve("features.yaml"));
            Attribution.Result result;
            try (CsvWriter runs = results.csv("runs.csv", AttributeCommand.RUNS_HEADER)) {
                result = plan.run(executor, (run, r) -> {
                    AttributeCommand.writeRun(runs, run, r);
                    progress.run();
                }, stop, perspective, wtp, resamples);
            }
            AttributeCommand.writeAttribution(results, result);
            AttributeCommand.writeDesigns(results, plan.features().ids(), result);
            CeaFiles.write(results, List.of(result.cea()));
            AttributeCommand.writeSummary(results, plan, result, perspective, wtp, wtpSource, resamples, hash);
            results.writeManifest("", ExperimentSession.manifest(List.of("serve"), start, allOn.sha256(),
                    plan.experiment().masterSeed(), executor)
                    .withExtra("kind", "attribute")
                    .withExtra("featuresFile", "features.yaml")
                    .withExtra("features", plan.features().ids())
                    .withExtra("designs", plan.designs().size())
                    .withExtra("replications", plan.experiment().replications())
                    .withExtra("counterfactualArms", result.counterfactualArms())
                    .withEnd(Instant.now()));
            log.close();
            results.commit();
            return result;
        }
    }
}
