package org.qicsim.analysis.sensitivity;

/**
 * A sensitivity index with a bootstrap percentile interval; the interval is NaN when no
 * resamples were asked for or a resample had no output variance.
 */
public record IndexEstimate(double value, double ciLow, double ciHigh) {
}
