package org.qicsim.model;

import org.apache.commons.math3.analysis.integration.gauss.HermiteRuleFactory;
import org.apache.commons.math3.util.FastMath;
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
        double norm = 1.0 / FastMath.sqrt(FastMath.PI);
        for (int i = 0; i < POINTS; i++) {
            NODES[i] = rule.getFirst()[i] * FastMath.sqrt(2.0);
            WEIGHTS[i] = rule.getSecond()[i] * norm;
        }
    }

    private RiskAverage() {
    }

    /** d/dc E[σ(c + r)] = E[σ(1 − σ)] for r ~ N(mean, sd²). */
    public static double expectedSlope(double c, double mean, double sd) {
        double sum = 0.0;
        for (int i = 0; i < POINTS; i++) {
            double p = Logistic.sigma(c + mean + sd * NODES[i]);
            sum += WEIGHTS[i] * p * (1.0 - p);
        }
        return sum;
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
