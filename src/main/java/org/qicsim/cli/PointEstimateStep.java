package org.qicsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.qicsim.experiment.LocalPool;
import org.qicsim.experiment.ParameterSample;
import org.qicsim.experiment.StopSignal;
import org.qicsim.experiment.calibrate.CalibrationFile;
import org.qicsim.experiment.calibrate.PointEstimate;
import org.qicsim.results.UserInputException;
import org.qicsim.scenario.KeyOverride;

/**
 * {@code qicsim calibrate --point-estimate DIR}: the point estimate of a finished history-matching
 * calibration, chosen by simulating its heaviest posterior draws ({@link PointEstimate};
 * docs/CALIBRATION.md "The point estimate"). It adds {@value PointEstimate#FILE} to the folder and
 * changes nothing else there; a folder that already has one is refused, so nothing is overwritten.
 */
final class PointEstimateStep {
    private PointEstimateStep() {
    }

    static int run(CalibrationFile calibration, Path dir, int candidates, int repeats, GlobalOptions options,
            PrintWriter stdout) throws Exception {
        if (calibration.historyMatching() == null) {
            throw new UserInputException(calibration.file() + " is an ABC-SMC calibration: its particles are accepted by "
                    + "simulation already; --point-estimate chooses among a history-matching calibration's draws");
        }
        if (candidates < 1 || repeats < 2) {
            throw new UserInputException("--candidates must be at least 1 and --point-repeats at least 2 (the repeats "
                    + "estimate the simulator's noise); got " + candidates + " and " + repeats);
        }
        Path posteriorFile = Files.isRegularFile(dir.resolve("posterior.parquet")) ? dir.resolve("posterior.parquet")
                : dir.resolve("posterior.csv");
        if (!Files.isRegularFile(posteriorFile)) {
            throw new UserInputException(dir + " has no posterior.parquet or posterior.csv: --point-estimate needs a "
                    + "finished calibration's folder");
        }
        String stored = Files.readString(dir.resolve(CalibrationFile.RESOLVED), StandardCharsets.UTF_8);
        if (!stored.equals(calibration.resolvedYaml())) {
            throw new UserInputException(calibration.file() + " no longer resolves to the calibration in " + dir
                    + " (compare with its " + CalibrationFile.RESOLVED + "); its point estimate needs the same targets");
        }
        Path out = dir.resolve(PointEstimate.FILE);
        if (Files.exists(out)) {
            throw new UserInputException(out + " already exists; nothing is overwritten (move it away to choose again)");
        }
        ParameterSample posterior = ParameterSample.read(posteriorFile);
        var hm = calibration.historyMatching();
        int n = Math.min(candidates, posterior.size());
        long total = (long) n * repeats * calibration.runsPerEvaluation();
        PointEstimate.Result result;
        StopSignal stop = new StopSignal();
        // Ctrl-C stops between evaluations; nothing is written then (exit 130), so a rerun starts afresh.
        StopOnInterrupt ctrlC = StopOnInterrupt.install(stop, "qicsim-point-estimate-stop");
        try (LocalPool pool = new LocalPool(options.threads());
                Progress progress = Progress.start("point estimate", total, options)) {
            result = PointEstimate.choose(calibration.targets(), calibration.seed(), posterior, candidates, repeats,
                    hm.observationSd(), hm.discrepancy(), pool, stop, (candidate, runs) -> {
                        progress.stepBy(runs);
                        progress.message(String.format(Locale.ROOT, "candidate %d of %d", candidate + 1, n));
                    });
        } finally {
            ctrlC.close();
        }
        write(out, result);
        PointEstimate.Candidate best = result.chosen();
        stdout.printf(Locale.ROOT, "point estimate: draw %d (weight %.4g, simulated log-likelihood %.4g), of the %d "
                + "heaviest draws, %d evaluations each (%d runs per evaluation)%n", best.draw(), best.weight(),
                best.logLikelihood(), result.candidates().size(), result.repeats(), calibration.runsPerEvaluation());
        for (KeyOverride o : best.parameters()) {
            stdout.printf(Locale.ROOT, "  %-40s %s%n", o.path(), o.valueYaml());
        }
        stdout.println(out);
        return ExitCodes.OK;
    }

    /**
     * One row per candidate in weight order: draw, weight, simulated log-likelihood, whether chosen, each
     * statistic's mean; then the rows {@code observed}, {@code scale}, {@code share} and {@code noiseSd}
     * (one evaluation's SD) with the draw column naming them.
     */
    private static void write(Path out, PointEstimate.Result r) throws IOException {
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        long chosen = r.chosen().draw();
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder("draw,weight,logLikelihood,chosen");
            for (String n : r.names()) {
                header.append(',').append(quoted(n));
            }
            w.write(header.append('\n').toString());
            for (PointEstimate.Candidate c : r.candidates()) {
                w.write(row(Long.toString(c.draw()), Double.toString(c.weight()), Double.toString(c.logLikelihood()),
                        c.draw() == chosen ? "1" : "0", c.means()));
            }
            double[] sd = r.noise().clone();
            for (int k = 0; k < sd.length; k++) {
                sd[k] = StrictMath.sqrt(sd[k]);
            }
            w.write(row("observed", "", "", "", r.observed()));
            w.write(row("scale", "", "", "", r.scales()));
            w.write(row("share", "", "", "", r.shares()));
            w.write(row("noiseSd", "", "", "", sd));
        }
        Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String row(String draw, String weight, String ll, String chosen, double[] values) {
        StringBuilder b = new StringBuilder(draw).append(',').append(weight).append(',').append(ll).append(',').append(chosen);
        for (double v : values) {
            b.append(',').append(Double.isNaN(v) ? "" : Double.toString(v));
        }
        return b.append('\n').toString();
    }

    private static String quoted(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
