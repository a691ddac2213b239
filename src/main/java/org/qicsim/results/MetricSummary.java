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
}
