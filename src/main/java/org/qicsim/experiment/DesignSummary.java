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
        RatioEstimate ratio = costPerEventAverted(metrics.get("eventsAverted"), results.values("costTotal"),
                results.values("eventsAvertedDiscounted"), masterSeed, results.design().point());
        return new DesignSummary(results.design(), metrics, ratio);
    }

    /**
     * The cost per event averted of one design: mean discounted total cost over mean discounted
     * events averted, with a bootstrap interval drawn from the design's own generator
     * ({@code BOOTSTRAP}, master seed, point); null ("dominated") when the mean of
     * {@code eventsAverted} is not positive. Sweeps summarise their points with it too, so a point
     * and a {@code run} of the same scenario report the same interval.
     */
    public static RatioEstimate costPerEventAverted(Estimate eventsAverted, double[] costTotal,
            double[] eventsAvertedDiscounted, long masterSeed, int point) {
        if (!(eventsAverted.mean() > 0)) {
            return null;
        }
        return Bootstrap.ratioOfMeans(costTotal, eventsAvertedDiscounted, RESAMPLES, Estimates.DEFAULT_LEVEL,
                Seeds.generator(Seeds.Purpose.BOOTSTRAP, masterSeed, point));
    }

    public Estimate metric(String name) {
        return metrics.get(name);
    }

    public boolean dominated() {
        return costPerEventAverted == null;
    }
}
