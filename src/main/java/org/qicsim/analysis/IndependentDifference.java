package org.qicsim.analysis;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The difference of means of two independent samples with Welch's t interval. Used only when designs
 * cannot be paired (different worlds, {@code compare --allow-different-worlds}); paired designs use
 * {@link PairedDifference}, which is far more precise under common random numbers.
 */
public final class IndependentDifference {
    private IndependentDifference() {
    }

    /** mean(a) − mean(b) with a 95% Welch interval; NaN values are skipped. */
    public static Estimate of(double[] a, double[] b) {
        Estimate ea = Estimates.of(a);
        Estimate eb = Estimates.of(b);
        if (ea.n() < 2 || eb.n() < 2) {
            return new Estimate(ea.mean() - eb.mean(), Double.NaN, Double.NaN, Double.NaN, Math.min(ea.n(), eb.n()));
        }
        double va = ea.sd() * ea.sd() / ea.n();
        double vb = eb.sd() * eb.sd() / eb.n();
        double se = StrictMath.sqrt(va + vb);
        double diff = ea.mean() - eb.mean();
        if (se == 0) {
            return new Estimate(diff, 0.0, diff, diff, Math.min(ea.n(), eb.n()));
        }
        // Welch–Satterthwaite degrees of freedom.
        double df = (va + vb) * (va + vb) / (va * va / (ea.n() - 1) + vb * vb / (eb.n() - 1));
        double t = new TDistribution(null, df, 1e-14).inverseCumulativeProbability(1 - (1 - Estimates.DEFAULT_LEVEL) / 2);
        return new Estimate(diff, se, diff - t * se, diff + t * se, Math.min(ea.n(), eb.n()));
    }
}
