package org.qicsim.analysis.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;
import org.qicsim.experiment.doe.Design;
import org.qicsim.experiment.doe.DesignPoint;
import org.qicsim.experiment.doe.Domain;
import org.qicsim.experiment.doe.Factor;
import org.qicsim.experiment.doe.Morris;

class MorrisEstimatorTest {

    private static final List<Factor> FACTORS = List.of(
            new Factor("x.1", new Domain.Interval(0, 1)),
            new Factor("x.2", new Domain.Interval(10, 30)),
            new Factor("x.3", new Domain.Interval(-4, 4)),
            new Factor("x.4", new Domain.Interval(2, 3)));

    private static List<MorrisIndices> screen(int r, int levels, long seed, ToDoubleFunction<double[]> model) {
        Design d = new Morris(r, levels).generate(FACTORS, new SplittableRandom(seed));
        double[] y = new double[d.size()];
        for (DesignPoint p : d.points()) {
            double[] x = new double[FACTORS.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = (Double) p.value(i);
            }
            y[p.id() - 1] = model.applyAsDouble(x);
        }
        return MorrisEstimator.estimate(Morris.trajectories(d, y));
    }

    /**
     * y = 3·x1 − 0.5·x2 + 0·x3 + 2·x4: every elementary effect of x_i is c_i·(max_i − min_i), so
     * μ = c_i·range, μ* = |c_i|·range and σ = 0, up to floating-point rounding (criterion: 1e-9
     * relative, 1e-9 absolute for zeros).
     */
    @Test
    void linearModelHasMuStarEqualToCoefficientTimesRange() {
        double[] c = {3, -0.5, 0, 2};
        double[] range = {1, 20, 8, 1};
        List<MorrisIndices> m = screen(10, 4, 11, x -> c[0] * x[0] + c[1] * x[1] + c[2] * x[2] + c[3] * x[3]);
        for (int i = 0; i < 4; i++) {
            double expected = c[i] * range[i];
            assertThat(m.get(i).factor()).isEqualTo(i);
            assertThat(m.get(i).effects()).isEqualTo(10);
            assertThat(m.get(i).mu()).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
            assertThat(m.get(i).muStar()).isCloseTo(Math.abs(expected), within(1e-9 * Math.max(1, Math.abs(expected))));
            assertThat(m.get(i).sigma()).isCloseTo(0, within(1e-9));
        }
    }

    /** An interaction x1·x3 makes the effects of both depend on where they are taken: σ > 0. */
    @Test
    void interactionShowsAsSpread() {
        List<MorrisIndices> m = screen(20, 6, 12, x -> x[0] * x[2] + x[1]);
        assertThat(m.get(0).sigma()).isGreaterThan(0.5);
        assertThat(m.get(2).sigma()).isGreaterThan(0.5);
        assertThat(m.get(1).sigma()).isCloseTo(0, within(1e-9));
        assertThat(m.get(3).muStar()).isEqualTo(0.0);
        // x1's effect is x3 (times x1's range, 1), which takes both signs on [-4, 4], so
        // μ* > |μ|; x3's effect is 8·x1 >= 0, so there μ* = μ.
        assertThat(m.get(0).muStar()).isGreaterThan(Math.abs(m.get(0).mu()));
        assertThat(m.get(2).muStar()).isCloseTo(m.get(2).mu(), within(1e-12));
    }

    @Test
    void refusesStepsThatDoNotMoveExactlyOneFactor() {
        MorrisTrajectory two = new MorrisTrajectory(new double[][] {{0, 0}, {1, 1}, {1, 0}}, new double[] {0, 1, 2});
        assertThatThrownBy(() -> MorrisEstimator.estimate(List.of(two))).hasMessageContaining("more than one");
        MorrisTrajectory none = new MorrisTrajectory(new double[][] {{0, 0}, {0, 0}}, new double[] {0, 1});
        assertThatThrownBy(() -> MorrisEstimator.estimate(List.of(none))).hasMessageContaining("no factor");
    }

    @Test
    void singleEffectHasUndefinedSigma() {
        MorrisTrajectory t = new MorrisTrajectory(new double[][] {{0, 0}, {0.5, 0}, {0.5, 0.5}}, new double[] {0, 1, 0});
        List<MorrisIndices> m = MorrisEstimator.estimate(List.of(t));
        assertThat(m.get(0).mu()).isEqualTo(2.0);
        assertThat(m.get(1).mu()).isEqualTo(-2.0);
        assertThat(m.get(1).muStar()).isEqualTo(2.0);
        assertThat(m.get(0).sigma()).isNaN();
    }
}
