package org.qicsim.model;

import org.apache.commons.math3.analysis.integration.gauss.HermiteRuleFactory;
import org.apache.commons.math3.util.Pair;

/**
 * The expectation of σ(c + r) over patient risk. The model's patients have a stratified case mix
 * ({@link Table}, MODEL.md §6 S1), which α calibration (§5) and the true rate (§9) integrate over.
 * The static methods integrate over continuous r ~ N(m, s²) by 32-point Gauss–Hermite quadrature
 * (the form before the strata, kept as a reference for the stratified average: error far below
 * 1e−10 for s ≤ 5, deterministic).
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
     * The within-site case mix as the model's patients have it (MODEL.md §6 S1): K equal-probability
     * strata of r ~ N(0, s²), stratum k being r ∈ (s·Φ⁻¹(k/K), s·Φ⁻¹((k+1)/K)], each represented by
     * its exact conditional mean r_k = s·K·(φ(a_k) − φ(a_{k+1})), so E[σ(c + r)] is the stratified
     * average (1/K)·Σ_k σ(c + r_k). With f_k = exp(−r_k) stored once per world,
     * σ(c + r_k) = 1 / (1 + e^{−c}·f_k): a rate costs one {@code StrictMath.exp} (none when the caller
     * holds e^{−c}). α calibration (§5), the true rate (§9) and the patients' outcomes (S1) all use
     * this one table, so the baseline rate the patients produce is the one α was solved for.
     */
    public static final class Table {
        private final double[] risk;
        private final double[] factor;
        private final double weight;

        /**
         * @param sd     the within-site SD s of patient risk
         * @param strata the number K of equal-probability strata, K ≥ 1
         */
        public Table(double sd, int strata) {
            if (strata < 1) {
                throw new IllegalArgumentException("strata must be at least 1, was " + strata);
            }
            risk = new double[strata];
            factor = new double[strata];
            weight = 1.0 / strata;
            // Conditional means of the lower half, mirrored: the strata are symmetric about 0 and the
            // middle stratum of an odd K has mean exactly 0.
            for (int k = 0; k < strata / 2; k++) {
                double lower = k == 0 ? 0.0 : density(Draws.normalQuantile((double) k / strata));
                double upper = density(Draws.normalQuantile((k + 1.0) / strata));
                double mean = strata * (lower - upper);
                risk[k] = sd * mean;
                risk[strata - 1 - k] = -sd * mean;
            }
            for (int k = 0; k < strata; k++) {
                factor[k] = StrictMath.exp(-risk[k]);
            }
        }

        private static double density(double x) {
            return StrictMath.exp(-0.5 * x * x) / StrictMath.sqrt(2.0 * StrictMath.PI);
        }

        /** The number of strata K. */
        public int strata() {
            return risk.length;
        }

        /** r_k: stratum k's risk relative to the site mean. */
        public double risk(int k) {
            return risk[k];
        }

        /** exp(−r_k). */
        public double factor(int k) {
            return factor[k];
        }

        /** E[σ(c + r)] over the strata, given e = e^{−c}. */
        public double expectedRateOfExp(double e) {
            double sum = 0.0;
            for (double f : factor) {
                sum += 1.0 / (1.0 + e * f);
            }
            return sum * weight;
        }

        /** E[σ(c + r)] given e = e^{−c}, and d/dc = E[σ(1 − σ)] added to {@code slope[0]}. */
        public double expectedRateAndSlopeOfExp(double e, double[] slope) {
            double sum = 0.0;
            double derivative = 0.0;
            for (double f : factor) {
                double p = 1.0 / (1.0 + e * f);
                sum += p;
                derivative += p * (1.0 - p);
            }
            slope[0] += derivative * weight;
            return sum * weight;
        }

        /** E[σ(c + r)] over the strata. */
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
