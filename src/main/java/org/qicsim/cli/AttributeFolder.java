package org.qicsim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qicsim.analysis.Estimate;
import org.qicsim.analysis.attribution.AttributionRow;
import org.qicsim.analysis.attribution.FeatureAttribution;
import org.qicsim.analysis.cea.Perspective;
import org.qicsim.experiment.Attribution;
import org.qicsim.experiment.DesignResults;
import org.qicsim.experiment.DesignSummary;
import org.qicsim.experiment.ExperimentSession;
import org.qicsim.results.CsvWriter;
import org.qicsim.results.Manifest;
import org.qicsim.results.ResultsFolder;
import org.qicsim.results.SummaryJson;

/**
 * An {@code attribute} results folder, as {@code qicsim attribute} ({@link AttributeCommand}) and a
 * workshop debrief ({@link WorkshopAttributionExport}) write it: the 2^n designs × replicates run
 * and stored by an {@link ExperimentSession} in the one layout (the {@code runs},
 * {@code timeseries} and {@code sites} tables with {@code point} = mask + 1, {@code design.csv} and
 * {@code points.csv}), the all-on design's resolved scenario and the features file at the top (they
 * fix every design, so a resumed folder is checked against them), and then the attribution's own
 * files computed from the stored runs: {@code attribution.csv}, {@code designs.csv}, {@code cea.csv},
 * {@code ceac.csv} and {@code summary.json}.
 */
final class AttributeFolder {
    /** The features file, copied byte for byte. */
    static final String FEATURES = "features.yaml";

    private AttributeFolder() {
    }

    /** Starts (or, reopened, resumes) the session of {@code plan} in {@code folder}. */
    static ExperimentSession open(ResultsFolder folder, Attribution plan) throws IOException {
        Map<String, byte[]> identity = new LinkedHashMap<>();
        identity.put(ExperimentSession.RESOLVED,
                plan.allOn().scenario().canonicalYaml().getBytes(StandardCharsets.UTF_8));
        byte[] features;
        try {
            features = Files.readAllBytes(plan.features().file());
        } catch (IOException | RuntimeException e) {
            folder.close();
            throw e;
        }
        identity.put(FEATURES, features);
        return ExperimentSession.open(folder, plan.experiment(), identity);
    }

    /**
     * Once every run is stored: the attribution of the designs' runs ({@code designs}, by mask, as
     * {@link ExperimentSession#execute} read them) and every file derived from it.
     */
    static Attribution.Result finish(ExperimentSession session, Attribution plan, List<DesignResults> designs,
            Perspective perspective, double wtp, String wtpSource, int resamples, String hash) throws IOException {
        Attribution.Result result = plan.analyse(designs, session.counterfactualArms(), perspective, wtp, resamples);
        List<DesignSummary> summaries = new ArrayList<>();
        for (DesignResults d : designs) {
            summaries.add(DesignSummary.of(d, plan.experiment().masterSeed()));
        }
        session.writeDesignTables(summaries);
        ResultsFolder folder = session.folder();
        writeAttribution(folder, result);
        writeDesigns(folder, plan.features().ids(), result);
        CeaFiles.write(folder, List.of(result.cea()));
        writeSummary(folder, plan, result, perspective, wtp, wtpSource, resamples, hash);
        return result;
    }

    /** The manifest's attribute entries added to {@code base}. */
    static Manifest manifest(Manifest base, Attribution plan, Attribution.Result result, String featuresFile) {
        return base.withExtra("kind", "attribute")
                .withExtra("featuresFile", featuresFile)
                .withExtra("features", plan.features().ids())
                .withExtra("designs", plan.designs().size())
                .withExtra("replications", plan.experiment().replications())
                .withExtra("counterfactualArms", result.counterfactualArms());
    }

    /** attribution.csv: metric, feature, quantity, estimate, ciLow, ciHigh, piLow, piHigh. */
    private static void writeAttribution(ResultsFolder folder, Attribution.Result result) throws IOException {
        try (CsvWriter csv = folder.csv("attribution.csv", List.of("metric", "feature", "quantity", "estimate",
                "ciLow", "ciHigh", "piLow", "piHigh"))) {
            for (AttributionRow r : result.rows()) {
                csv.cell(r.metric()).cell(r.feature()).cell(r.quantity()).cell(r.estimate()).cell(r.ciLow())
                        .cell(r.ciHigh()).cell(r.piLow()).cell(r.piHigh()).endRow();
            }
        }
    }

    /** designs.csv: design (mask), one 0/1 column per feature, then each metric's Mean, CiLow, CiHigh. */
    private static void writeDesigns(ResultsFolder folder, List<String> ids, Attribution.Result result)
            throws IOException {
        List<String> header = new ArrayList<>(List.of("design"));
        header.addAll(ids);
        for (String metric : result.designMeans().keySet()) {
            header.addAll(List.of(metric + "Mean", metric + "CiLow", metric + "CiHigh"));
        }
        try (CsvWriter csv = folder.csv("designs.csv", header)) {
            for (int mask = 0; mask < 1 << ids.size(); mask++) {
                csv.cell(mask);
                for (int i = 0; i < ids.size(); i++) {
                    csv.cell((mask & (1 << i)) != 0 ? 1 : 0);
                }
                for (List<Estimate> means : result.designMeans().values()) {
                    Estimate e = means.get(mask);
                    csv.cell(e.mean()).cell(e.ciLow()).cell(e.ciHigh());
                }
                csv.endRow();
            }
        }
    }

    /** summary.json of an attribute folder. */
    private static void writeSummary(ResultsFolder folder, Attribution plan, Attribution.Result result,
            Perspective perspective, double wtp, String wtpSource, int resamples, String hash) throws IOException {
        var s = plan.allOn().scenario();
        SummaryJson summary = new SummaryJson()
                .put("kind", "attribute")
                .put("scenario", s.scenario().name())
                .put("scenarioHash", s.sha256())
                .put("worldHash", s.worldSha256())
                .put("experimentHash", hash)
                .put("masterSeed", plan.experiment().masterSeed())
                .put("replications", plan.experiment().replications())
                .put("features", plan.features().ids())
                .put("designs", plan.designs().size())
                .put("counterfactualArms", result.counterfactualArms())
                .put("perspective", perspective.label())
                .put("wtp", wtp)
                .put("wtpSource", wtpSource)
                .put("resamples", resamples)
                .put("level", FeatureAttribution.LEVEL)
                .put("attributedMetrics", Attribution.METRICS)
                .put("mainEffect", "mean over the 2^(n-1) settings of the other features of (metric with the "
                        + "feature on - metric with it off)")
                .put("interactionShare", "share of the variance of the design means over the 2^n equally weighted "
                        + "designs not carried by main effects (+/-1 factorial coefficients of order >= 2)");
        Map<String, Object> allOn = new LinkedHashMap<>();
        Map<String, Object> allOff = new LinkedHashMap<>();
        result.designMeans().forEach((metric, means) -> {
            allOn.put(metric, means.get(means.size() - 1));
            allOff.put(metric, means.get(0));
        });
        summary.put("allOn", allOn).put("allOff", allOff);
        for (Map.Entry<String, List<Estimate>> m : result.designMeans().entrySet()) {
            summary.metric(m.getKey(), m.getValue().get(m.getValue().size() - 1));
        }
        folder.writeSummary("", summary);
    }
}
