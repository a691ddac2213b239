package org.qicsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.logging.Logger;
import org.qicsim.experiment.LocalPool;
import org.qicsim.experiment.Seeds;
import org.qicsim.experiment.StopSignal;
import org.qicsim.experiment.calibrate.AbcSmc;
import org.qicsim.experiment.calibrate.CalibrationFile;
import org.qicsim.experiment.calibrate.CalibrationOutputs;
import org.qicsim.experiment.calibrate.CalibrationState;
import org.qicsim.experiment.calibrate.HistoryMatching;
import org.qicsim.experiment.calibrate.HistoryMatchingState;
import org.qicsim.experiment.calibrate.PointEstimate;
import org.qicsim.experiment.calibrate.Prior;
import org.qicsim.patterns.ReviewTarget;
import org.qicsim.results.BuildInfo;
import org.qicsim.results.Manifest;
import org.qicsim.results.ResultsFolder;
import org.qicsim.results.RunLog;
import org.qicsim.results.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qicsim calibrate CALIBRATION.yaml}: ABC-SMC (or, as the file says, history matching with
 * Gaussian-process emulators) over the file's free parameters against its targets, on the local pool; writes {@code results/calibrate/<stamp>-<hash8>/} (or
 * {@code --out DIR}) with the posterior sample, per-generation diagnostics and a posterior
 * summary. Ctrl-C stops between batches (exit 130) and keeps {@code <folder>.partial/};
 * {@code --resume <folder>.partial} continues it to the same result as an uninterrupted run.
 * docs/CALIBRATION.md describes the file and the method.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Calibrate free scenario parameters to targets by ABC-SMC (approximate Bayesian computation, "
                + "sequential Monte Carlo) or, with method: {type: historyMatching}, by history matching with "
                + "Gaussian-process emulators: writes the posterior sample (draw, weight, distance, one column per "
                + "parameter), diagnostics per generation and a posterior summary.",
            "Ctrl-C keeps the finished batches in <folder>.partial/ (exit 130); --resume finishes it."},
        footer = {"", "The calibration file is described in docs/CALIBRATION.md; an example is in scenarios/calibration/."})
public final class CalibrateCommand implements Callable<Integer> {
    private static final Logger LOG = Logger.getLogger(CalibrateCommand.class.getName());
    static final String CALIBRATION_FILE = "calibrationFile";
    private static final String MANIFEST = "manifest.json";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CALIBRATION",
            description = "Calibration file (YAML). With --resume, defaults to the one the folder's manifest names.")
    private Path calibrationFile;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the interrupted calibration in DIR (its .partial folder).")
    private Path resume;

    @Mixin
    private FolderOptions folders;

    @Option(names = "--csv", description = "Write the posterior as posterior.csv instead of posterior.parquet.")
    private boolean csv;

    @Option(names = "--dry-run", description = "Check the calibration file, print its runs per evaluation and budget; "
            + "run nothing.")
    private boolean dryRun;

    @Option(names = "--point-estimate", paramLabel = "DIR",
            description = "Choose the point estimate of the finished history-matching calibration in DIR by simulating "
                    + "its heaviest posterior draws (docs/CALIBRATION.md \"The point estimate\"); writes DIR/"
                    + PointEstimate.FILE + ".")
    private Path pointEstimate;

    @Option(names = "--candidates", paramLabel = "N", defaultValue = "40",
            description = "With --point-estimate: how many of the heaviest draws to simulate (default ${DEFAULT-VALUE}).")
    private int candidates;

    @Option(names = "--point-repeats", paramLabel = "R", defaultValue = "5",
            description = "With --point-estimate: evaluations of each candidate, every target (default ${DEFAULT-VALUE}).")
    private int pointRepeats;

    @Option(names = "--point-trials", paramLabel = "N",
            description = "With --point-estimate: simulated trials of each review per evaluation, 0 for each review's own "
                    + "count (the scorecard's); default: the calibration file's replicates.")
    private Integer pointTrials;

    /** Test seam: behaves as if Ctrl-C came once this many batches are evaluated. */
    @Option(names = "--interrupt-after", hidden = true, paramLabel = "N")
    private Integer interruptAfter;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        GlobalOptions options = GlobalOptions.of(spec);
        if (calibrationFile == null && resume == null && pointEstimate == null) {
            throw new ParameterException(spec.commandLine(), "give a CALIBRATION file, or --resume DIR");
        }
        if (pointTrials != null && pointEstimate == null) {
            throw new ParameterException(spec.commandLine(), "--point-trials goes with --point-estimate DIR");
        }
        if (pointTrials != null && pointTrials < 0) {
            throw new UserInputException("--point-trials must be 0 (each review's own count) or more; got " + pointTrials);
        }
        if (pointEstimate != null) {
            if (resume != null || folders.out != null || dryRun) {
                throw new ParameterException(spec.commandLine(), "--point-estimate reads a finished calibration's folder; "
                        + "it takes no --resume, --out or --dry-run");
            }
            Path manifestFile = pointEstimate.resolve(MANIFEST);
            if (!Files.isRegularFile(manifestFile)) {
                throw new UserInputException(pointEstimate + " is not a calibration folder: it has no " + MANIFEST);
            }
            Path file = calibrationFile != null ? calibrationFile : recorded(Manifest.read(manifestFile), pointEstimate,
                    "--point-estimate");
            // The file's replicates stay in its resolved form (the folder's check); only the reviews' evaluations
            // take --point-trials' count.
            CalibrationFile calibration = CalibrationFile.load(file, pointTrials == null ? ReviewTarget::of
                    : (id, patternFile, replicates, signTarget) -> ReviewTarget.of(id, patternFile, pointTrials,
                            signTarget));
            return PointEstimateStep.run(calibration, pointEstimate, candidates, pointRepeats, options, stdout);
        }
        if (resume != null && (folders.out != null || dryRun)) {
            throw new ParameterException(spec.commandLine(), "--resume continues its folder; it takes no --out or --dry-run");
        }
        Instant start = Instant.now();
        ResultsFolder folder = null;
        try {
            Manifest previous = null;
            if (resume != null) {
                folder = ResultsFolder.reopen(resume);
                Path manifestFile = folder.resolve(MANIFEST);
                if (!Files.isRegularFile(manifestFile)) {
                    throw new UserInputException(folder.dir() + " is not a calibration folder: it has no " + MANIFEST);
                }
                previous = Manifest.read(manifestFile);
                if (calibrationFile == null) {
                    calibrationFile = recorded(previous, folder);
                }
            }
            CalibrationFile calibration = CalibrationFile.load(calibrationFile, ReviewTarget::of);
            Object method = calibration.historyMatching() != null ? new HistoryMatching(calibration)
                    : new AbcSmc(calibration);
            if (dryRun) {
                printDryRun(stdout, calibration, options.threads());
                return ExitCodes.OK;
            }
            if (folder != null) {
                String stored = Files.readString(folder.resolve(CalibrationFile.RESOLVED), StandardCharsets.UTF_8);
                if (!stored.equals(calibration.resolvedYaml())) {
                    throw new UserInputException(calibrationFile + " no longer resolves to the calibration in " + folder.dir()
                            + " (compare with its " + CalibrationFile.RESOLVED + "); a calibration resumes only unchanged");
                }
            } else {
                folder = folders.create(root -> ResultsFolder.forRun(root, "calibrate", start, calibration.sha256()));
                Files.writeString(folder.resolve(CalibrationFile.RESOLVED), calibration.resolvedYaml(), StandardCharsets.UTF_8);
            }
            return execute(calibration, method, folder, previous, start, options, stdout);
        } finally {
            // Releases the folder's lock when it was not published (interrupted, failed, refused).
            if (folder != null) {
                folder.close();
            }
        }
    }

    private static Path recorded(Manifest manifest, ResultsFolder folder) {
        return recorded(manifest, folder.dir(), "--resume");
    }

    private static Path recorded(Manifest manifest, Path dir, String option) {
        Object v = manifest.extra().get(CALIBRATION_FILE);
        String text = v instanceof JsonNode node ? node.asText(null) : v instanceof String s ? s : null;
        Path file = text == null ? null : Path.of(text);
        if (file == null || !Files.isRegularFile(file)) {
            throw new UserInputException("the calibration file this calibration was started with"
                    + (file == null ? "" : ", " + file + ",") + " is not here; name it: qicsim calibrate CALIBRATION.yaml "
                    + option + " " + dir);
        }
        return file;
    }

    private int execute(CalibrationFile calibration, Object method, ResultsFolder folder, Manifest previous,
            Instant start, GlobalOptions options, PrintWriter stdout) throws Exception {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        Manifest manifest = (previous != null ? previous : Manifest.start(BuildInfo.load(), args, start)
                .withScenario(calibration.sha256(), calibration.seed(), Seeds.SCHEME)
                .withExtra(CALIBRATION_FILE, calibrationFile.toAbsolutePath().normalize().toString())
                .withExtra("method", calibration.method()))
                .withExecution("mason-18/local", options.threads());
        StopSignal stop = new StopSignal();
        RunLog log = folder.log();
        StopOnInterrupt ctrlC = StopOnInterrupt.install(stop, "qicsim-calibrate-stop");
        AbcSmc.Result result = null;
        HistoryMatching.Result matched = null;
        String status = "failed";
        try {
            writeManifest(folder, manifest.withExtra("status", "running"));
            if (method instanceof HistoryMatching hm) {
                matched = runHistoryMatching(calibration, hm, folder, stop, options);
                String posterior = CalibrationOutputs.write(folder, calibration.priors(), matched, csv);
                status = "complete";
                manifest = manifest.withExtra("posterior", posterior).withExtra("stopReason", matched.stopReason())
                        .withExtra("runs", matched.runs()).withExtra("waves", matched.waves().size())
                        .withExtra("ess", matched.ess());
            } else {
                AbcSmc abc = (AbcSmc) method;
                LOG.info(String.format(Locale.ROOT, "calibrate %s: %d parameters, %d targets, %d runs per evaluation, "
                        + "budget %d runs, %d particles, batches of %d, on %d thread%s; %s", calibration.file(),
                        calibration.priors().size(), calibration.targets().size(), calibration.runsPerEvaluation(),
                        calibration.runBudget(), calibration.settings().particles(), calibration.settings().batch(),
                        options.threads(), options.threads() == 1 ? "" : "s", folder.dir()));
                CalibrationState state = new CalibrationState(folder.resolve("state"));
                try (LocalPool pool = new LocalPool(options.threads());
                        Progress progress = Progress.start("calibrate", calibration.runBudget(), options)) {
                    int[] batches = new int[1];
                    result = abc.run(pool, stop, state, new AbcSmc.Listener() {
                        @Override
                        public void batchDone(int generation, long runs, int accepted, long considered) {
                            progress.stepBy(runs);
                            progress.message(String.format(Locale.ROOT, "gen %d, accepted %d of %d (%.1f%%)", generation,
                                    accepted, considered, 100.0 * accepted / Math.max(1, considered)));
                            if (interruptAfter != null && ++batches[0] >= interruptAfter) {
                                stop.request();
                            }
                        }

                        @Override
                        public void generationDone(AbcSmc.Generation g) {
                            LOG.info(String.format(Locale.ROOT, "generation %d: epsilon %.4g, %d evaluations, acceptance "
                                    + "rate %.3f, ESS %.1f, %d runs so far", g.index(), g.epsilon(), g.evaluations(),
                                    g.acceptanceRate(), g.ess(), g.runs()));
                        }
                    });
                }
                String posterior = CalibrationOutputs.write(folder, calibration.priors(), result, csv);
                status = "complete";
                manifest = manifest.withExtra("posterior", posterior).withExtra("stopReason", result.stopReason())
                        .withExtra("runs", result.runs()).withExtra("generations", result.generations().size());
            }
        } catch (InterruptedException e) {
            status = "interrupted";
            stdout.println(folder.dir());
            throw new InterruptedException((e.getMessage() == null ? "" : e.getMessage() + "; ")
                    + "every finished batch is in " + folder.dir() + "; finish with: qicsim calibrate --resume "
                    + folder.dir());
        } finally {
            Manifest last = manifest.withExtra("status", status);
            writeManifest(folder, status.equals("complete") ? last.withEnd(Instant.now()) : last);
            log.close();
            ctrlC.close();
        }
        Path done = folder.commit();
        if (matched != null) {
            printSummary(stdout, calibration, matched, Duration.between(start, Instant.now()));
        } else {
            printSummary(stdout, calibration, result, Duration.between(start, Instant.now()));
        }
        stdout.println(done);
        return ExitCodes.OK;
    }

    private HistoryMatching.Result runHistoryMatching(CalibrationFile calibration, HistoryMatching method,
            ResultsFolder folder, StopSignal stop, GlobalOptions options) throws Exception {
        HistoryMatching.Settings s = calibration.historyMatching();
        LOG.info(String.format(Locale.ROOT, "calibrate %s by history matching: %d parameters, %d targets, %d runs per "
                + "evaluation, budget %d runs, up to %d waves of %d points x %d repeats (%d runs a wave), batches of %d, "
                + "on %d thread%s; %s", calibration.file(), calibration.priors().size(), calibration.targets().size(),
                calibration.runsPerEvaluation(), calibration.runBudget(), s.waves(), s.points(), s.repeats(),
                method.runsPerWave(), s.batch(), options.threads(), options.threads() == 1 ? "" : "s", folder.dir()));
        HistoryMatchingState state = new HistoryMatchingState(folder.resolve("state"));
        try (LocalPool pool = new LocalPool(options.threads());
                Progress progress = Progress.start("calibrate", calibration.runBudget(), options)) {
            int[] batches = new int[1];
            return method.run(pool, stop, state, new HistoryMatching.Listener() {
                @Override
                public void batchDone(int wave, long runs, int evaluationsDone, int evaluationsInWave) {
                    progress.stepBy(runs);
                    progress.message(String.format(Locale.ROOT, "wave %d, %d of %d evaluations", wave, evaluationsDone,
                            evaluationsInWave));
                    if (interruptAfter != null && ++batches[0] >= interruptAfter) {
                        stop.request();
                    }
                }

                @Override
                public void waveDone(HistoryMatching.Wave w) {
                    LOG.info(String.format(Locale.ROOT, "wave %d: %d points, emulators on %d, non-implausible share "
                            + "of the prior %.4g, leave-one-out errors within 3 SD %.3f (largest %.2f), %d runs so far",
                            w.index(), w.points(), w.trainingPoints(), w.nonImplausibleFraction(), w.looWithin3(),
                            w.looMaxAbs(), w.runs()));
                }
            });
        }
    }

    private static void printSummary(PrintWriter out, CalibrationFile c, HistoryMatching.Result result, Duration took) {
        HistoryMatching.Wave last = result.waves().get(result.waves().size() - 1);
        out.printf(Locale.ROOT, "history matching: %d waves, %d runs in %.1f s (stopped: %s); non-implausible share of "
                + "the prior %.4g; final sample %d draws, ESS %.1f%n", result.waves().size(), result.runs(),
                took.toMillis() / 1000.0, result.stopReason(), last.nonImplausibleFraction(), result.posterior().size(),
                result.ess());
        printPosterior(out, c, result.posterior());
    }

    private static void writeManifest(ResultsFolder folder, Manifest manifest) throws IOException {
        Path file = folder.resolve(MANIFEST);
        Path tmp = folder.resolve(MANIFEST + ".tmp");
        Files.writeString(tmp, manifest.toJson(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void printDryRun(PrintWriter out, CalibrationFile c, int threads) {
        out.printf(Locale.ROOT, "calibration %s (%s): %d parameter%s, %d target%s, %d run%s per evaluation%n", c.file(),
                c.hash8(), c.priors().size(), c.priors().size() == 1 ? "" : "s", c.targets().size(),
                c.targets().size() == 1 ? "" : "s", c.runsPerEvaluation(), c.runsPerEvaluation() == 1 ? "" : "s");
        for (Prior p : c.priors()) {
            out.printf(Locale.ROOT, "  %s ~ %s[%s, %s]%n", p.path(), p.kind().yamlName(), p.low(), p.high());
        }
        var h = c.historyMatching();
        if (h != null) {
            out.printf(Locale.ROOT, "history matching: up to %d waves of %d points x %d repeats (%d runs a wave), "
                    + "implausibility %s <= %s, observation SD %s x scale, discrepancy %s x scale, %s kernel, %s mean, final sample of %d%n",
                    h.waves(), h.points(), h.repeats(), (long) h.points() * h.repeats() * c.runsPerEvaluation(),
                    h.implausibility().yamlName(), h.cutoff(), h.observationSd(), h.discrepancy(), h.kernel().yamlName(),
                    h.mean().yamlName(), h.samples());
        } else {
            var s = c.settings();
            out.printf(Locale.ROOT, "ABC-SMC: %d particles, tolerance quantile %s, at most %d generations, batches of "
                    + "%d, stop below acceptance rate %s%n", s.particles(), s.quantile(), s.generations(), s.batch(),
                    s.minAcceptanceRate());
        }
        out.printf(Locale.ROOT, "budget %d runs (%d evaluations), seed %d, %d thread%s%n", c.runBudget(),
                c.runBudget() / c.runsPerEvaluation(), c.seed(), threads, threads == 1 ? "" : "s");
        out.flush();
    }

    private static void printSummary(PrintWriter out, CalibrationFile c, AbcSmc.Result result, Duration took) {
        AbcSmc.Generation last = result.last();
        out.printf(Locale.ROOT, "ABC-SMC: %d generations, %d runs in %.1f s (stopped: %s); last epsilon %.4g, "
                + "acceptance rate %.3f, ESS %.1f%n", result.generations().size(), result.runs(),
                took.toMillis() / 1000.0, result.stopReason(), last.epsilon(), last.acceptanceRate(), last.ess());
        printPosterior(out, c, last.particles());
    }

    private static void printPosterior(PrintWriter out, CalibrationFile c, List<AbcSmc.Particle> particles) {
        out.println("posterior: mean [2.5%, 97.5%] (prior range)");
        for (int k = 0; k < c.priors().size(); k++) {
            Prior p = c.priors().get(k);
            double[] values = new double[particles.size()];
            double[] weights = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = p.value(particles.get(i).u()[k]);
                weights[i] = particles.get(i).weight();
            }
            double[] s = summarise(values, weights);
            out.printf(Locale.ROOT, "  %-40s %s [%s, %s] (%s to %s)%n", p.path(), SummaryPrinter.number(s[0]),
                    SummaryPrinter.number(s[1]), SummaryPrinter.number(s[2]), SummaryPrinter.number(p.low()),
                    SummaryPrinter.number(p.high()));
        }
    }

    /** Weighted mean and 2.5% / 97.5% quantiles, as posterior-summary.csv computes them. */
    private static double[] summarise(double[] values, double[] weights) {
        java.util.List<double[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            rows.add(new double[] {i, weights[i], 0, values[i]});
        }
        double[] s = CalibrationOutputs.summaryOf(rows, 3);
        return new double[] {s[0], s[2], s[4]};
    }
}
