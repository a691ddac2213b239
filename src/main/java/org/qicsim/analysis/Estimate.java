package org.qicsim.analysis;

import org.qicsim.results.MetricSummary;

/**
 * A mean over replicates with its spread and confidence interval. {@code NaN} marks what cannot be
 * estimated: everything when {@code n = 0}; {@code sd} and the interval when {@code n = 1}.
 *
 * @param mean   sample mean
 * @param sd     sample standard deviation (divisor n − 1)
 * @param ciLow  lower end of the confidence interval
 * @param ciHigh upper end
 * @param n      number of values used (non-NaN)
 */
public record Estimate(double mean, double sd, double ciLow, double ciHigh, int n) implements MetricSummary {

    /** The estimate of no values. */
    public static final Estimate EMPTY = new Estimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);

    public Estimate {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
    }

    /** Half the width of the interval ({@code NaN} when there is none). */
    public double halfWidth() {
        return (ciHigh - ciLow) / 2;
    }

    /** Whether the interval lies strictly above or strictly below {@code value}. */
    public boolean excludes(double value) {
        return ciLow > value || ciHigh < value;
    }
}
