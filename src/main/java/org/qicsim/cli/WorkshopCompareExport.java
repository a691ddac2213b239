package org.qicsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.qicsim.analysis.cea.Perspective;
import org.qicsim.experiment.Comparison;
import org.qicsim.experiment.ComparisonCostEffectiveness;
import org.qicsim.experiment.ComparisonTable;
import org.qicsim.experiment.DesignResults;
import org.qicsim.experiment.DesignSpec;
import org.qicsim.experiment.Experiment;
import org.qicsim.experiment.ExperimentSession;
import org.qicsim.experiment.RunExecutor;
import org.qicsim.experiment.StopSignal;
import org.qicsim.results.ResultsFolder;
import org.qicsim.web.CompareExport;

/**
 * Writes a workshop round as a {@code compare} results folder with the same writers as
 * {@code qicsim compare} ({@link ExperimentSession}, {@code compare.csv}, {@code cea.csv} and
 * {@code ceac.csv}, the manifest), so that
 * {@code qicsim report} and {@code qicsim query} read it like any comparison. The manifest's command
 * line is {@code serve}, and it lists the participants' display names under {@code participants}.
 */
public final class WorkshopCompareExport implements CompareExport {

    private final GlobalOptions options;

    /** @param options the serve command's global options (the progress bar follows them) */
    public WorkshopCompareExport(GlobalOptions options) {
        this.options = options;
    }

    @Override
    public Comparison write(Path folder, Experiment experiment, RunExecutor executor, List<String> names,
            Perspective perspective, double wtp) throws IOException, InterruptedException {
        Instant start = Instant.now();
        List<DesignSpec> designs = experiment.designs();
        String hash = CompareCommand.hash(designs);
        boolean paired = true;
        for (DesignSpec d : designs) {
            paired &= d.scenario().worldSha256().equals(designs.get(0).scenario().worldSha256())
                    && d.scenario().scenario().horizonMonths() == designs.get(0).scenario().scenario().horizonMonths();
        }
        try (ExperimentSession results = ExperimentSession.open(ResultsFolder.at(folder), experiment, true)) {
            List<DesignResults> designResults;
            try (Progress progress = Progress.start("workshop results", experiment.runs().size(), options)) {
                designResults = results.execute(executor, new StopSignal(), (run, result) -> progress.step());
            }
            Comparison comparison = Comparison.of(designResults, experiment.masterSeed(), paired);
            results.writeSummaries(comparison.summaries(), null);
            ComparisonTable.write(results.folder(), comparison);
            CeaFiles.write(results.folder(), ComparisonCostEffectiveness.of(comparison, perspective, wtp,
                    experiment.masterSeed()));
            List<String> designNames = new ArrayList<>();
            designs.forEach(d -> designNames.add(d.point() + "-" + d.name()));
            results.writeManifest(ExperimentSession.manifest(List.of("serve"), start, hash, experiment.masterSeed(),
                    executor).withExtra("designs", designNames).withExtra("paired", paired)
                    .withExtra("participants", List.copyOf(names)).withEnd(Instant.now()));
            results.commit();
            return comparison;
        }
    }
}
