package org.qicsim.results;

/**
 * What {@code summary.json} shows for one metric (MODEL.md §9): mean, t-based 95% CI, SD and number of
 * replicates with a value. {@code NaN} means missing and is written as JSON {@code null}.
 * {@code org.qicsim.analysis.Estimate} implements it; writers only format it.
 */
public interface MetricSummary {
    double mean();

    double ciLow();

    double ciHigh();

    double sd();

    int n();

    /** Whether {@link #piLow()} and {@link #piHigh()} are given (runs with parameter draws). */
    default boolean hasPredictionInterval() {
        return false;
    }

    /** Lower end of the 95% prediction interval over replicates; NaN when there is none. */
    default double piLow() {
        return Double.NaN;
    }

    /** Upper end of the 95% prediction interval over replicates; NaN when there is none. */
    default double piHigh() {
        return Double.NaN;
    }
}
