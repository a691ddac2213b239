package org.qicsim.model;

import java.util.Arrays;
import org.qicsim.scenario.Collaborative;

/**
 * S4 Positive deviants (MODEL.md §6 S4; Bradley et al. 2009 on positive deviance in health care):
 * which members the coordinating centre holds up as examples. Six methods: crude rates,
 * risk-adjusted rates, reliability-adjusted ("shrunk") rates, funnel outliers, persistence across
 * windows, and process (agreement with the change package), each a variant of
 * {@link DeviantIdentification}. Flagged gamers are excluded. Low caseloads make crude ranking pick
 * lucky sites; shrinkage guards against that (Dimick 2012).
 */
final class PositiveDeviance {
    private PositiveDeviance() {
    }

    static int[] identify(QicSimulation sim, Month now, Measurement m, boolean[] members, int from, int to,
            Measurement.Settings settings) {
        Collaborative.PositiveDeviance pd = now.collaborative().positiveDeviance();
        if (!pd.enabled()) {
            return new int[0];
        }
        int[] candidates = Arrays.stream(m.measured).filter(j -> !sim.centre.excluded(sim.sites[j])).toArray();
        return DeviantIdentification.of(pd).identify(sim, now, m, candidates, members, from, to, settings);
    }

    /** The best (lowest) topFraction of candidates by value, ties by site index. */
    static int[] best(int[] candidates, double[] value, double topFraction) {
        int[] ranked = Measurement.rankAscending(candidates, value);
        int n = Measurement.shareOf(ranked.length, topFraction);
        int[] chosen = Arrays.copyOf(ranked, n);
        Arrays.sort(chosen);
        return chosen;
    }

    /**
     * In the best quintile of shrunk P̂ in at least two of the windows ending at t − lag,
     * t − lag − W and t − lag − 2W, counting only windows that hold data (that end at month 0 or
     * later); so the set is empty until a second window exists.
     */
    static int[] persistent(QicSimulation sim, Month now, int[] candidates, boolean[] members, int from, int to,
            Measurement.Settings settings) {
        int window = to - from + 1;
        int[] hits = new int[members.length];
        for (int w = 0; w < 3; w++) {
            int end = to - w * window;
            if (end < 0) {
                break;
            }
            Measurement m = w == 0 ? sim.centre.latest()
                    : ProcessIndicator.measure(sim, members, end - window + 1, end, settings,
                            now.collaborative().measurement().indicator());
            int[] ranked = Measurement.rankAscending(m.measured, m.adjusted);
            int q = Measurement.shareOf(ranked.length, 0.2);
            for (int k = 0; k < q; k++) {
                hits[ranked[k]]++;
            }
        }
        return Arrays.stream(candidates).filter(j -> hits[j] >= 2).toArray();
    }

    /**
     * Members not in class worse whose bundle best agrees with the change package: score
     * #{z_i ≠ 0, x_i = [z_i = +1]} − #{z_i ≠ 0, x_i ≠ [z_i = +1]}; shrunk while the package is empty.
     */
    static int[] process(QicSimulation sim, Measurement m, int[] candidates, double topFraction) {
        ChangePackage z = sim.centre.changePackage();
        if (z.isEmpty()) {
            return best(candidates, m.adjusted, topFraction);
        }
        int[] eligible = Arrays.stream(candidates).filter(j -> m.classes[j] != ReportClass.WORSE).toArray();
        double[] negativeScore = new double[sim.siteCount()];
        for (int j : eligible) {
            negativeScore[j] = -z.agreement(sim.sites[j].bundle);
        }
        return best(eligible, negativeScore, topFraction);
    }
}
