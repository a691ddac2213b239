package org.qicsim.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qicsim.analysis.Estimate;
import org.qicsim.analysis.PairedDifference;
import org.qicsim.analysis.RatioEstimate;
import org.qicsim.experiment.Comparison;
import org.qicsim.experiment.DesignSummary;

/**
 * The debrief until the decision-support attribution is wired in: for each design, events averted
 * against no collaborative, simulated total cost, cost per event averted (ratio of means with its
 * bootstrap CI, as in summary.json; "dominated" when no events are averted on average), net
 * savings, and the paired difference from the round's best design (most events averted), replicate
 * by replicate under common random numbers. Labelled {@code kind: interim} so the page says what it is.
 */
final class InterimDebrief implements Debrief {

    static final String LABEL = "Interim debrief: cost-effectiveness computed from this round's runs. "
            + "The five-feature attribution is not shown yet (it comes with the decision-support analysis).";

    @Override
    public Map<String, Object> of(Comparison comparison, List<String> names, List<Double> plannedCosts) {
        List<DesignSummary> summaries = comparison.summaries();
        int best = -1;
        for (int k = 1; k < summaries.size(); k++) {
            if (best < 0 || summaries.get(k).metric("eventsAverted").mean()
                    > summaries.get(best).metric("eventsAverted").mean()) {
                best = k;
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int k = 1; k < summaries.size(); k++) {
            DesignSummary s = summaries.get(k);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("design", k + 1);
            row.put("name", names.get(k));
            row.put("plannedCost", plannedCosts.get(k));
            row.put("eventsAverted", estimate(s.metric("eventsAverted")));
            row.put("costTotal", estimate(s.metric("costTotal")));
            row.put("netSavings", estimate(s.metric("netSavings")));
            RatioEstimate ratio = s.costPerEventAverted();
            row.put("costPerEventAverted", ratio == null ? null
                    : Map.of("ratio", ratio.ratio(), "ciLow", ratio.ciLow(), "ciHigh", ratio.ciHigh()));
            row.put("best", k == best);
            if (k != best) {
                row.put("eventsAvertedVsBest", estimate(paired(comparison, k, best, "eventsAverted")));
                row.put("costTotalVsBest", estimate(paired(comparison, k, best, "costTotal")));
            }
            rows.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", "interim");
        out.put("label", LABEL);
        out.put("paired", comparison.paired());
        out.put("replicates", summaries.get(0).metric("eventsAverted").n());
        out.put("rows", rows);
        return out;
    }

    private static Estimate paired(Comparison c, int k, int best, String metric) {
        return PairedDifference.of(c.results().get(k).values(metric), c.results().get(best).values(metric));
    }

    static Map<String, Object> estimate(Estimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", finite(e.mean()));
        m.put("ciLow", finite(e.ciLow()));
        m.put("ciHigh", finite(e.ciHigh()));
        m.put("n", e.n());
        return m;
    }

    /** JSON has no NaN: undefined values travel as null. */
    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
