package org.qicsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qicsim.analysis.Estimate;
import org.qicsim.analysis.attribution.AttributionRow;
import org.qicsim.analysis.attribution.FeatureAttribution;
import org.qicsim.analysis.cea.Perspective;
import org.qicsim.experiment.Attribution;
import org.qicsim.experiment.DesignSpec;
import org.qicsim.experiment.ExperimentSession;
import org.qicsim.experiment.Features;
import org.qicsim.experiment.LocalPool;
import org.qicsim.experiment.RunSpec;
import org.qicsim.experiment.Seeds;
import org.qicsim.experiment.StopSignal;
import org.qicsim.model.RunResult;
import org.qicsim.results.CsvWriter;
import org.qicsim.results.ResultsFolder;
import org.qicsim.results.SummaryJson;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.Problem;
import org.qicsim.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qicsim attribute SCENARIO}: every on/off combination of the five features (a features
 * file, docs/MODEL.md §13) under common random numbers, and each feature's main effect, Shapley
 * value and the interaction share for events averted, final rate, total cost and net monetary
 * benefit, with the all-on design's cost-effectiveness against no collaborative
 * (docs/DECISIONS.md). Writes {@code results/attribute/<stamp>-<hash8>/}.
 */
@Command(name = "attribute", mixinStandardHelpOptions = true,
        description = "Which feature did it: run all 2^5 on/off combinations of the five features and attribute "
                + "the effect to each (main effects, Shapley values, interaction share, bootstrap CIs).")
public final class AttributeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file: the collaborative with every feature on.")
    private Path scenario;

    @Option(names = "--features", paramLabel = "FILE", description = "Features file (default: scenarios/features.yaml).")
    private Path featuresFile = Features.DEFAULT_FILE;

    @Option(names = "--resamples", paramLabel = "B", defaultValue = "2000",
            description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
    private int resamples;

    @Mixin
    private ScenarioArguments arguments;

    @Mixin
    private CostEffectivenessOptions cea;

    @Mixin
    private OutputOptions output;

    @Mixin
    private InterruptOption interrupt;

    @Mixin
    private ReportOption report;

    @Mixin
    private ParameterOption parameters;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        GlobalOptions options = GlobalOptions.of(spec);
        if (resamples < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--resamples must be at least 1, was " + resamples);
        }
        // Loaded once on its own for its notes and errors (and its seed and replicates, those of every
        // design), then with the features' settings.
        var base = arguments.load(scenario, arguments.seed, arguments.reps, spec.commandLine().getErr()).scenario();
        Features features = Features.load(featuresFile);
        List<KeyOverride> overrides = overrides();
        List<ParameterOption.DesignLoader> loaders = new ArrayList<>();
        for (int d = 0; d < 1 << features.ids().size(); d++) {
            java.util.Set<String> off = Attribution.off(features.ids(), d);
            loaders.add(draw -> {
                List<KeyOverride> all = new ArrayList<>(overrides);
                all.addAll(draw);
                return features.apply(scenario, all, off);
            });
        }
        ParameterOption.Draws draws = parameters.loadDesigns(loaders, base.seed(), base.replications());
        Attribution plan = Attribution.plan(features, scenario, overrides, draws == null ? null : draws.scenarios());
        DesignSpec allOn = plan.allOn();
        double wtp = cea.wtp(allOn.scenario().scenario());
        if (output.dryRun) {
            out.println("features (bit order of design names): " + String.join(", ", features.ids()));
            DryRun.print(out, plan.experiment(), options.threads());
            return ExitCodes.OK;
        }
        Instant start = Instant.now();
        String hash = CompareCommand.hash(plan.designs());
        ResultsFolder folder = output.create(root -> ResultsFolder.forRun(root, "attribute", start, hash));
        Attribution.Result result;
        Path published;
        StopSignal stop = new StopSignal();
        StopOnInterrupt ctrlC = StopOnInterrupt.install(stop, "qicsim-attribute-stop");
        try (ResultsFolder results = folder; LocalPool pool = new LocalPool(options.threads())) {
            var log = results.log();
            Files.writeString(results.resolve(ExperimentSession.RESOLVED), allOn.scenario().canonicalYaml(),
                    StandardCharsets.UTF_8);
            Files.copy(features.file(), results.resolve("features.yaml"));
            try (CsvWriter runs = results.csv("runs.csv", RUNS_HEADER)) {
                try (Progress progress = Progress.start("attribute", plan.experiment().runs().size(), options)) {
                    result = plan.run(pool, interrupt.counting(stop, (run, r) -> {
                        writeRun(runs, run, r);
                        progress.step();
                    }), stop, cea.perspective, wtp, resamples);
                } catch (InterruptedException e) {
                    throw new InterruptedException(e.getMessage() + "; they are in " + results.dir() + "/runs.csv");
                }
            }
            writeAttribution(results, result);
            writeDesigns(results, features.ids(), result);
            CeaFiles.write(results, List.of(result.cea()));
            writeSummary(results, plan, result, cea.perspective, wtp, cea.wtpSource(), resamples, hash);
            if (draws != null) {
                // Which draw each replicate ran: piLow/piHigh are then posterior prediction intervals.
                draws.writeCsv(results);
            }
            results.writeManifest("", ExperimentSession.manifest(spec.commandLine().getParseResult().originalArgs(),
                    start, allOn.scenario().sha256(), plan.experiment().masterSeed(), pool)
                    .withExtra("kind", "attribute")
                    .withExtra("featuresFile", features.file().normalize().toString().replace('\\', '/'))
                    .withExtra("features", features.ids())
                    .withExtra("designs", plan.designs().size())
                    .withExtra("replications", plan.experiment().replications())
                    .withExtra("counterfactualArms", result.counterfactualArms())
                    .withExtra("parameters", draws == null ? null : draws.describe())
                    .withEnd(Instant.now()));
            log.close();
            published = results.commit();
        } finally {
            // After the folder's files are closed: only whole runs in them.
            ctrlC.close();
        }
        print(out, features.ids(), result);
        boolean reported = report.write(published, out);
        out.println(published);
        return reported ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** runs.csv of an attribute folder: design (mask), replicate, runSeed, then every run metric. */
    static final List<String> RUNS_HEADER = runsHeader();

    private static List<String> runsHeader() {
        List<String> header = new ArrayList<>(List.of("design", "replicate", "runSeed"));
        header.addAll(RunResult.METRICS);
        return List.copyOf(header);
    }

    /** One row of runs.csv. */
    static void writeRun(CsvWriter runs, RunSpec run, RunResult r) throws IOException {
        runs.cell(run.design().point() - 1).cell(run.replicate()).cell(Seeds.hex(run.runSeed()));
        for (String metric : RunResult.METRICS) {
            runs.cell(r.metric(metric));
        }
        runs.endRow();
    }

    /** --set, --seed and --reps as overrides, so every design resolves to the same seed and replications. */
    private List<KeyOverride> overrides() throws ScenarioException {
        List<KeyOverride> overrides = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < arguments.sets.size(); i++) {
            try {
                overrides.add(KeyOverride.parseSet(arguments.sets.get(i), i + 1));
            } catch (ScenarioException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        if (arguments.seed != null) {
            overrides.add(KeyOverride.of("seed", arguments.seed, "--seed"));
        }
        if (arguments.reps != null) {
            overrides.add(KeyOverride.of("replications", arguments.reps, "--reps"));
        }
        return overrides;
    }

    /** attribution.csv: metric, feature, quantity, estimate, ciLow, ciHigh, piLow, piHigh. */
    static void writeAttribution(ResultsFolder folder, Attribution.Result result) throws IOException {
        try (CsvWriter csv = folder.csv("attribution.csv", List.of("metric", "feature", "quantity", "estimate",
                "ciLow", "ciHigh", "piLow", "piHigh"))) {
            for (AttributionRow r : result.rows()) {
                csv.cell(r.metric()).cell(r.feature()).cell(r.quantity()).cell(r.estimate()).cell(r.ciLow())
                        .cell(r.ciHigh()).cell(r.piLow()).cell(r.piHigh()).endRow();
            }
        }
    }

    /** designs.csv: design (mask), one 0/1 column per feature, then each metric's Mean, CiLow, CiHigh. */
    static void writeDesigns(ResultsFolder folder, List<String> ids, Attribution.Result result) throws IOException {
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

    /** summary.json of an attribute folder (also written by the workshop's debrief, {@link WorkshopAttributionExport}). */
    static void writeSummary(ResultsFolder folder, Attribution plan, Attribution.Result result,
            Perspective perspective, double wtp, String wtpSource, int resamples, String hash)
            throws IOException {
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

    /** The console table: per metric, all-on and all-off means, then a row per feature. */
    static void print(PrintWriter out, List<String> ids, Attribution.Result result) {
        int width = Math.max(8, ids.stream().mapToInt(String::length).max().orElse(8));
        out.printf(Locale.ROOT, "Attribution over %d designs x %d replicates (one counterfactual per replicate: "
                + "%d computed); estimate [95%% bootstrap CI]%n", result.results().size(),
                result.results().get(0).replications(), result.counterfactualArms());
        for (Map.Entry<String, List<AttributionRow>> m : FeatureAttribution.byMetric(result.rows()).entrySet()) {
            List<Estimate> means = result.designMeans().get(m.getKey());
            out.printf(Locale.ROOT, "%s: all on %s, all off %s%n", m.getKey(),
                    SummaryPrinter.estimate(means.get(means.size() - 1)), SummaryPrinter.estimate(means.get(0)));
            out.printf(Locale.ROOT, "  %-" + width + "s  %-32s  %s%n", "feature", "main effect", "Shapley value");
            List<AttributionRow> rows = m.getValue();
            int n = ids.size();
            for (int i = 0; i < n; i++) {
                out.printf(Locale.ROOT, "  %-" + width + "s  %-32s  %s%n", ids.get(i), interval(rows.get(i)),
                        interval(rows.get(n + i)));
            }
            out.printf(Locale.ROOT, "  %-" + width + "s  %s%n", "interaction share", interval(rows.get(2 * n)));
        }
        CeaFiles.print(out, List.of(result.cea()));
    }

    private static String interval(AttributionRow r) {
        return SummaryPrinter.number(r.estimate()) + " [" + SummaryPrinter.number(r.ciLow()) + ", "
                + SummaryPrinter.number(r.ciHigh()) + "]";
    }
}
