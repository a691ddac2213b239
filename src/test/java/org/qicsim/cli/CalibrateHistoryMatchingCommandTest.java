package org.qicsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qicsim.experiment.calibrate.CalibrationOutputs;

/**
 * {@code qicsim calibrate} with {@code method: {type: historyMatching}}, end to end in process on a
 * tiny calibration (6 sites, 24 months, 2 waves of 10 points × 2 repeats): the files are
 * byte-identical for 1 and 2 threads and across an interruption and {@code --resume}; the posterior
 * has the contracted columns and is a parameter sample {@code run --parameters} accepts, and
 * {@code report} draws the waves; a bad
 * method value fails at its file, line and column with a did-you-mean, exit 2.
 */
class CalibrateHistoryMatchingCommandTest {
    static final String TINY = CalibrateCommandTest.TINY.replace(
            "method: {type: abcSmc, particles: 10, quantile: 0.5, generations: 2, batch: 10}",
            "method: {type: historyMatching, waves: 2, points: 10, repeats: 2, samples: 50, batch: 10}");

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Path calibrate(Path calibration, String out, String... more) {
        List<String> args = new ArrayList<>(List.of("calibrate", calibration.toString(), "--out", dir.resolve(out).toString(),
                "--quiet"));
        args.addAll(List.of(more));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.lastLine()).isEqualTo(dir.resolve(out).toString());
        return dir.resolve(out);
    }

    /** A new folder {@code name} with copies of the files (not the subfolders) of {@code from}. */
    private Path copyFiles(Path from, String name) throws IOException {
        Path copy = dir.resolve(name);
        Files.createDirectories(copy);
        try (var files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }

    private static void assertSameFiles(Path a, Path b) throws IOException {
        for (String f : List.of(CalibrationOutputs.POSTERIOR_CSV, CalibrationOutputs.DIAGNOSTICS, CalibrationOutputs.SUMMARY,
                CalibrationOutputs.EMULATORS, "calibration.resolved.yaml")) {
            assertThat(Files.readString(b.resolve(f))).as(f).isEqualTo(Files.readString(a.resolve(f)));
        }
    }

    @Test
    void sameFilesForOneAndTwoThreadsAndAfterAResume() throws Exception {
        Path calibration = file("tiny.yaml", TINY);
        Path one = calibrate(calibration, "one", "--threads", "1", "--csv");
        Path two = calibrate(calibration, "two", "--threads", "2", "--csv");
        assertSameFiles(one, two);
        List<String> posterior = Files.readAllLines(one.resolve(CalibrationOutputs.POSTERIOR_CSV));
        assertThat(posterior.get(0)).isEqualTo("draw,weight,distance,sites.baselineRate,practices.effectOddsRatio");
        assertThat(posterior).hasSizeGreaterThan(1);
        List<String> diagnostics = Files.readAllLines(one.resolve(CalibrationOutputs.DIAGNOSTICS));
        assertThat(diagnostics.get(0)).isEqualTo(String.join(",", CalibrationOutputs.WAVE_COLUMNS));
        assertThat(diagnostics.size()).isBetween(2, 3);
        assertThat(Files.readString(one.resolve("calibration.resolved.yaml")))
                .contains("method: {type: historyMatching, waves: 2, points: 10, repeats: 2, cutoff: 3.0, "
                        + "implausibility: max, observationSd: 1.0, discrepancy: 0.0, minShrink: 0.1, samples: 50, kernel: squaredExponential, "
                        + "mean: linear, batch: 10}");

        // Interrupted after two batches (wave 1 done), resumed on one thread: the same files.
        CliRun cut = CliRun.of("calibrate", calibration.toString(), "--out", dir.resolve("cut").toString(), "--quiet",
                "--csv", "--threads", "2", "--interrupt-after", "2");
        assertThat(cut.exit()).as(cut.toString()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(dir.resolve("cut.partial/state/wave-1.csv")).exists();
        assertThat(dir.resolve("cut")).doesNotExist();
        CliRun resumed = CliRun.of("calibrate", "--resume", dir.resolve("cut.partial").toString(), "--quiet", "--csv",
                "--threads", "1");
        assertThat(resumed.exit()).as(resumed.toString()).isZero();
        assertSameFiles(one, dir.resolve("cut"));

        // report renders the waves.
        CliRun report = CliRun.of("report", one.toString());
        assertThat(report.exit()).as(report.toString()).isZero();
        assertThat(Files.readString(one.resolve("report.html"))).contains("How history matching narrowed the space")
                .contains("Non-implausible share");

        // The posterior is a parameter sample that run accepts.
        CliRun run = CliRun.of("run", CalibrateCommandTest.MICHIGAN.toString(), "--set", "sites.count=6", "--set",
                "horizonMonths=24", "--reps", "2", "--parameters", one.resolve(CalibrationOutputs.POSTERIOR_CSV).toString(),
                "--out", dir.resolve("run").toString(), "--quiet");
        assertThat(run.exit()).as(run.toString()).isZero();
    }

    /**
     * {@code --point-estimate} adds point-estimate.csv to a finished folder, the same on one and two
     * threads, marks the candidate of highest simulated log-likelihood, and never overwrites it.
     */
    @Test
    void thePointEstimateIsChosenBySimulationAndNothingIsOverwritten() throws Exception {
        Path calibration = file("tiny.yaml", TINY);
        Path one = calibrate(calibration, "one", "--threads", "2", "--csv");
        Path copy = copyFiles(one, "copy");
        CliRun first = CliRun.of("calibrate", "--point-estimate", one.toString(), "--candidates", "3", "--point-repeats",
                "2", "--threads", "1", "--quiet");
        assertThat(first.exit()).as(first.toString()).isZero();
        assertThat(first.out()).contains("point estimate: draw ").contains("of the 3 heaviest draws, 2 evaluations each");
        CliRun second = CliRun.of("calibrate", calibration.toString(), "--point-estimate", copy.toString(), "--candidates",
                "3", "--point-repeats", "2", "--threads", "2", "--quiet");
        assertThat(second.exit()).as(second.toString()).isZero();
        String table = Files.readString(one.resolve("point-estimate.csv"));
        assertThat(Files.readString(copy.resolve("point-estimate.csv"))).isEqualTo(table);
        List<String> lines = table.lines().toList();
        assertThat(lines.get(0)).isEqualTo("draw,weight,logLikelihood,chosen,baselineRate,finalRate");
        assertThat(lines).hasSize(1 + 3 + 4);
        double best = Double.NEGATIVE_INFINITY;
        String chosen = null;
        for (String line : lines.subList(1, 4)) {
            String[] f = line.split(",");
            if (Double.parseDouble(f[2]) > best) {
                best = Double.parseDouble(f[2]);
                chosen = f[0];
            }
        }
        String chosenDraw = chosen;
        assertThat(lines.subList(1, 4)).filteredOn(l -> l.split(",")[3].equals("1")).singleElement()
                .satisfies(l -> assertThat(l.split(",")[0]).isEqualTo(chosenDraw));

        CliRun again = CliRun.of("calibrate", "--point-estimate", one.toString(), "--quiet");
        assertThat(again.exit()).as(again.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(again.err()).contains("point-estimate.csv already exists; nothing is overwritten").doesNotContain("Exception");
        assertThat(Files.readString(one.resolve("point-estimate.csv"))).isEqualTo(table);
        CliRun bad = CliRun.of("calibrate", "--point-estimate", copy.toString(), "--point-repeats", "1", "--quiet");
        assertThat(bad.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(bad.err()).contains("--point-repeats at least 2").doesNotContain("Exception");
    }

    /**
     * {@code --point-trials} sets the simulated trials of each review per evaluation of the point
     * estimate, whatever the calibration file's replicates (which stay in its resolved form, so the
     * folder still matches): C1 calibrated at 2 trials per evaluation (too few for its moderators'
     * regression) is scored at 20 (enough), so the table gains the five moderator statistics and its
     * share row is 20/300 instead of 2/300. Machinery only: far too few trials to say anything about C1.
     */
    @Test
    void pointTrialsSetTheReviewsTrialCountOfThePointEstimate() throws Exception {
        Path calibration = file("review.yaml", CalibrateCommandTest.reviewC1(TINY));
        Path one = calibrate(calibration, "one", "--threads", "2", "--csv");
        Path copy = copyFiles(one, "copy");
        CliRun own = CliRun.of("calibrate", "--point-estimate", one.toString(), "--candidates", "2", "--point-repeats",
                "2", "--threads", "2", "--quiet");
        assertThat(own.exit()).as(own.toString()).isZero();
        assertThat(own.out()).contains("(2 runs per evaluation)");
        CliRun twenty = CliRun.of("calibrate", "--point-estimate", copy.toString(), "--candidates", "2", "--point-repeats",
                "2", "--point-trials", "20", "--threads", "2", "--quiet");
        assertThat(twenty.exit()).as(twenty.toString()).isZero();
        assertThat(twenty.out()).contains("(20 runs per evaluation)");
        List<String> few = Files.readAllLines(one.resolve("point-estimate.csv"));
        List<String> more = Files.readAllLines(copy.resolve("point-estimate.csv"));
        assertThat(few.get(0)).isEqualTo("draw,weight,logLikelihood,chosen,C1 median,C1 q1,C1 q3");
        assertThat(more.get(0)).startsWith(few.get(0) + ",C1 moderator low baseline compliance")
                .contains("C1 moderator clinician-led source");
        assertThat(share(few)).isEqualTo(2.0 / 300);
        assertThat(share(more)).isEqualTo(20.0 / 300);

        CliRun negative = CliRun.of("calibrate", "--point-estimate", one.toString(), "--point-trials", "-1", "--quiet");
        assertThat(negative.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(negative.err()).contains("--point-trials must be 0").doesNotContain("Exception");
        CliRun alone = CliRun.of("calibrate", calibration.toString(), "--point-trials", "20", "--dry-run");
        assertThat(alone.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(alone.err()).contains("--point-trials goes with --point-estimate DIR");
    }

    /** The share row's first statistic (the review's median): the evaluation's trials over the pattern's. */
    private static double share(List<String> table) {
        String row = table.stream().filter(l -> l.startsWith("share,")).findFirst().orElseThrow();
        return Double.parseDouble(row.split(",")[4]);
    }

    @Test
    void aBadMethodValueIsLocatedWithADidYouMean() throws Exception {
        Path bad = file("bad.yaml", TINY.replace("type: historyMatching", "type: historyMatchin"));
        CliRun run = CliRun.of("calibrate", bad.toString(), "--dry-run");
        assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains(bad.normalize() + ":11:16: method.type: unknown method \"historyMatchin\" "
                + "(did you mean \"historyMatching\"?) (valid: abcSmc, historyMatching)").doesNotContain("Exception");

        Path keys = file("keys.yaml", TINY.replace("waves: 2", "wave: 2").replace("batch: 10}",
                "batch: 10, kernel: matern, implausibility: second}"));
        run = CliRun.of("calibrate", keys.toString(), "--dry-run");
        assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        String f = keys.normalize().toString();
        assertThat(run.err())
                .contains(f + ":11:33: method.wave: unknown key \"wave\" of method historyMatching (did you mean \"waves\"?)")
                .contains("method.kernel: unknown kernel \"matern\" (did you mean \"matern52\"?) (valid: "
                        + "squaredExponential, matern52)")
                .contains("method.implausibility: unknown implausibility \"second\"")
                .doesNotContain("Exception");

        Path small = file("small.yaml", TINY.replace("runs: 400", "runs: 15"));
        run = CliRun.of("calibrate", small.toString(), "--dry-run");
        assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("cannot complete even wave 1, which needs 20 runs");
    }

    @Test
    void dryRunDescribesTheWaves() throws Exception {
        CliRun run = CliRun.of("calibrate", file("tiny.yaml", TINY).toString(), "--dry-run");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("history matching: up to 2 waves of 10 points x 2 repeats (20 runs a wave)");
    }

    /** The bundled history-matching examples check out (their runs are measured in docs/CALIBRATION.md). */
    @Test
    void theBundledExamplesCheckOut() {
        CliRun run = CliRun.of("calibrate", "scenarios/calibration/component-trials.yaml", "--dry-run");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("3 parameters, 2 targets, 30 runs per evaluation")
                .contains("up to 3 waves of 15 points x 2 repeats (900 runs a wave)");
        run = CliRun.of("calibrate", "scenarios/calibration/national-trend-hm.yaml", "--dry-run");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("up to 4 waves of 20 points x 2 repeats (40 runs a wave)");
    }
}
