package org.qicsim.analysis.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;
import org.qicsim.experiment.doe.Design;
import org.qicsim.experiment.doe.DesignPoint;
import org.qicsim.experiment.doe.Domain;
import org.qicsim.experiment.doe.Factor;
import org.qicsim.experiment.doe.Saltelli;

class SobolEstimatorTest {

    private static SaltelliOutputs run(int n, List<Factor> factors, ToDoubleFunction<double[]> model) {
        Design d = new Saltelli(n).generate(factors);
        double[] y = new double[d.size()];
        for (DesignPoint p : d.points()) {
            double[] x = new double[factors.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = (Double) p.value(i);
            }
            y[p.id() - 1] = model.applyAsDouble(x);
        }
        return Saltelli.outputs(d, y);
    }

    private static List<Factor> cube(int k, double min, double max) {
        List<Factor> factors = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            factors.add(new Factor("x." + (i + 1), new Domain.Interval(min, max)));
        }
        return factors;
    }

    /**
     * Ishigami function, a = 7, b = 0.1, x_i ~ U(−π, π). Analytic indices from the variance
     * decomposition: V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2, V1 = (1 + bπ⁴/5)²/2, V2 = a²/8,
     * V13 = 8b²π⁸/225 (S1 ≈ 0.314, 0.442, 0; ST ≈ 0.558, 0.442, 0.244).
     *
     * <p>Criterion, stated before running: with n = 2^14 base rows every one of the six point
     * estimates lies within 0.02 of its analytic value, and every 95% bootstrap interval (500
     * resamples, fixed seed) contains both its point estimate and the analytic value.
     */
    @Test
    void ishigamiIndicesMatchTheAnalyticValues() {
        double a = 7;
        double b = 0.1;
        double pi4 = Math.pow(Math.PI, 4);
        double pi8 = Math.pow(Math.PI, 8);
        double v = a * a / 8 + b * pi4 / 5 + b * b * pi8 / 18 + 0.5;
        double v1 = 0.5 * Math.pow(1 + b * pi4 / 5, 2);
        double v2 = a * a / 8;
        double v13 = 8 * b * b * pi8 / 225;
        double[] s1 = {v1 / v, v2 / v, 0};
        double[] st = {(v1 + v13) / v, v2 / v, v13 / v};
        assertThat(s1[0]).isCloseTo(0.314, within(0.001));
        assertThat(st[2]).isCloseTo(0.244, within(0.001));

        SaltelliOutputs o = run(1 << 14, cube(3, -Math.PI, Math.PI),
                x -> Math.sin(x[0]) + a * Math.pow(Math.sin(x[1]), 2) + b * Math.pow(x[2], 4) * Math.sin(x[0]));
        List<SobolIndices> indices = SobolEstimator.estimate(o, 500, 0.95, new SplittableRandom(42));
        for (int i = 0; i < 3; i++) {
            SobolIndices s = indices.get(i);
            assertThat(s.factor()).isEqualTo(i);
            assertThat(s.first().value()).as("S1_%d", i + 1).isCloseTo(s1[i], within(0.02));
            assertThat(s.total().value()).as("ST_%d", i + 1).isCloseTo(st[i], within(0.02));
            for (IndexEstimate e : List.of(s.first(), s.total())) {
                assertThat(e.ciLow()).isLessThanOrEqualTo(e.value());
                assertThat(e.ciHigh()).isGreaterThanOrEqualTo(e.value());
            }
            assertThat(s1[i]).as("S1_%d in its CI", i + 1).isBetween(s.first().ciLow(), s.first().ciHigh());
            assertThat(st[i]).as("ST_%d in its CI", i + 1).isBetween(s.total().ciLow(), s.total().ciHigh());
        }
    }

    /**
     * Linear additive model y = x1 + 2·x2 + 0·x3 on U(0, 1): S_i = ST_i = c_i² / Σ c² = 0.2, 0.8, 0.
     * Criterion: within 0.01 at n = 2^12.
     */
    @Test
    void additiveModelHasEqualFirstAndTotalOrder() {
        SaltelliOutputs o = run(1 << 12, cube(3, 0, 1), x -> x[0] + 2 * x[1]);
        double[] first = SobolEstimator.firstOrder(o);
        double[] total = SobolEstimator.totalOrder(o);
        assertThat(first).containsExactly(new double[] {0.2, 0.8, 0}, within(0.01));
        assertThat(total).containsExactly(new double[] {0.2, 0.8, 0}, within(0.01));
        // A factor the model ignores has exactly zero total effect: f(A) = f(AB_3) row by row.
        assertThat(total[2]).isEqualTo(0.0);
    }

    @Test
    void bootstrapIsReproducibleFromTheSeed() {
        SaltelliOutputs o = run(64, cube(2, 0, 1), x -> x[0] * x[1] + x[0]);
        List<SobolIndices> one = SobolEstimator.estimate(o, 200, 0.9, new SplittableRandom(3));
        List<SobolIndices> two = SobolEstimator.estimate(o, 200, 0.9, new SplittableRandom(3));
        assertThat(one).isEqualTo(two);
        List<SobolIndices> none = SobolEstimator.estimate(o, 0, 0.9, new SplittableRandom(3));
        assertThat(none.get(0).first().ciLow()).isNaN();
        assertThat(none.get(0).first().value()).isEqualTo(one.get(0).first().value());
    }

    @Test
    void constantOutputGivesUndefinedIndices() {
        SaltelliOutputs o = new SaltelliOutputs(new double[] {1, 1}, new double[] {1, 1}, new double[][] {{1, 1}});
        assertThat(SobolEstimator.firstOrder(o)[0]).isNaN();
        assertThat(SobolEstimator.estimate(o, 10, 0.95, new SplittableRandom(1)).get(0).total().ciHigh()).isNaN();
    }

    @Test
    void percentileInterpolatesBetweenOrderStatistics() {
        double[] s = {4, 1, 3, 2, 5};
        assertThat(SobolEstimator.percentile(s, 0)).isEqualTo(1.0);
        assertThat(SobolEstimator.percentile(s, 0.5)).isEqualTo(3.0);
        assertThat(SobolEstimator.percentile(s, 0.125)).isEqualTo(1.5);
        assertThat(SobolEstimator.percentile(s, 1)).isEqualTo(5.0);
        assertThat(SobolEstimator.percentile(new double[0], 0.5)).isNaN();
    }

    @Test
    void refusesMismatchedBlocksAndBadArguments() {
        assertThatThrownBy(() -> new SaltelliOutputs(new double[] {1, 2}, new double[] {1}, new double[][] {{1, 2}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SaltelliOutputs(new double[] {1, 2}, new double[] {1, 2}, new double[][] {{1}}))
                .isInstanceOf(IllegalArgumentException.class);
        SaltelliOutputs o = new SaltelliOutputs(new double[] {1, 2}, new double[] {3, 4}, new double[][] {{1, 4}});
        assertThatThrownBy(() -> SobolEstimator.estimate(o, 10, 1.0, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SobolEstimator.estimate(o, -1, 0.95, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
