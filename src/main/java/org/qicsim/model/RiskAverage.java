package org.qicsim.model;

import org.apache.commons.math3.analysis.integration.gauss.HermiteRuleFactory;
import org.apache.commons.math3.util.Pair;

/**
 * The expectation of σ(c + r) over patient risk r ~ N(m, s²) by 32-point Gauss–Hermite quadrature
 * (MODEL.md §5 α calibration, §9 TRSR). The nodes and weights are computed once; the quadrature is
 * exact enough (error far below the 1e−10 bisection tolerance for s ≤ 5) and deterministic.
 */
public final class RiskAverage {
    /** Number of quadrature points, fixed by MODEL.md §5. */
    public static final int POINTS = 32;

    private static final double[] NODES = new double[POINTS];
    private static final double[] WEIGHTS = new double[POINTS];

    static {
        // Hermite rule integrates f(x)·e^{−x²}; with r = m + √2·s·x, E[f(r)] = Σ w_i f(m + √2 s x_i) / √π.
        Pair<double[], double[]> rule = new HermiteRuleFactory().getRule(POINTS);
        double norm = 1.0 / StrictMath.sqrt(StrictMath.PI);
        for (int i = 0; i < POINTS; i++) {
            NODES[i] = rule.getFirst()[i] * StrictMath.sqrt(2.0);
            WEIGHTS[i] = rule.getSecond()[i] * norm;
        }
    }

    private RiskAverage() {
    }

    /**
     * E[σ(c + r)] and its derivative d/dc = E[σ(1 − σ)] in one pass over the nodes, for Newton steps;
     * the derivative is added to {@code slope[0]}.
     */
    public static double expectedRateAndSlope(double c, double mean, double sd, double[] slope) {
        double sum = 0.0;
        double derivative = 0.0;
        for (int i = 0; i < POINTS; i++) {
            double p = Logistic.sigma(c + mean + sd * NODES[i]);
            sum += WEIGHTS[i] * p;
            derivative += WEIGHTS[i] * p * (1.0 - p);
        }
        slope[0] += derivative;
        return sum;
    }

    /**
     * The same quadrature tabulated for one patient-risk SD s (a world quantity): with
     * k_i = exp(−s·x_i) stored once, σ(c + s·x_i) = 1 / (1 + e^{−c}·k_i), so E[σ(c + r)] costs one
     * {@code StrictMath.exp} instead of 32 (and none when the caller already holds e^{−c}). Differs
     * from {@link #expectedRate} by rounding only (relative 1e−15).
     */
    public static final class Table {
        private final double[] k = new double[POINTS];

        public Table(double sd) {
            for (int i = 0; i < POINTS; i++) {
                k[i] = StrictMath.exp(-sd * NODES[i]);
            }
        }

        /** E[σ(c + r)], r ~ N(0, s²), given e = e^{−c}. */
        public double expectedRateOfExp(double e) {
            double sum = 0.0;
            for (int i = 0; i < POINTS; i++) {
                sum += WEIGHTS[i] / (1.0 + e * k[i]);
            }
            return sum;
        }

        /** E[σ(c + r)] given e = e^{−c}, and d/dc = E[σ(1 − σ)] added to {@code slope[0]}. */
        public double expectedRateAndSlopeOfExp(double e, double[] slope) {
            double sum = 0.0;
            double derivative = 0.0;
            for (int i = 0; i < POINTS; i++) {
                double p = 1.0 / (1.0 + e * k[i]);
                sum += WEIGHTS[i] * p;
                derivative += WEIGHTS[i] * p * (1.0 - p);
            }
            slope[0] += derivative;
            return sum;
        }

        /** E[σ(c + r)], r ~ N(0, s²). */
        public double expectedRate(double c) {
            return expectedRateOfExp(StrictMath.exp(-c));
        }
    }

    /** E[σ(c + r)] for r ~ N(mean, sd²). */
    public static double expectedRate(double c, double mean, double sd) {
        double sum = 0.0;
        for (int i = 0; i < POINTS; i++) {
            sum += WEIGHTS[i] * Logistic.sigma(c + mean + sd * NODES[i]);
        }
        return sum;
    }
}
