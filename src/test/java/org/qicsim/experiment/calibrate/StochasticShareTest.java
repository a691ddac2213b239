package org.qicsim.experiment.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qicsim.experiment.LocalPool;
import org.qicsim.experiment.StopSignal;

/**
 * A statistic's stochastic share (CalibrationTarget.Evaluation; docs/CALIBRATION.md): history matching
 * scales the simulator's variance of one evaluation by it, so a statistic observed as the mean of many
 * replicates is held to that mean's precision, not one evaluation's.
 */
class StochasticShareTest {
    @TempDir
    Path dir;

    @Test
    void theDenominatorScalesOnlyTheSimulatorsVariance() {
        // emulator 0.1 + noise 0.04 × share 0.25 + scale² 4 × (o² 0.01 + δ² 0.0025) = 0.1 + 0.01 + 0.05
        assertThat(HistoryMatching.denominatorVariance(0.1, 0.04, 0.25, 2, 0.1, 0.05)).isCloseTo(0.16, within(1e-12));
        assertThat(HistoryMatching.denominatorVariance(0.1, 0.04, 1, 2, 0.1, 0.05)).isCloseTo(0.19, within(1e-12));
    }

    @Test
    void anEvaluationWithoutSharesHasShareOneAndASharesOutsideZeroToOneIsRefused() {
        CalibrationTarget.Evaluation e = new CalibrationTarget.Evaluation(List.of("y"), new double[] {1},
                new double[] {1}, new double[] {1});
        assertThat(e.stochasticShares()).containsExactly(1.0);
        assertThatThrownBy(() -> new CalibrationTarget.Evaluation(List.of("y"), new double[] {1}, new double[] {1},
                new double[] {1}, new double[] {0})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CalibrationTarget.Evaluation(List.of("y"), new double[] {1}, new double[] {1},
                new double[] {1}, new double[] {1.5})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStateKeepsTheSharesAndReadsAStateWrittenBeforeThemAsOne() throws Exception {
        HistoryMatchingState state = new HistoryMatchingState(dir.resolve("new"));
        state.saveStatistics(List.of("C1 median", "C5 median"), new double[] {0.043, 0.0335}, new double[] {0.155, 0.01675},
                new double[] {0.1, 0.2});
        HistoryMatchingState.Statistics s = state.statistics();
        assertThat(s.names()).containsExactly("C1 median", "C5 median");
        assertThat(s.shares()).containsExactly(0.1, 0.2);

        Path old = Files.createDirectories(dir.resolve("old"));
        Files.writeString(old.resolve("statistics.csv"), "statistic,observed,scale\nC1 median,0.043,0.155\n");
        assertThat(new HistoryMatchingState(old).statistics().shares()).containsExactly(1.0);
    }

    /** How many draws at the truth one observation averages. */
    static final int K = 25;

    /** The planted simulator (one noisy draw an evaluation) observed as the mean of K draws at the truth. */
    static HistoryMatchingRecoveryTest.Planted averaged(double share) {
        double[] observed = new double[3];
        for (int r = 0; r < K; r++) {
            double[] y = HistoryMatchingRecoveryTest.Planted.simulate(HistoryMatchingRecoveryTest.TRUE_A,
                    HistoryMatchingRecoveryTest.TRUE_B, 1000 + r);
            for (int k = 0; k < 3; k++) {
                observed[k] += y[k] / K;
            }
        }
        return new HistoryMatchingRecoveryTest.Planted(observed, share);
    }

    @Test
    void aShareOfOneOverKNarrowsThePosteriorAndKeepsTheTruth() throws Exception {
        // Planted: observations are the mean of K = 25 draws at the truth, an evaluation one draw (noise SD
        // 0.05 against an observation SD of 0.002). Criteria written before the run: with share 1/K the
        // truth is non-implausible in every wave and the posterior SD of each parameter is smaller than
        // with share 1 (the previous behaviour), on the same observations and seeds.
        double[] narrow = posteriorSd(1.0 / K, true);
        double[] wide = posteriorSd(1.0, false);
        assertThat(narrow[0]).isLessThan(wide[0]);
        assertThat(narrow[1]).isLessThan(wide[1]);
    }

    private double[] posteriorSd(double share, boolean checkTruth) throws Exception {
        HistoryMatching.Settings settings = HistoryMatchingRecoveryTest.settings();
        HistoryMatching method = new HistoryMatching(HistoryMatchingRecoveryTest.planted(averaged(share), settings, 1000));
        HistoryMatching.Result result;
        try (LocalPool pool = new LocalPool(1)) {
            result = method.run(pool, new StopSignal(), new HistoryMatchingState(dir.resolve("state-" + share)),
                    new HistoryMatching.Listener() {
                        @Override
                        public void batchDone(int wave, long runs, int done, int total) {
                        }

                        @Override
                        public void waveDone(HistoryMatching.Wave wave) {
                        }
                    });
        }
        if (checkTruth) {
            double[] truthU = {HistoryMatchingRecoveryTest.TRUE_A / 2, (HistoryMatchingRecoveryTest.TRUE_B + 1) / 2};
            for (double i : method.implausibilityByWave(truthU)) {
                assertThat(i).isLessThanOrEqualTo(3);
            }
        }
        double[] sd = new double[2];
        for (int d = 0; d < 2; d++) {
            double sw = 0;
            double m = 0;
            for (AbcSmc.Particle p : result.posterior()) {
                sw += p.weight();
                m += p.weight() * p.u()[d];
            }
            m /= sw;
            double v = 0;
            for (AbcSmc.Particle p : result.posterior()) {
                v += p.weight() * (p.u()[d] - m) * (p.u()[d] - m);
            }
            sd[d] = StrictMath.sqrt(v / sw);
        }
        return sd;
    }
}
