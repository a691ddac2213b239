package org.qicsim.experiment;

import java.util.ArrayList;
import java.util.List;
import org.qicsim.analysis.PairedDifference;
import org.qicsim.analysis.cea.CeaResult;
import org.qicsim.analysis.cea.CostEffectiveness;
import org.qicsim.analysis.cea.Perspective;

/**
 * The cost-effectiveness rows of a {@code compare} (docs/DECISIONS.md "Cost-effectiveness"): for
 * each design k in order, first k against its own no-collaborative counterfactual (comparator
 * {@code noCollaborative}; the run's costs and discounted events averted are already differences
 * from it), then, for k ≥ 2 and only when the comparison is paired, k against design 1 (the
 * replicate-by-replicate differences of cost and discounted events averted, as compare's other
 * differences). Designs are named {@code <k>-<name>}, as their folders. Row i (0-based) draws its
 * ICER bootstrap from {@code Seeds.generator(COST_EFFECTIVENESS, masterSeed, i)}.
 */
public final class ComparisonCostEffectiveness {

    private ComparisonCostEffectiveness() {
    }

    public static List<CeaResult> of(Comparison comparison, Perspective perspective, double wtp, long masterSeed) {
        List<CeaResult> rows = new ArrayList<>();
        double[] grid = CostEffectiveness.grid(wtp);
        List<DesignResults> results = comparison.results();
        DesignResults first = results.get(0);
        String firstName = label(first.design());
        for (int k = 0; k < results.size(); k++) {
            DesignResults d = results.get(k);
            double[] cost = d.values(perspective.costMetric());
            double[] events = d.values("eventsAvertedDiscounted");
            rows.add(CostEffectiveness.of(label(d.design()), Attribution.NO_COLLABORATIVE, perspective, cost, events,
                    wtp, grid, Seeds.generator(Seeds.Purpose.COST_EFFECTIVENESS, masterSeed, rows.size())));
            if (k > 0 && comparison.paired()) {
                rows.add(CostEffectiveness.of(label(d.design()), firstName, perspective,
                        PairedDifference.differences(cost, first.values(perspective.costMetric())),
                        PairedDifference.differences(events, first.values("eventsAvertedDiscounted")), wtp, grid,
                        Seeds.generator(Seeds.Purpose.COST_EFFECTIVENESS, masterSeed, rows.size())));
            }
        }
        return rows;
    }

    private static String label(DesignSpec d) {
        return d.point() + "-" + d.name();
    }
}
