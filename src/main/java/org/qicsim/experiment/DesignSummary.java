package org.qicsim.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.qicsim.analysis.Bootstrap;
import org.qicsim.analysis.Estimate;
import org.qicsim.analysis.Estimates;
import org.qicsim.analysis.RatioEstimate;
import org.qicsim.model.RunResult;

/**
 * The summary of one design over its replicates (MODEL.md §9 summary.json): each metric's mean with
 * its t-based 95% CI, and the cost per event averted as a ratio of means with a bootstrap CI
 * ("dominated" when the collaborative averts no events on average). Computed in replicate order, so
 * it is the same for any thread count.
 *
 * @param metrics estimates in {@link RunResult#METRICS} order
 * @param costPerEventAverted the ratio of mean discounted total cost to mean discounted events
 *     averted, or null when dominated
 */
public record DesignSummary(DesignSpec design, Map<String, Estimate> metrics, RatioEstimate costPerEventAverted) {

    /** Bootstrap resamples for the cost-effectiveness ratio. */
    public static final int RESAMPLES = Bootstrap.DEFAULT_RESAMPLES;

    public static DesignSummary of(DesignResults results, long masterSeed) {
        Map<String, Estimate> metrics = new LinkedHashMap<>();
        for (String metric : RunResult.METRICS) {
            metrics.put(metric, Estimates.of(results.values(metric)));
        }
        RatioEstimate ratio = null;
        if (metrics.get("eventsAverted").mean() > 0) {
            ratio = Bootstrap.ratioOfMeans(results.values("costTotal"), results.values("eventsAvertedDiscounted"),
                    RESAMPLES, Estimates.DEFAULT_LEVEL,
                    Seeds.generator(Seeds.Purpose.BOOTSTRAP, masterSeed, results.design().point()));
        }
        return new DesignSummary(results.design(), metrics, ratio);
    }

    public Estimate metric(String name) {
        return metrics.get(name);
    }

    public boolean dominated() {
        return costPerEventAverted == null;
    }
}
