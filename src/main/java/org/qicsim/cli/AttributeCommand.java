package org.qicsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qicsim.analysis.Estimate;
import org.qicsim.analysis.attribution.AttributionRow;
import org.qicsim.analysis.attribution.FeatureAttribution;
import org.qicsim.experiment.Attribution;
import org.qicsim.experiment.DesignSpec;
import org.qicsim.experiment.ExperimentSession;
import org.qicsim.experiment.Features;
import org.qicsim.results.ResultsFolder;
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
 * (docs/DECISIONS.md). Writes {@code results/attribute/<stamp>-<hash8>/} ({@link AttributeFolder}): the
 * runs through an {@link ExperimentSession} in the one layout, the attribution computed from them
 * afterwards; {@code --resume} finishes an interrupted folder.
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

    @Mixin
    private ResumeOption resume;

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
        ParameterOption.Draws draws = parameters.loadDesigns(loaders, base.seed(), base.replications(),
                ParameterOption.Default.NONE);
        Attribution plan = Attribution.plan(features, scenario, overrides, draws == null ? null : draws.scenarios());
        DesignSpec allOn = plan.allOn();
        double wtp = cea.wtp(allOn.scenario().scenario());
        resume.check(spec.commandLine(), output);
        if (output.dryRun) {
            out.println("features (bit order of design names): " + String.join(", ", features.ids()));
            DryRun.print(out, plan.experiment(), options.threads());
            return ExitCodes.OK;
        }
        Instant start = Instant.now();
        String hash = CompareCommand.hash(plan.designs());
        ResultsFolder folder = resume.folder(
                () -> output.create(root -> ResultsFolder.forRun(root, "attribute", start, hash)));
        // Which draw each replicate runs (piLow/piHigh are then posterior prediction intervals).
        ParameterOption.record(folder, draws);
        var completed = ExperimentFolder.execute(() -> AttributeFolder.open(folder, plan), "attribute", options,
                interrupt, (session, executor, designs) -> {
                    Attribution.Result result = AttributeFolder.finish(session, plan, designs, cea.perspective, wtp,
                            cea.wtpSource(), resamples, hash);
                    session.writeManifest(AttributeFolder.manifest(ExperimentSession.manifest(
                            spec.commandLine().getParseResult().originalArgs(), start, allOn.scenario().sha256(),
                            plan.experiment().masterSeed(), executor), plan, result,
                            features.file().normalize().toString().replace('\\', '/'))
                            .withExtra("parameters", draws == null ? null : draws.describe())
                            .withEnd(Instant.now()));
                    return result;
                });
        print(out, features.ids(), completed.value());
        boolean reported = report.write(completed.folder(), out);
        out.println(completed.folder());
        return reported ? ExitCodes.OK : ExitCodes.FAILURE;
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
