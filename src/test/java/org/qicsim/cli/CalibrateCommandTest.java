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
import org.qicsim.results.duckdb.DuckDb;
import org.qicsim.results.duckdb.ParquetTable;

/**
 * {@code qicsim calibrate} end to end, in process, on a tiny calibration (6 sites, 24 months, 10
 * particles, 2 generations): the posterior files are byte-identical for 1 and 2 threads and
 * across an interruption and {@code --resume}; the Parquet posterior holds the same numbers as the
 * CSV one, in the contracted columns; bad files fail with located messages and exit 2.
 */
class CalibrateCommandTest {
    static final Path MICHIGAN = Path.of("scenarios/michigan-cqi.yaml").toAbsolutePath();
    static final String TINY = """
            description: a tiny calibration for the tests
            scenario: %s
            set: {sites.count: 6, horizonMonths: 24}
            parameters:
              sites.baselineRate: {uniform: [0.08, 0.18]}
              practices.effectOddsRatio: {logUniform: [0.2, 0.9]}
            targets:
              - metrics:
                  baselineRate: {observed: 0.12, scale: 0.004}
                  finalRate: {observed: 0.11, scale: 0.006}
            method: {type: abcSmc, particles: 10, quantile: 0.5, generations: 2, batch: 10}
            budget: {runs: 400}
            seed: 11
            replicates: 1
            """.formatted(MICHIGAN);

    /**
     * {@code tiny} (a TINY-shaped calibration) with the bundled C1 review as its only target, 2 trials
     * per evaluation, on the default scenario of the bundled pattern files.
     */
    static String reviewC1(String tiny) {
        return tiny.replace("""
                  - metrics:
                      baselineRate: {observed: 0.12, scale: 0.004}
                      finalRate: {observed: 0.11, scale: 0.006}
                """, "  - pattern: C1\n").replace("replicates: 1", "replicates: 2")
                .replace("set: {sites.count: 6, horizonMonths: 24}\n", "set: {}\npatterns: "
                        + Path.of("scenarios", "patterns").toAbsolutePath() + "\n");
    }

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
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

    private static void assertSameFiles(Path a, Path b) throws IOException {
        for (String f : List.of(CalibrationOutputs.POSTERIOR_CSV, CalibrationOutputs.DIAGNOSTICS, CalibrationOutputs.SUMMARY,
                "calibration.resolved.yaml")) {
            assertThat(Files.readString(b.resolve(f))).as(f).isEqualTo(Files.readString(a.resolve(f)));
        }
    }

    @Test
    void posteriorIsTheSameForOneAndTwoThreadsAndInParquet() throws Exception {
        Path calibration = file("tiny.yaml", TINY);
        Path one = calibrate(calibration, "one", "--threads", "1", "--csv");
        Path two = calibrate(calibration, "two", "--threads", "2", "--csv");
        assertSameFiles(one, two);
        List<String> csv = Files.readAllLines(one.resolve(CalibrationOutputs.POSTERIOR_CSV));
        assertThat(csv.get(0)).isEqualTo("draw,weight,distance,sites.baselineRate,practices.effectOddsRatio");
        assertThat(csv).hasSize(11);
        assertThat(Files.readAllLines(one.resolve(CalibrationOutputs.DIAGNOSTICS)).get(0))
                .isEqualTo("generation,epsilon,particles,evaluations,acceptanceRate,ess");
        assertThat(Files.readAllLines(one.resolve(CalibrationOutputs.SUMMARY)).get(0))
                .isEqualTo("parameter,priorLow,priorHigh,mean,sd,q025,q50,q975");

        Path parquet = calibrate(calibration, "parquet", "--threads", "2");
        ParquetTable.Contents contents;
        try (DuckDb db = DuckDb.openWithTemporarySpill()) {
            contents = ParquetTable.read(db, parquet.resolve(CalibrationOutputs.POSTERIOR_PARQUET));
        }
        assertThat(String.join(",", contents.columns())).isEqualTo(csv.get(0));
        for (int i = 0; i < contents.rows().size(); i++) {
            String[] cells = csv.get(i + 1).split(",");
            for (int j = 0; j < cells.length; j++) {
                assertThat(contents.rows().get(i)[j]).isEqualTo(Double.parseDouble(cells[j]));
            }
        }
        // The posterior is a parameter sample that run and compare accept.
        CliRun run = CliRun.of("run", MICHIGAN.toString(), "--set", "sites.count=6", "--set", "horizonMonths=24",
                "--reps", "2", "--parameters", parquet.resolve(CalibrationOutputs.POSTERIOR_PARQUET).toString(),
                "--out", dir.resolve("run").toString(), "--quiet");
        assertThat(run.exit()).as(run.toString()).isZero();
    }

    @Test
    void resumedCalibrationEqualsUninterruptedOne() throws Exception {
        Path calibration = file("tiny.yaml", TINY);
        Path whole = calibrate(calibration, "whole", "--threads", "2", "--csv");
        CliRun interrupted = CliRun.of("calibrate", calibration.toString(), "--out", dir.resolve("cut").toString(),
                "--quiet", "--csv", "--threads", "2", "--interrupt-after", "2");
        assertThat(interrupted.exit()).as(interrupted.toString()).isEqualTo(ExitCodes.INTERRUPTED);
        Path partial = dir.resolve("cut.partial");
        assertThat(partial.resolve("state/evaluations-1.csv")).exists();
        assertThat(dir.resolve("cut")).doesNotExist();
        CliRun resumed = CliRun.of("calibrate", "--resume", partial.toString(), "--quiet", "--csv", "--threads", "1");
        assertThat(resumed.exit()).as(resumed.toString()).isZero();
        assertThat(resumed.lastLine()).isEqualTo(dir.resolve("cut").toString());
        assertSameFiles(whole, dir.resolve("cut"));
    }

    /**
     * The bundled C1 review as a target: a calibration over it runs its trials (2 per evaluation
     * here), gives the same posterior for 1 and 2 threads, and records the pattern in the resolved
     * file. Machinery only: far too few trials and particles to say anything about C1 itself.
     */
    @Test
    void aComponentReviewIsACalibrationTarget() throws Exception {
        Path calibration = file("calibration/review.yaml", reviewC1(TINY)
                .replace("particles: 10, quantile: 0.5, generations: 2, batch: 10", "particles: 10, quantile: 0.5, generations: 1, batch: 10"));
        Path one = calibrate(calibration, "one", "--csv", "--threads", "1");
        Path two = calibrate(calibration, "two", "--csv", "--threads", "2");
        assertSameFiles(one, two);
        assertThat(Files.readString(one.resolve("calibration.resolved.yaml"))).contains("pattern: C1");
        assertThat(Files.readAllLines(one.resolve("posterior.csv"))).hasSize(1 + 10);
    }

    @Test
    void aValidationPatternIsRefusedAtItsLine() throws Exception {
        file("patterns/P1.yaml", "id: P1\nset: validation\n");
        file("patterns/C1.yaml", "id: C1\nset: calibration\n");
        Path calibration = file("calibration/cal.yaml", TINY.replace("""
                  - metrics:
                      baselineRate: {observed: 0.12, scale: 0.004}
                      finalRate: {observed: 0.11, scale: 0.006}
                """, "  - pattern: P1\n"));
        CliRun run = CliRun.of("calibrate", calibration.toString(), "--out", dir.resolve("no").toString());
        assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains(calibration.normalize() + ":8:14:").contains("pattern P1 is in the validation set")
                .contains("P1.yaml:2:6").doesNotContain("Exception");
        assertThat(dir.resolve("no.partial")).doesNotExist();

        // A calibration-set pattern passes the set check and is then loaded as a pattern file: this
        // one has only id and set, so its own problems are reported at its own lines.
        Files.writeString(calibration, Files.readString(calibration).replace("pattern: P1", "pattern: C1"));
        run = CliRun.of("calibrate", calibration.toString(), "--dry-run");
        assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("C1.yaml:").doesNotContain("Exception");

        Files.writeString(calibration, Files.readString(calibration).replace("pattern: C1", "pattern: C7"));
        run = CliRun.of("calibrate", calibration.toString(), "--dry-run");
        assertThat(run.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains(":8:14:").contains("no pattern file").contains("C1, P1");
    }

    @Test
    void badCalibrationFilesGiveLocatedErrors() throws Exception {
        String bad = TINY.replace("budget:", "budgte:")
                .replace("sites.baselineRate: {uniform", "sites.baselineRat: {uniform")
                .replace("logUniform: [0.2, 0.9]", "logUniform: [0.2, 1.5]")
                .replace("finalRate: {observed", "finalRat: {observed")
                .replace("type: abcSmc", "type: abcSMC");
        Path calibration = file("bad.yaml", bad);
        CliRun run = CliRun.of("calibrate", calibration.toString(), "--dry-run");
        assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        String f = calibration.normalize().toString();
        assertThat(run.err())
                .contains(f + ":12:1: budgte: unknown key \"budgte\" (did you mean \"budget\"?")
                .contains(f + ":5:3: parameters.sites.baselineRat: \"sites.baselineRat\" is not a scenario key (did you mean \"sites.baselineRate\"?")
                .contains(f + ":6:49: parameters.practices.effectOddsRatio: the prior's high end is not a valid value")
                .contains(f + ":10:7: metrics.finalRat: unknown run metric \"finalRat\" (did you mean \"finalRate\"?")
                .contains(f + ":11:16: method.type: unknown method \"abcSMC\" (did you mean \"abcSmc\"?")
                .contains(f + ":1:1: budget: missing budget")
                .doesNotContain("Exception");

        Path small = file("small-budget.yaml", TINY.replace("runs: 400", "runs: 5"));
        run = CliRun.of("calibrate", small.toString(), "--dry-run");
        assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("cannot complete even generation 0");
    }

    /**
     * A target's own {@code replicates:} overrides the file's for that target alone (issue 12's ninth
     * calibration gives the reviews with moderators more trials): the dry run counts it, the resolved
     * form records it under its target, and a bad value is refused at its line and column.
     */
    @Test
    void aTargetsOwnReplicatesOverrideTheFilesForThatTargetAlone() throws Exception {
        Path review = file("calibration/review.yaml", reviewC1(TINY));
        CliRun run = CliRun.of("calibrate", review.toString(), "--dry-run");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("1 target, 2 runs per evaluation");
        Files.writeString(review, Files.readString(review).replace("  - pattern: C1\n",
                "  - pattern: C1\n    replicates: 7\n"));
        run = CliRun.of("calibrate", review.toString(), "--dry-run");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("1 target, 7 runs per evaluation");

        String own = TINY.replace("      finalRate: {observed: 0.11, scale: 0.006}\n",
                "      finalRate: {observed: 0.11, scale: 0.006}\n    replicates: 3\n");
        Path metrics = file("own.yaml", own);
        run = CliRun.of("calibrate", metrics.toString(), "--dry-run");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("1 target, 3 runs per evaluation");
        Path out = calibrate(metrics, "own-out", "--csv", "--threads", "1");
        assertThat(Files.readString(out.resolve("calibration.resolved.yaml")))
                .contains("scenarioSha256: ").contains("\n    replicates: 3\nmethod:").contains("\nreplicates: 1\n");
        Path plain = calibrate(file("plain.yaml", TINY), "plain-out", "--csv", "--threads", "1");
        assertThat(Files.readString(plain.resolve("calibration.resolved.yaml"))).doesNotContain("    replicates:");

        Path bad = file("bad-own.yaml", own.replace("    replicates: 3", "    replicates: 0"));
        run = CliRun.of("calibrate", bad.toString(), "--dry-run");
        assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains(bad.normalize() + ":11:17: targets[1].replicates: expected an integer in [1, 10000], got number 0")
                .doesNotContain("Exception");

        // Every problem at once: a bad replicates beside a bad metric name is reported with it.
        Path both = file("bad-both.yaml", own.replace("    replicates: 3", "    replicates: 0")
                .replace("finalRate: {observed", "finalRat: {observed"));
        run = CliRun.of("calibrate", both.toString(), "--dry-run");
        assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains(both.normalize() + ":11:17: targets[1].replicates:")
                .contains(both.normalize() + ":10:7: metrics.finalRat: unknown run metric");
    }

    /**
     * A review target's {@code signTarget:} (the t its moderators are matched to) is accepted on a
     * pattern target, refused with its location when out of range or on a metrics target.
     */
    @Test
    void aSignTargetGoesWithAPatternTarget() throws Exception {
        Path review = file("calibration/sign.yaml", reviewC1(TINY).replace("  - pattern: C1\n",
                "  - pattern: C1\n    signTarget: 4\n"));
        CliRun run = CliRun.of("calibrate", review.toString(), "--dry-run");
        assertThat(run.exit()).as(run.toString()).isZero();
        Files.writeString(review, Files.readString(review).replace("signTarget: 4", "signTarget: 0.5"));
        run = CliRun.of("calibrate", review.toString(), "--dry-run");
        assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains(review.normalize() + ":10:17: targets[1].signTarget: expected a number in [1, 10], "
                + "got number 0.5").doesNotContain("Exception");
        Path metrics = file("sign-metrics.yaml", TINY.replace("      finalRate: {observed: 0.11, scale: 0.006}\n",
                "      finalRate: {observed: 0.11, scale: 0.006}\n    signTarget: 4\n"));
        run = CliRun.of("calibrate", metrics.toString(), "--dry-run");
        assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains(metrics.normalize() + ":11:17: targets[1].signTarget: signTarget is the t-value")
                .doesNotContain("Exception");
    }

    @Test
    void theExampleCalibrationChecksOut() {
        CliRun run = CliRun.of("calibrate", "scenarios/calibration/national-trend.yaml", "--dry-run", "--threads", "2");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("2 parameters, 1 target, 1 run per evaluation").contains("budget 1500 runs");
    }
}
