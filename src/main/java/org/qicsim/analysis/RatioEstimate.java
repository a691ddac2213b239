package org.qicsim.analysis;

/**
 * A ratio of means with a bootstrap percentile interval, e.g. cost per event averted.
 *
 * @param ratio     mean(numerator) / mean(denominator) over the pairs used
 * @param ciLow     lower percentile of the resampled ratios
 * @param ciHigh    upper percentile
 * @param n         replicate pairs used (neither value NaN)
 * @param resamples resamples whose ratio was defined (0/0 resamples are left out)
 */
public record RatioEstimate(double ratio, double ciLow, double ciHigh, int n, int resamples) {
}
