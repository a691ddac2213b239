package org.qicsim.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qicsim.analysis.cea.CeaResult;
import org.qicsim.analysis.cea.Perspective;
import org.qicsim.experiment.Attribution;
import org.qicsim.experiment.Comparison;
import org.qicsim.experiment.ComparisonCostEffectiveness;
import org.qicsim.experiment.DesignSummary;

/**
 * The debrief's cost-effectiveness of every design played against no collaborative
 * (docs/DECISIONS.md "Cost-effectiveness", {@code analysis.cea}): for each participant's design,
 * incremental cost, discounted events averted, the ICER with its bootstrap interval (or the
 * quadrant when there is no ICER), net monetary benefit at the WTP, the probability of being
 * cost-effective at the WTP and the acceptability curve. The rows are those of
 * {@link ComparisonCostEffectiveness} with comparator {@code noCollaborative}, the same numbers as
 * the results folder's {@code cea.csv} and {@code ceac.csv} (same seeds, same order).
 */
final class CostEffectivenessTable {

    private CostEffectivenessTable() {
    }

    /**
     * @param comparison the round: design 1 the no-collaborative reference, then each participant's
     *     latest design, paired under common random numbers
     * @param masterSeed the round's master seed (the ICER bootstraps draw from it, as in compare)
     * @param names display names, one per design
     * @param plannedCosts the planned cost ({@link DesignBudget}) of each design
     */
    static Map<String, Object> of(Comparison comparison, long masterSeed, List<String> names,
            List<Double> plannedCosts, Perspective perspective, double wtp) {
        List<CeaResult> cea = new ArrayList<>();
        for (CeaResult r : ComparisonCostEffectiveness.of(comparison, perspective, wtp, masterSeed)) {
            if (r.comparator().equals(Attribution.NO_COLLABORATIVE)) {
                cea.add(r);
            }
        }
        List<DesignSummary> summaries = comparison.summaries();
        int best = best(comparison);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int k = 1; k < summaries.size(); k++) {
            CeaResult c = cea.get(k);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("design", k + 1);
            row.put("label", c.design());
            row.put("name", names.get(k));
            row.put("best", k == best);
            row.put("plannedCost", plannedCosts.get(k));
            row.put("eventsAverted", JsonNumbers.estimate(summaries.get(k).metric("eventsAverted")));
            row.put("incrementalCost", JsonNumbers.estimate(c.incrementalCost()));
            row.put("eventsAvertedDiscounted", JsonNumbers.estimate(c.eventsAverted()));
            row.put("quadrant", c.quadrant() == null ? null : c.quadrant().label());
            row.put("icer", c.quadrant() != null && c.quadrant().hasIcer()
                    ? JsonNumbers.interval(c.icer(), c.icerLow(), c.icerHigh()) : null);
            row.put("nmb", JsonNumbers.estimate(c.nmb()));
            List<Double> wtps = new ArrayList<>();
            List<Double> probabilities = new ArrayList<>();
            Double atWtp = null;
            for (CeaResult.CeacPoint p : c.ceac()) {
                wtps.add(p.wtp());
                probabilities.add(JsonNumbers.finite(p.probabilityCostEffective()));
                if (p.wtp() == wtp) {
                    atWtp = JsonNumbers.finite(p.probabilityCostEffective());
                }
            }
            row.put("probabilityCostEffective", atWtp);
            row.put("ceacWtp", wtps);
            row.put("ceac", probabilities);
            rows.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", "decision-support");
        out.put("perspective", perspective.label());
        out.put("wtp", wtp);
        out.put("paired", comparison.paired());
        out.put("replicates", summaries.get(0).metric("eventsAverted").n());
        out.put("rows", rows);
        return out;
    }

    /**
     * The round's best design, as the league ranks them: most events averted on average (the first
     * such in join order); -1 when no participant's design finished. Index into the comparison.
     */
    static int best(Comparison comparison) {
        List<DesignSummary> summaries = comparison.summaries();
        int best = -1;
        for (int k = 1; k < summaries.size(); k++) {
            if (best < 0 || summaries.get(k).metric("eventsAverted").mean()
                    > summaries.get(best).metric("eventsAverted").mean()) {
                best = k;
            }
        }
        return best;
    }
}
