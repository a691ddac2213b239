package org.qicsim.analysis;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Non-parametric bootstrap over replicates.
 *
 * <p>{@link #ratioOfMeans} resamples replicate indices with replacement and applies each index to
 * numerator and denominator together, keeping the pairing of a replicate's cost and effect (their
 * correlation is what a ratio's interval depends on). The interval is the percentile interval:
 * quantiles {@code (1 − level)/2} and {@code 1 − (1 − level)/2} of the resampled ratios, by linear
 * interpolation between order statistics (Hyndman and Fan's type 7, R's default). Resamples whose
 * ratio is 0/0 are left out; ±∞ (a zero denominator mean) are kept and sort to the ends.
 */
public final class Bootstrap {

    /** Resamples recommended for a 95% percentile interval. */
    public static final int DEFAULT_RESAMPLES = 2000;

    private Bootstrap() {
    }

    /**
     * Ratio of means with a percentile interval at {@code level}. Pairs where either value is NaN are
     * dropped. With fewer than 2 pairs the interval is NaN.
     *
     * @param random a generator from {@code experiment.Seeds#generator} (the only seed service); consumed
     */
    public static RatioEstimate ratioOfMeans(double[] numerator, double[] denominator, int resamples,
            double level, SplittableRandom random) {
        if (numerator.length != denominator.length) {
            throw new IllegalArgumentException(
                    "paired samples differ in length: " + numerator.length + " vs " + denominator.length);
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be >= 1, was " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), was " + level);
        }
        double[] num = new double[numerator.length];
        double[] den = new double[numerator.length];
        int n = 0;
        for (int r = 0; r < numerator.length; r++) {
            if (!Double.isNaN(numerator[r]) && !Double.isNaN(denominator[r])) {
                num[n] = numerator[r];
                den[n] = denominator[r];
                n++;
            }
        }
        double ratio = n == 0 ? Double.NaN : sum(num, n) / sum(den, n);
        if (n < 2) {
            return new RatioEstimate(ratio, Double.NaN, Double.NaN, n, 0);
        }
        double[] ratios = new double[resamples];
        int defined = 0;
        for (int b = 0; b < resamples; b++) {
            double sumNum = 0;
            double sumDen = 0;
            for (int i = 0; i < n; i++) {
                int r = random.nextInt(n);
                sumNum += num[r];
                sumDen += den[r];
            }
            // The 1/n factors of the two means cancel.
            double resampled = sumNum / sumDen;
            if (!Double.isNaN(resampled)) {
                ratios[defined++] = resampled;
            }
        }
        if (defined == 0) {
            return new RatioEstimate(ratio, Double.NaN, Double.NaN, n, 0);
        }
        double[] sorted = Arrays.copyOf(ratios, defined);
        Arrays.sort(sorted);
        double tail = (1 - level) / 2;
        return new RatioEstimate(ratio, quantile(sorted, tail), quantile(sorted, 1 - tail), n, defined);
    }

    /** Type-7 sample quantile of sorted values: interpolates at position {@code (m − 1)·p}. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double frac = h - lo;
        if (frac == 0 || sorted[lo] == sorted[hi]) {
            return sorted[lo];
        }
        if (Double.isInfinite(sorted[lo]) || Double.isInfinite(sorted[hi])) {
            // Interpolating towards ±∞ is undefined; take the outer neighbour (a wider interval).
            return p < 0.5 ? sorted[lo] : sorted[hi];
        }
        return sorted[lo] + frac * (sorted[hi] - sorted[lo]);
    }

    private static double sum(double[] values, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += values[i];
        }
        return s;
    }
}
