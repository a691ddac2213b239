package org.qicsim.model;

import java.util.Arrays;
import org.qicsim.scenario.Collaborative;

/**
 * How the coordinating centre picks the positive deviants among the candidates, the measured members
 * not excluded after a detected gaming (MODEL.md §6 S4; Bradley et al. 2009 on positive deviance in
 * health care; Dimick et al. 2012 on shrinkage against lucky low-volume sites). The scenario's flat
 * {@code positiveDeviance.method} enum maps to one variant by an exhaustive switch, so a new method
 * cannot be added without its rule.
 */
sealed interface DeviantIdentification {

    /**
     * The PD set, ascending, from this cycle's measurement {@code m} of the window [from, to], in the
     * month {@code now} (MODEL.md §3).
     */
    int[] identify(QicSimulation sim, Month now, Measurement m, int[] candidates, boolean[] members, int from,
            int to, Measurement.Settings settings);

    static DeviantIdentification of(Collaborative.PositiveDeviance pd) {
        return switch (pd.method()) {
            case CRUDE -> new Crude(pd.topFraction());
            case RISK_ADJUSTED -> new RiskAdjusted(pd.topFraction());
            case SHRUNK -> new Shrunk(pd.topFraction());
            case FUNNEL -> new FunnelOutliers();
            case PERSISTENT -> new Persistent();
            case PROCESS -> new Process(pd.topFraction());
        };
    }

    /** The best topFraction of candidates by crude rate O_j/n_j: low caseloads make it pick lucky sites. */
    record Crude(double topFraction) implements DeviantIdentification {
        @Override
        public int[] identify(QicSimulation sim, Month now, Measurement m, int[] candidates, boolean[] members,
                int from, int to, Measurement.Settings settings) {
            double[] crude = new double[members.length];
            for (int j : candidates) {
                crude[j] = m.events[j] / m.cases[j];
            }
            return PositiveDeviance.best(candidates, crude, topFraction);
        }
    }

    /** The best topFraction of candidates by risk-standardised rate RSR_j. */
    record RiskAdjusted(double topFraction) implements DeviantIdentification {
        @Override
        public int[] identify(QicSimulation sim, Month now, Measurement m, int[] candidates, boolean[] members,
                int from, int to, Measurement.Settings settings) {
            return PositiveDeviance.best(candidates, m.rsr, topFraction);
        }
    }

    /** The best topFraction of candidates by the reliability-adjusted rate P̂ˢ_j (whatever reliabilityAdjustment). */
    record Shrunk(double topFraction) implements DeviantIdentification {
        @Override
        public int[] identify(QicSimulation sim, Month now, Measurement m, int[] candidates, boolean[] members,
                int from, int to, Measurement.Settings settings) {
            return PositiveDeviance.best(candidates, m.adjusted, topFraction);
        }
    }

    /** Candidates in funnel class better: possibly none, and always none under a league table (§10 item 35). */
    record FunnelOutliers() implements DeviantIdentification {
        @Override
        public int[] identify(QicSimulation sim, Month now, Measurement m, int[] candidates, boolean[] members,
                int from, int to, Measurement.Settings settings) {
            return Arrays.stream(candidates).filter(j -> m.classes[j] == ReportClass.BETTER).toArray();
        }
    }

    /** Candidates in the best quintile of P̂ˢ in at least two of the last three windows ({@link PositiveDeviance#persistent}). */
    record Persistent() implements DeviantIdentification {
        @Override
        public int[] identify(QicSimulation sim, Month now, Measurement m, int[] candidates, boolean[] members,
                int from, int to, Measurement.Settings settings) {
            return PositiveDeviance.persistent(sim, now, candidates, members, from, to, settings);
        }
    }

    /** The best topFraction by agreement with the change package ({@link PositiveDeviance#process}). */
    record Process(double topFraction) implements DeviantIdentification {
        @Override
        public int[] identify(QicSimulation sim, Month now, Measurement m, int[] candidates, boolean[] members,
                int from, int to, Measurement.Settings settings) {
            return PositiveDeviance.process(sim, m, candidates, topFraction);
        }
    }
}
