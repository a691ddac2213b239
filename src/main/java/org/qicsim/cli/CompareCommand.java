package org.qicsim.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Logger;
import org.qicsim.analysis.cea.CeaResult;
import org.qicsim.experiment.Comparison;
import org.qicsim.experiment.ComparisonCostEffectiveness;
import org.qicsim.experiment.ComparisonTable;
import org.qicsim.experiment.DesignSpec;
import org.qicsim.experiment.Experiment;
import org.qicsim.experiment.ExperimentSession;
import org.qicsim.results.ResultsFolder;
import org.qicsim.results.UserInputException;
import org.qicsim.scenario.ResolvedScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qicsim compare A.yaml B.yaml [...]}: designs under one master seed and replicate count,
 * paired by common random numbers, each design's summary and its difference from the first.
 * Designs whose worlds or horizons differ cannot be paired and are refused unless
 * {@code --allow-different-worlds}, which labels the comparison unpaired.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare designs under common random numbers: each design's mean and CI and its paired "
                + "difference from the first.")
public final class CompareCommand implements Callable<Integer> {
    private static final Logger LOG = Logger.getLogger(CompareCommand.class.getName());

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "2..*", paramLabel = "SCENARIO", description = "Two or more scenario files; the first is the reference.")
    private List<Path> scenarios = new ArrayList<>();

    @Mixin
    private ScenarioArguments arguments;

    @Option(names = "--allow-different-worlds",
            description = "Compare designs whose worlds (MODEL.md §3) or horizons differ, unpaired.")
    private boolean allowDifferentWorlds;

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
        PrintWriter err = spec.commandLine().getErr();
        GlobalOptions options = GlobalOptions.of(spec);
        List<ResolvedScenario> own = new ArrayList<>();
        for (Path file : scenarios) {
            own.add(arguments.load(file, null, null, err));
        }
        var first = own.get(0).scenario();
        long masterSeed = arguments.seed != null ? arguments.seed : first.seed();
        int reps = arguments.reps != null ? arguments.reps : first.replications();
        warnIfFilesDiffer(own, masterSeed, reps);
        List<DesignSpec> designs = new ArrayList<>();
        for (int k = 0; k < scenarios.size(); k++) {
            ResolvedScenario resolved = arguments.load(scenarios.get(k), masterSeed, reps, new PrintWriter(
                    java.io.Writer.nullWriter()));
            designs.add(new DesignSpec(k + 1, resolved.scenario().name(), resolved));
        }
        boolean paired = checkWorlds(designs);
        double wtp = cea.wtp(first);
        // Issue 12: compare's prediction intervals include the calibration's posterior unless told otherwise.
        ParameterOption.Draws draws = parameters.load(scenarios, arguments, masterSeed, reps,
                ParameterOption.Default.BUNDLED_POSTERIOR);
        Experiment experiment = new Experiment(designs, masterSeed, reps, draws == null ? null : draws.scenarios());
        resume.check(spec.commandLine(), output);
        if (output.dryRun) {
            out.println(paired ? "designs share one world: paired" : "designs differ in world: UNPAIRED");
            if (draws != null) {
                out.println(draws.summaryLine());
            }
            DryRun.print(out, experiment, options.threads());
            return ExitCodes.OK;
        }
        Instant start = Instant.now();
        String hash = hash(designs);
        ResultsFolder folder = resume.folder(() -> output.create(root -> ResultsFolder.forCompare(root, start, hash)));
        ParameterOption.record(folder, draws);
        List<CeaResult> ceaRows = new ArrayList<>();
        var completed = ExperimentFolder.execute(folder, experiment, true, "compare", options, interrupt,
                (results, executor, designResults) -> {
                    Comparison comparison = Comparison.of(designResults, masterSeed, paired);
                    results.writeSummaries(comparison.summaries(), draws == null ? null : draws.describe());
                    ComparisonTable.write(results.folder(), comparison, draws != null);
                    ceaRows.addAll(ComparisonCostEffectiveness.of(comparison, cea.perspective, wtp, masterSeed));
                    CeaFiles.write(results.folder(), ceaRows);
                    List<String> designNames = new ArrayList<>();
                    designs.forEach(d -> designNames.add(d.point() + "-" + d.name()));
                    results.writeManifest(ExperimentSession.manifest(spec.commandLine().getParseResult().originalArgs(),
                            start, hash, masterSeed, executor).withExtra("designs", designNames)
                            .withExtra("paired", paired).withExtra("parameters", draws == null ? null : draws.describe())
                            .withEnd(Instant.now()));
                    return comparison;
                });
        if (draws != null) {
            out.println(draws.summaryLine());
        }
        SummaryPrinter.comparison(out, completed.value(), draws != null);
        CeaFiles.print(out, ceaRows);
        boolean reported = report.write(completed.folder(), out);
        out.println(completed.folder());
        return reported ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private void warnIfFilesDiffer(List<ResolvedScenario> own, long masterSeed, int reps) {
        for (int k = 0; k < own.size(); k++) {
            var s = own.get(k).scenario();
            if (s.seed() != masterSeed || s.replications() != reps) {
                LOG.warning(scenarios.get(k) + " sets seed " + s.seed() + " and " + s.replications()
                        + " replications; the comparison uses seed " + masterSeed + " and " + reps
                        + " for every design");
            }
        }
    }

    /** True when every design shares the first one's world and horizon; else refuses or labels unpaired. */
    private boolean checkWorlds(List<DesignSpec> designs) {
        ResolvedScenario reference = designs.get(0).scenario();
        List<String> differing = new ArrayList<>();
        for (DesignSpec d : designs.subList(1, designs.size())) {
            ResolvedScenario r = d.scenario();
            if (!r.worldSha256().equals(reference.worldSha256())
                    || r.scenario().horizonMonths() != reference.scenario().horizonMonths()) {
                differing.add(scenarios.get(d.point() - 1) + " (" + d.name() + ")");
            }
        }
        if (differing.isEmpty()) {
            return true;
        }
        if (!allowDifferentWorlds) {
            throw new UserInputException("these designs have a different world or horizon from "
                    + scenarios.get(0) + " and cannot be paired: " + String.join(", ", differing)
                    + " (MODEL.md §3 \"World\": every section but collaborative and schedule, startMonth and "
                    + "horizonMonths); use --allow-different-worlds to compare them unpaired");
        }
        LOG.warning("designs differ in world or horizon: the comparison is UNPAIRED");
        return false;
    }

    /** SHA-256 of the designs' hashes in order, for the folder name. */
    static String hash(List<DesignSpec> designs) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (DesignSpec d : designs) {
                digest.update(d.scenario().sha256().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
