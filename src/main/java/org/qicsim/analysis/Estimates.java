package org.qicsim.analysis;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Means with t-based confidence intervals over replicates (MODEL.md §9, {@code summary.json}).
 *
 * <p>NaN values (a metric that is missing in a replicate, e.g. {@code codeAccuracy} with an empty
 * change package) are skipped and {@code n} counts the rest, so the interval describes the replicates
 * where the metric exists. Infinite values are kept and make the mean infinite and the SD NaN.
 * Sums run in array order, so the result is the same on every run.
 */
public final class Estimates {

    /** The confidence level of {@link #of(double[])}. */
    public static final double DEFAULT_LEVEL = 0.95;

    /** Accuracy of the t quantile's root finder (Commons Math's default, 1e−9, shows in the 10th digit). */
    private static final double T_QUANTILE_ACCURACY = 1e-14;

    private Estimates() {
    }

    /** Mean, SD and 95% t-interval of the non-NaN values. */
    public static Estimate of(double[] values) {
        return of(values, DEFAULT_LEVEL);
    }

    /**
     * Mean, SD and t-interval {@code mean ± t(1 − (1 − level)/2; n − 1) · sd / √n} of the non-NaN values.
     *
     * @param level confidence level in (0, 1)
     */
    public static Estimate of(double[] values, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), was " + level);
        }
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return Estimate.EMPTY;
        }
        double mean = sum / n;
        if (n == 1) {
            return new Estimate(mean, Double.NaN, Double.NaN, Double.NaN, 1);
        }
        // Two passes: deviations from the mean avoid the cancellation of Σx² − n·mean².
        double squares = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        double sd = StrictMath.sqrt(squares / (n - 1));
        double half = tQuantile(1 - (1 - level) / 2, n - 1) * sd / StrictMath.sqrt(n);
        return new Estimate(mean, sd, mean - half, mean + half, n);
    }

    /** The quantile of Student's t with {@code df} degrees of freedom. */
    static double tQuantile(double p, int df) {
        // A null generator: only the quantile is used, and a default one would seed from the clock.
        return new TDistribution(null, df, T_QUANTILE_ACCURACY).inverseCumulativeProbability(p);
    }
}
