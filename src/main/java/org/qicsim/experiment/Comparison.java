package org.qicsim.experiment;

import java.util.ArrayList;
import java.util.List;
import org.qicsim.analysis.Estimate;
import org.qicsim.analysis.IndependentDifference;
import org.qicsim.analysis.PairedDifference;
import org.qicsim.model.RunResult;

/**
 * Designs compared with the first (MODEL.md §3, §7): each design's summary and, for each metric, its
 * difference from the first design with a 95% CI — paired replicate by replicate when the designs
 * share a world (common random numbers), else Welch's interval, labelled unpaired.
 *
 * @param paired whether every design shares the first design's world and horizon
 */
public record Comparison(List<DesignSummary> summaries, List<DesignResults> results, boolean paired) {

    /** The metrics a comparison shows first (the full set is in compare.csv). */
    public static final List<String> KEY_METRICS = List.of("finalRate", "relativeEffect", "eventsAverted",
            "eventsAvertedPer1000", "costTotal", "netSavings", "retention");

    public static Comparison of(List<DesignResults> results, long masterSeed, boolean paired) {
        List<DesignSummary> summaries = new ArrayList<>();
        for (DesignResults r : results) {
            summaries.add(DesignSummary.of(r, masterSeed));
        }
        return new Comparison(List.copyOf(summaries), List.copyOf(results), paired);
    }

    /** Design k (0-based position) minus the first design, for one metric; null for the first. */
    public Estimate difference(int k, String metric) {
        if (k == 0) {
            return null;
        }
        double[] a = results.get(k).values(metric);
        double[] b = results.get(0).values(metric);
        return paired ? PairedDifference.of(a, b) : IndependentDifference.of(a, b);
    }

    /** Every metric name, in output order. */
    public static List<String> metrics() {
        return RunResult.METRICS;
    }
}
