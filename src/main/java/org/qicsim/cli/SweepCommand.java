package org.qicsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Logger;
import org.qicsim.experiment.ExperimentSession;
import org.qicsim.experiment.Seeds;
import org.qicsim.experiment.sweep.ExperimentFile;
import org.qicsim.experiment.sweep.SweepFolder;
import org.qicsim.experiment.sweep.SweepPlan;
import org.qicsim.experiment.sweep.SweepSummaries;
import org.qicsim.results.BuildInfo;
import org.qicsim.results.Manifest;
import org.qicsim.results.ResultsFolder;
import org.qicsim.results.RunLog;
import org.qicsim.results.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qicsim sweep EXPERIMENT.yaml}: every point of the experiment's design for its replicates,
 * rows streamed to {@code results/sweep/<stamp>-<hash8>/} (or {@code --out DIR}) as Parquet, the
 * per-point summaries and, for sobol and morris designs, sensitivity indices. Ctrl-C stops between
 * runs and exits 130, leaving {@code <folder>.partial/} with every finished run;
 * {@code qicsim sweep --resume <folder>.partial} runs only the missing ones. docs/SWEEPS.md is the
 * reference of the experiment file.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a design of experiments over scenario keys: every design point for the experiment's "
                + "replicates, under common random numbers, into a results folder of Parquet tables (design, runs, "
                + "points, and timeseries and sites when asked) for `qicsim query`, R, pandas or any SQL engine.",
            "Ctrl-C keeps every finished run in <folder>.partial/ (exit 130); --resume finishes it."},
        footer = {"", "The experiment file is described in docs/SWEEPS.md; examples are in scenarios/experiments/."})
public final class SweepCommand implements Callable<Integer> {
    private static final Logger LOG = Logger.getLogger(SweepCommand.class.getName());

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "EXPERIMENT",
            description = "Experiment file (YAML). With --resume, defaults to the one the folder's manifest names.")
    private Path experimentFile;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Finish the interrupted sweep in DIR (its .partial folder): run only the missing runs.")
    private Path resume;

    @Mixin
    private FolderOptions folders;

    @Option(names = "--csv", description = "Store rows as CSV files (the run layout) instead of Parquet.")
    private boolean csv;

    @Option(names = "--dry-run", description = "Check the experiment and every point, print the runs, an estimate "
            + "of the time and the design; run nothing.")
    private boolean dryRun;

    @Mixin
    private ReportOption report;
    @Option(names = "--shard", paramLabel = "i/N", description = "Run only shard i of N (0 ≤ i < N): a deterministic "
            + "1/N of the runs, whole counterfactual groups kept together, into its own folder; join the N folders with "
            + "`qicsim merge`. No points table until merged.")
    private String shardText;

    @Option(names = "--target-ci", paramLabel = "METRIC=HALFWIDTH", description = "Adaptive replication: add "
            + "replicates to each point in rounds until the 95%% CI half-width of METRIC (a runs column) is at most "
            + "HALFWIDTH, absolute (finalRate=0.002) or relative to the point's mean (eventsAverted=10%%), or the point "
            + "has --max-reps.")
    private String targetCiText;

    @Option(names = "--max-reps", paramLabel = "N", description = "With --target-ci: the most replicates a point "
            + "gets (default: 10 × the experiment's replications).")
    private Integer maxReps;

    @Option(names = "--parameters", paramLabel = "FILE",
            description = "A posterior sample (from qicsim calibrate): replicate k of every point runs draw k. "
                    + "Give it again with --resume.")
    private Path parameters;

    /** Test seam: behaves as if Ctrl-C came once this many runs are stored (the signal path is the same). */
    @Mixin
    private InterruptOption interrupt;

    /** Test seam: the (N+1)-th table flush fails as on a full disk (RunStore's injected fault). */
    @Option(names = "--fail-write-after", hidden = true, paramLabel = "N")
    private Integer failWriteAfter;

    /** Test seam: commit at least every MS milliseconds, so that a kill test's kills land on commits. */
    @Option(names = "--commit-every-ms", hidden = true, paramLabel = "MS")
    private Long commitEveryMs;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GlobalOptions options = GlobalOptions.of(spec);
        if (experimentFile == null && resume == null) {
            throw new ParameterException(spec.commandLine(), "give an EXPERIMENT file, or --resume DIR");
        }
        if (resume != null && (folders.out != null || dryRun)) {
            throw new ParameterException(spec.commandLine(), "--resume continues its folder; it takes no --out or --dry-run");
        }
        if (resume != null && (shardText != null || targetCiText != null || maxReps != null)) {
            throw new ParameterException(spec.commandLine(), "--resume continues its folder's shard and adaptive "
                    + "replication as its manifest records them; it takes no --shard, --target-ci or --max-reps");
        }
        SweepScope scope = SweepScope.parse(spec.commandLine(), shardText, targetCiText, maxReps);
        Instant start = Instant.now();
        ResultsFolder folder = null;
        try {
            Manifest previous = null;
            if (resume != null) {
                // Takes the folder's lock: a second process resuming it is refused here.
                folder = ResultsFolder.reopen(resume);
                if (!SweepFolder.hasManifest(folder)) {
                    // Killed before its first manifest: nothing was run; start it again in place.
                    restartInPlace(folder);
                } else {
                    previous = SweepFolder.readManifest(folder);
                    scope = SweepScope.recorded(previous, folder.dir());
                }
                if (experimentFile == null) {
                    experimentFile = recorded(previous, folder);
                }
            }
            ExperimentFile experiment = ExperimentFile.load(experimentFile);
            experiment.base().notes().forEach(note -> err.println(note.format()));
            SweepPlan plan = scope.plan(experiment, options.threads());
            Map<String, Object> sample = null;
            if (parameters != null) {
                if (scope.adaptive()) {
                    throw new ParameterException(spec.commandLine(),
                            "--parameters cannot be combined with --target-ci: adaptive rounds add replicates beyond the "
                            + "draws assigned when the sweep starts; run a fixed number of replicates with --parameters");
                }
                plan = SweepParameters.apply(plan, parameters);
                sample = SweepParameters.describe(parameters);
            }
            if (previous != null) {
                SweepParameters.checkResume(previous, sample, folder);
            }
            if (dryRun) {
                scope.printDryRun(stdout, plan);
                printDryRun(stdout, plan, options.threads());
                return ExitCodes.OK;
            }
            if (folder != null && previous == null) {
                SweepFolder.writeExperiment(folder, experiment);
            } else if (folder != null) {
                SweepFolder.checkMatches(folder, experiment);
            } else {
                folder = folders.create(root -> ResultsFolder.forSweep(root, start, experiment.sha256()));
                SweepFolder.writeExperiment(folder, experiment);
            }
            return execute(plan, scope, folder, previous, start, options, stdout, sample);
        } finally {
            if (folder != null) {
                folder.close();
            }
        }
    }

    /**
     * A folder whose process was killed before it wrote its first manifest holds no runs (runs start
     * after it): its experiment files may be half written, so they are removed and written afresh
     * from the experiment file, which must then be named.
     */
    private void restartInPlace(ResultsFolder folder) throws IOException {
        if (experimentFile == null) {
            throw new UserInputException(folder.dir() + " was left by a sweep killed before it started (it has no "
                    + SweepFolder.MANIFEST + " and no runs); name its experiment: qicsim sweep EXPERIMENT.yaml --resume "
                    + folder.dir() + ", or remove the folder");
        }
        SweepFolder.clearUnstarted(folder);
    }

    private static Path recorded(Manifest manifest, ResultsFolder folder) {
        if (manifest == null) {
            return null;
        }
        Path file = SweepFolder.recordedExperiment(manifest);
        if (file == null || !Files.isRegularFile(file)) {
            throw new UserInputException("the experiment file this sweep was started with"
                    + (file == null ? "" : ", " + file + ",") + " is not here; name it: qicsim sweep EXPERIMENT.yaml "
                    + "--resume " + folder.dir() + " (" + folder.resolve(ExperimentFile.RESOLVED) + " will do)");
        }
        return file;
    }

    private int execute(SweepPlan plan, SweepScope scope, ResultsFolder folder, Manifest previous, Instant start,
            GlobalOptions options, PrintWriter stdout, Map<String, Object> sample) throws Exception {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        Manifest manifest = previous != null ? previous
                : SweepFolder.describe(Manifest.start(BuildInfo.load(), args, start)
                        .withScenario(plan.experiment().base().sha256(), plan.experiment().masterSeed(), Seeds.SCHEME),
                        plan.experiment(), plan);
        manifest = scope.describe(manifest.withExecution("mason-18/local", options.threads()), plan);
        if (sample != null) {
            manifest = manifest.withExtra("parameters", sample);
        }
        // At once: a folder with a manifest can always be resumed (see restartInPlace).
        SweepFolder.writeManifest(folder, manifest.withExtra("status", "running"));
        ExperimentSession.Outcome outcome = null;
        String status = "failed";
        boolean sensitivity = false;
        RunLog log = folder.log();
        // Ctrl-C: stop taking runs and wait (bounded) until the finished ones are stored.
        LocalExecution local = LocalExecution.start("sweep", options, interrupt);
        ExperimentSession opened = null;
        SweepPlan rounds = plan;
        try {
            try (ExperimentSession sweep = ExperimentSession.open(folder, plan, plan.experiment().outputs().monthly(),
                    plan.experiment().outputs().sites(), csv)) {
                opened = sweep;
                if (failWriteAfter != null) {
                    sweep.injectWriteFault(failWriteAfter);
                }
                if (commitEveryMs != null) {
                    sweep.commitEveryMillis(commitEveryMs);
                }
                manifest = manifest.withExtra("storage", sweep.storage()).withExtra("status", "running");
                SweepFolder.writeManifest(folder, manifest);
                LOG.info(String.format(Locale.ROOT, "sweep %s: %d points × %d replicates = %d runs%s; %d to run on %d "
                        + "thread%s; %s", plan.experiment().generator().kind().yamlName(), plan.points(),
                        plan.replications(), plan.runs(), sweep.storedBefore() > 0 ? " (" + sweep.storedBefore()
                                + " stored)" : "", sweep.remaining(), options.threads(), options.threads() == 1 ? "" : "s",
                        folder.dir()));
                // One round, or the rounds of adaptive replication (SweepScope): each runs the
                // planned runs not stored yet, so a resumed sweep replays stored rounds at no cost.
                while (true) {
                    outcome = SweepScope.add(outcome, local.run(sweep, "sweep"));
                    SweepPlan next = outcome.complete() ? scope.nextRound(sweep, rounds) : null;
                    if (next == null) {
                        break;
                    }
                    rounds = next;
                }
                manifest = scope.describe(manifest, rounds);
                status = "interrupted";
                if (outcome.complete()) {
                    // A shard's points are summarised by `qicsim merge`, from every shard's rows.
                    sensitivity = scope.shard() == null && SweepSummaries.write(folder, rounds, sweep, local.stop());
                    status = "complete";
                }
            }
        } catch (InterruptedException e) {
            // Stopped inside a run or while summarising: reported below like any other stop, so the
            // folder and the resume command are always printed.
            status = "interrupted";
        } catch (IOException | RuntimeException e) {
            status = "failed";
            if (opened == null || !opened.writeFailed()) {
                throw e;
            }
            throw new IOException("writing the results failed: " + e.getMessage() + "; nothing more was stored, and "
                    + folder.dir() + " is left unpublished and marked failed; every run stored before the failure is "
                    + "whole: free space (or fix the folder's permissions), then finish with: qicsim sweep --resume "
                    + folder.dir(), e);
        } finally {
            try {
                manifest = SweepFolder.finish(manifest, start, args, options.threads(), outcome, status);
                SweepFolder.writeManifest(folder, manifest);
            } catch (IOException | RuntimeException e) {
                // A full disk may refuse the manifest too: the folder stays .partial, never complete.
                LOG.warning("could not record status " + status + " in the manifest: " + e.getMessage());
            } finally {
                log.close();
                local.close();
            }
        }
        if (!status.equals("complete")) {
            stdout.println(folder.dir());
            String counts = outcome == null ? "no run stored this session"
                    : String.format(Locale.ROOT, "%d runs stored this session, %d of %d in all", outcome.runsThisSession(),
                            outcome.stored(), outcome.total());
            throw new InterruptedException(String.format(Locale.ROOT, "%s; every finished run is in %s; finish with: "
                    + "qicsim sweep --resume %s", counts, folder.dir(), folder.dir()));
        }
        Path done = folder.commit();
        printSummary(stdout, plan, outcome, sensitivity, Duration.between(start, Instant.now()));
        scope.printSummary(stdout);
        // A shard has no points table until merged; qicsim merge writes the joined folder's report.
        boolean reported = scope.shard() != null || report.write(done, stdout);
        stdout.println(done);
        return reported ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static void printDryRun(PrintWriter out, SweepPlan plan, int threads) throws IOException {
        ExperimentFile e = plan.experiment();
        out.printf(Locale.ROOT, "experiment %s (%s): %s design, %d factor%s, %d points%n", e.file(), e.hash8(),
                e.generator().kind().yamlName(), e.factors().size(), e.factors().size() == 1 ? "" : "s", plan.points());
        out.printf(Locale.ROOT, "base scenario %s (%s), master seed %d, common random numbers %s%n",
                e.scenarioFile().normalize(), e.base().hash8(), e.masterSeed(), e.commonRandomNumbers() ? "on" : "off");
        out.printf(Locale.ROOT, "%d points × %d replicate%s = %d runs, %d counterfactual arms (%d world%s)%n",
                plan.points(), plan.replications(), plan.replications() == 1 ? "" : "s", plan.runs(),
                plan.counterfactualArms(),
                e.commonRandomNumbers() ? plan.groups() : plan.points(),
                (e.commonRandomNumbers() ? plan.groups() : plan.points()) == 1 ? "" : "s");
        double seconds = plan.siteMonths() / (DryRun.SITE_MONTHS_PER_SECOND * Math.max(1, threads));
        out.printf(Locale.ROOT, "estimated time on %d thread%s: about %s%n", threads, threads == 1 ? "" : "s",
                DryRun.duration(seconds));
        out.println("design:");
        e.design().writeCsv(out);
        out.flush();
    }

    private static void printSummary(PrintWriter out, SweepPlan plan, ExperimentSession.Outcome outcome, boolean sensitivity,
            Duration took) {
        double seconds = took.toMillis() / 1000.0;
        // A shard, or adaptive replication, runs only some of the points × replicates (SweepScope).
        String planned = outcome.total() == plan.runs() ? "" : ", " + outcome.total() + " of them planned here";
        out.printf(Locale.ROOT, "sweep %s: %d points × %d replicate%s = %d runs%s (%d this session, %d counterfactual "
                + "arms) in %.1f s%n", plan.experiment().generator().kind().yamlName(), plan.points(),
                plan.replications(), plan.replications() == 1 ? "" : "s", plan.runs(), planned, outcome.runsThisSession(),
                outcome.counterfactualArms(), seconds);
        List<String> tables = new ArrayList<>(List.of("design", "runs", "points"));
        if (plan.experiment().outputs().monthly()) {
            tables.add("timeseries");
        }
        if (plan.experiment().outputs().sites()) {
            tables.add("sites");
        }
        if (sensitivity) {
            tables.add("sensitivity");
        }
        out.println("tables: " + String.join(", ", tables) + " (qicsim query DIR \"SELECT ...\")");
    }
}
