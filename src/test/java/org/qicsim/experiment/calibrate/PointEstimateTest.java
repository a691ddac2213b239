package org.qicsim.experiment.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qicsim.experiment.ParameterSample;
import org.qicsim.experiment.RunExecutor;
import org.qicsim.experiment.StopSignal;
import org.qicsim.scenario.KeyOverride;

/**
 * The point estimate chosen by simulation (docs/CALIBRATION.md "The point estimate"): the likelihood's
 * arithmetic (the pooled noise: RepeatsTest), and a planted choice in which the heaviest draw is not the
 * best one.
 */
class PointEstimateTest {
    private static final String KEY = "behaviour.effort.gapWeight";

    /** One statistic: the parameter's value plus uniform noise of half-width 0.05, observed at 5. */
    private static final CalibrationTarget NOISY_IDENTITY = new OneRunTarget("identity") {
        @Override
        public Evaluation evaluate(List<KeyOverride> parameters, long seed, RunExecutor executor) {
            double x = Double.parseDouble(parameters.get(0).valueYaml());
            double noise = 0.1 * (new SplittableRandom(seed).nextDouble() - 0.5);
            return new Evaluation(List.of("x"), new double[] {x + noise}, new double[] {5.0}, new double[] {1.0});
        }
    };

    private static ParameterSample sample() throws Exception {
        // The heaviest draw (7) sits at 9, the lightest (3) at 5, the observed value.
        String csv = "draw,weight,distance," + KEY + "\n7,0.6,0,9\n3,0.1,0,5\n4,0.3,0,2\n";
        return ParameterSample.readCsv("test", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theLikelihoodIsHistoryMatchingsWithTheMeansVarianceInTheEmulatorsPlace() {
        // noise 0.04, R = 4: 0.01 + share 0.5 x 0.04 + (0.1 x 2)^2 + (0 x 2)^2 = 0.01 + 0.02 + 0.04 = 0.07.
        double ll = PointEstimate.logLikelihood(new double[] {1.0, Double.NaN}, new double[] {1.5, 0}, new double[] {2, 1},
                new double[] {0.5, 1}, new double[] {0.04, 0.01}, 4, 0.1, 0.0);
        assertThat(ll).as("the undefined statistic is left out").isCloseTo(-0.5 * 0.25 / 0.07, within(1e-12));
        assertThat(PointEstimate.logLikelihood(new double[] {Double.NaN}, new double[] {0}, new double[] {1},
                new double[] {1}, new double[] {1}, 2, 0.1, 0)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    /**
     * A planted choice: the observed value is 5 and the draws sit at 9 (weight 0.6), 5 (0.1) and 2 (0.3),
     * with simulator noise far smaller than their distances. Criterion, written before the run: the
     * draw at 5 is chosen, though it is the lightest; with one candidate the heaviest is the only choice;
     * the result is the same on a second call (seeds are fixed).
     */
    @Test
    void theSimulatorChoosesTheDrawThatMatchesNotTheHeaviest() throws Exception {
        PointEstimate.Result r = PointEstimate.choose(List.of(NOISY_IDENTITY), 11, sample(), 3, 3, 0.1, 0, null,
                new StopSignal());
        assertThat(r.candidates()).extracting(PointEstimate.Candidate::draw).containsExactly(7L, 4L, 3L);
        assertThat(r.chosen().draw()).isEqualTo(3L);
        assertThat(r.chosen().means()[0]).isCloseTo(5.0, within(0.05));
        assertThat(r.noise()[0]).isGreaterThan(0).isLessThan(0.0025);
        assertThat(PointEstimate.choose(List.of(NOISY_IDENTITY), 11, sample(), 1, 2, 0.1, 0, null, new StopSignal())
                .chosen().draw()).isEqualTo(7L);
        PointEstimate.Result again = PointEstimate.choose(List.of(NOISY_IDENTITY), 11, sample(), 3, 3, 0.1, 0, null,
                new StopSignal());
        assertThat(again.candidates()).extracting(PointEstimate.Candidate::logLikelihood)
                .containsExactlyElementsOf(r.candidates().stream().map(PointEstimate.Candidate::logLikelihood).toList());
    }

    /** Progress is told once per candidate with its runs; a requested stop ends the choice with nothing returned. */
    @Test
    void progressIsToldPerCandidateAndAStopEndsIt() throws Exception {
        List<long[]> told = new java.util.ArrayList<>();
        PointEstimate.choose(List.of(NOISY_IDENTITY), 11, sample(), 3, 4, 0.1, 0, null, new StopSignal(),
                (candidate, runs) -> told.add(new long[] {candidate, runs}));
        assertThat(told).extracting(t -> t[0]).containsExactly(0L, 1L, 2L);
        assertThat(told).extracting(t -> t[1]).containsOnly(4L);
        StopSignal stop = new StopSignal();
        stop.request();
        assertThatThrownBy(() -> PointEstimate.choose(List.of(NOISY_IDENTITY), 11, sample(), 3, 4, 0.1, 0, null, stop))
                .isInstanceOf(InterruptedException.class);
    }
}
