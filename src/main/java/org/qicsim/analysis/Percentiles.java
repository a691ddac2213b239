package org.qicsim.analysis;

import java.util.Arrays;

/**
 * Sample quantiles by Hyndman and Fan's type 7 (R's default, the one {@link Bootstrap} uses):
 * linear interpolation at position {@code (m − 1)·p} of the sorted values. Used for bootstrap
 * percentile intervals and for prediction intervals over replicates.
 */
public final class Percentiles {

    private Percentiles() {
    }

    /** The type-7 quantile {@code p} of the non-NaN values (not modified); NaN when there are none. */
    public static double of(double[] values, double p) {
        double[] sorted = sortedFinite(values);
        return sorted.length == 0 ? Double.NaN : sorted(sorted, p);
    }

    /** The non-NaN values, sorted ascending (±∞ kept, at the ends). */
    public static double[] sortedFinite(double[] values) {
        double[] kept = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                kept[n++] = v;
            }
        }
        double[] sorted = Arrays.copyOf(kept, n);
        Arrays.sort(sorted);
        return sorted;
    }

    /** The type-7 quantile {@code p} of values already sorted ascending, none NaN, at least one. */
    public static double sorted(double[] sorted, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1], was " + p);
        }
        return Bootstrap.quantile(sorted, p);
    }
}
