package org.qicsim.experiment.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qicsim.experiment.LocalPool;
import org.qicsim.experiment.RunExecutor;
import org.qicsim.experiment.StopSignal;
import org.qicsim.scenario.KeyOverride;

/**
 * History matching recovers a planted parameter on a cheap known simulator.
 *
 * <p>The simulator is a test double of {@link CalibrationTarget} (one "run" per evaluation):
 * three statistics y₁ = a + 0.5b², y₂ = sin(2b) + 0.3a, y₃ = ab of two parameters a ∈ [0, 2],
 * b ∈ [−1, 1] (uniform priors), each with Gaussian noise of SD 0.05 per evaluation drawn from the
 * evaluation's seed. The truth is (a, b) = (1.3, −0.4); the observed values are one noisy
 * evaluation at the truth (seed 424242), each with scale 0.02 (a stated observation error). Method:
 * 4 waves of 20 points × 2 repeats, cut-off 3 on the largest implausibility, final sample of 2,000.
 *
 * <p><b>Criteria, stated before the first run:</b> (a) the truth's implausibility is at most 3
 * under every wave's emulators (it is never ruled out); (b) each parameter's posterior mean is
 * within 3 posterior SDs of its true value; (c) the final non-implausible region is at most 10% of
 * the prior's volume (the waves did cut the space down).
 */
class HistoryMatchingRecoveryTest {
    static final double TRUE_A = 1.3;
    static final double TRUE_B = -0.4;
    static final double NOISE = 0.05;

    @TempDir
    Path dir;

    /** The planted simulator. */
    static final class Planted extends OneRunTarget {
        private final double[] observed;
        private final double share;
        int evaluations;

        Planted() {
            this(0);
        }

        /** Observations shifted by {@code shift}: beyond the simulator's reach when large. */
        Planted(double shift) {
            super("planted");
            observed = simulate(TRUE_A, TRUE_B, 424242);
            for (int k = 0; k < observed.length; k++) {
                observed[k] += shift;
            }
            share = 1;
        }

        /** These observations, each statistic with this stochastic share (StochasticShareTest). */
        Planted(double[] observed, double share) {
            super("planted");
            this.observed = observed.clone();
            this.share = share;
        }

        static double[] simulate(double a, double b, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            return new double[] {a + 0.5 * b * b + NOISE * AbcSmc.gaussian(r),
                StrictMath.sin(2 * b) + 0.3 * a + NOISE * AbcSmc.gaussian(r), a * b + NOISE * AbcSmc.gaussian(r)};
        }

        @Override
        public Evaluation evaluate(List<KeyOverride> parameters, long seed, RunExecutor executor) {
            evaluations++;
            double a = Double.parseDouble(parameters.get(0).valueYaml());
            double b = Double.parseDouble(parameters.get(1).valueYaml());
            return new Evaluation(List.of("y1", "y2", "y3"), simulate(a, b, seed), observed.clone(),
                    new double[] {0.02, 0.02, 0.02}, new double[] {share, share, share});
        }
    }

    static CalibrationFile planted(CalibrationTarget target, HistoryMatching.Settings settings, long budget) {
        return new CalibrationFile(Path.of("planted.yaml"), List.of(new Prior("a", Prior.Kind.UNIFORM, 0, 2),
                new Prior("b", Prior.Kind.UNIFORM, -1, 1)), List.of(target), AbcSmc.Settings.defaults(), budget, 99, 1,
                "planted", "0000000000000000", settings);
    }

    static HistoryMatching.Settings settings() {
        return settings(HistoryMatching.Rank.MAX, GaussianProcess.Kernel.SQUARED_EXPONENTIAL, GaussianProcess.Mean.LINEAR);
    }

    static HistoryMatching.Settings settings(HistoryMatching.Rank rank, GaussianProcess.Kernel kernel,
            GaussianProcess.Mean mean) {
        return new HistoryMatching.Settings(4, 20, 2, 3, rank, 1, 0, 0.1, 2000, kernel, mean, 20);
    }

    /** The default settings (largest implausibility, squared exponential, linear mean). */
    @Test
    void recoversThePlantedParametersAndNeverRulesOutTheTruth() throws Exception {
        recovers(settings());
    }

    /** The same criteria with the other choices: second-largest implausibility, Matérn-5/2, constant mean. */
    @Test
    void recoversThePlantedParametersWithTheOtherChoices() throws Exception {
        recovers(settings(HistoryMatching.Rank.SECOND_MAX, GaussianProcess.Kernel.MATERN_52,
                GaussianProcess.Mean.CONSTANT));
    }

    private void recovers(HistoryMatching.Settings settings) throws Exception {
        Planted target = new Planted();
        CalibrationFile calibration = planted(target, settings, 1000);
        HistoryMatching method = new HistoryMatching(calibration);
        List<HistoryMatching.Wave> waves = new ArrayList<>();
        HistoryMatching.Result result;
        try (LocalPool pool = new LocalPool(1)) {
            result = method.run(pool, new StopSignal(), new HistoryMatchingState(dir.resolve("state-" + settings.hashCode())),
                    new HistoryMatching.Listener() {
                        @Override
                        public void batchDone(int wave, long runs, int done, int total) {
                        }

                        @Override
                        public void waveDone(HistoryMatching.Wave wave) {
                            waves.add(wave);
                        }
                    });
        }
        double[] truthU = {TRUE_A / 2, (TRUE_B + 1) / 2};
        double[] truthImplausibility = method.implausibilityByWave(truthU);
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "%s: %d waves, %d runs (%d evaluations), stopped: "
                + "%s; truth's implausibility by wave %s; ESS %.1f%n", settings, result.waves().size(), result.runs(),
                target.evaluations, result.stopReason(), Arrays.toString(truthImplausibility), result.ess()));
        for (HistoryMatching.Wave w : result.waves()) {
            report.append(String.format(Locale.ROOT, "  wave %d: %d points, trained on %d, region %.4f, LOO within 3 %.3f"
                    + " (max %.2f)%n", w.index(), w.points(), w.trainingPoints(), w.nonImplausibleFraction(),
                    w.looWithin3(), w.looMaxAbs()));
        }
        List<double[]> rows = new ArrayList<>();
        for (AbcSmc.Particle p : result.posterior()) {
            rows.add(new double[] {0, p.weight(), p.distance(), 2 * p.u()[0], 2 * p.u()[1] - 1});
        }
        double[] a = CalibrationOutputs.summary(rows, 3);
        double[] b = CalibrationOutputs.summary(rows, 4);
        report.append(String.format(Locale.ROOT, "  a: mean %.4f sd %.4f 95%% [%.4f, %.4f] (truth %s)%n", a[0], a[1], a[2],
                a[4], TRUE_A));
        report.append(String.format(Locale.ROOT, "  b: mean %.4f sd %.4f 95%% [%.4f, %.4f] (truth %s)%n", b[0], b[1], b[2],
                b[4], TRUE_B));
        System.out.println(report);

        assertThat(truthImplausibility).as(report.toString()).hasSize(result.waves().size());
        for (double i : truthImplausibility) {
            assertThat(i).as(report.toString()).isLessThanOrEqualTo(3);
        }
        assertThat(StrictMath.abs(a[0] - TRUE_A)).as(report.toString()).isLessThanOrEqualTo(3 * a[1]);
        assertThat(StrictMath.abs(b[0] - TRUE_B)).as(report.toString()).isLessThanOrEqualTo(3 * b[1]);
        HistoryMatching.Wave last = result.waves().get(result.waves().size() - 1);
        assertThat(last.nonImplausibleFraction()).as(report.toString()).isLessThanOrEqualTo(0.10);
        assertThat(waves).hasSameSizeAs(result.waves());
    }

    /**
     * Observations 5 units above anything the simulator gives (y₁ ≤ 2.5, y₂ ≤ 1.6, y₃ ≤ 2 over the
     * prior; the observations are shifted by +5): every point is implausible, the waves stop after
     * the first with the reason "empty", and a (flagged) sample is still written. Deterministic.
     */
    @Test
    void targetsOutOfReachEmptyTheRegionAfterOneWave() throws Exception {
        Planted target = new Planted(5);
        HistoryMatching method = new HistoryMatching(planted(target, settings(), 1000));
        HistoryMatching.Result result;
        try (LocalPool pool = new LocalPool(1)) {
            result = method.run(pool, new StopSignal(), new HistoryMatchingState(dir.resolve("empty")),
                    new HistoryMatching.Listener() {
                        @Override
                        public void batchDone(int wave, long runs, int done, int total) {
                        }

                        @Override
                        public void waveDone(HistoryMatching.Wave wave) {
                        }
                    });
        }
        assertThat(result.stopReason()).startsWith("empty: no non-implausible point left after wave 1");
        assertThat(result.waves()).hasSize(1);
        assertThat(result.waves().get(0).nonImplausibleFraction()).isZero();
        assertThat(result.runs()).isEqualTo(40);
        assertThat(result.posterior()).hasSize(2000);
    }
}
