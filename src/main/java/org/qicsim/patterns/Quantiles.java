package org.qicsim.patterns;

/** Sample quantiles and the distribution-free interval of a median. */
public final class Quantiles {
    private Quantiles() {
    }

    /** Hyndman and Fan type 7 (R's default) of sorted values: linear interpolation between order statistics. */
    public static double type7(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * The 95% order-statistic (binomial) interval of the median of sorted values: the values of
     * ranks {@code j} and {@code k} (1-based), {@code j = floor(n/2 − 1.96·√n/2)},
     * {@code k = ceil(n/2 + 1 + 1.96·√n/2)}, clamped to [1, n] (Conover, Practical Nonparametric
     * Statistics, 3rd ed., §3.2, normal approximation).
     */
    public static double[] medianInterval(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double half = 1.959963984540054 * StrictMath.sqrt(n) / 2;
        int j = (int) Math.max(1, Math.floor(n / 2.0 - half));
        int k = (int) Math.min(n, Math.ceil(n / 2.0 + 1 + half));
        return new double[] {sorted[j - 1], sorted[k - 1]};
    }
}
