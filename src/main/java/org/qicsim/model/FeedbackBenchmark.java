package org.qicsim.model;

import org.qicsim.scenario.Collaborative;

/**
 * The benchmark B shown to sites, the social part of their aspiration (MODEL.md §6 S4 "Benchmark",
 * S5 aspiration; Greve 2003 on social and historical aspirations; EVIDENCE.md (a)6 for the Michigan
 * collaboratives' feedback against the collaborative's mean). The scenario's flat
 * {@code feedback.benchmark} enum maps to one variant by an exhaustive switch.
 */
sealed interface FeedbackBenchmark {

    /**
     * B over the measured members' reported rates; {@code firstCycleTarget} is 0.9 × their mean at the
     * first cycle that measured anyone (kept by the coordinating centre).
     */
    double of(int[] measured, double[] reported, double firstCycleTarget);

    static FeedbackBenchmark of(Collaborative.Feedback f) {
        return switch (f.benchmark()) {
            case MEAN -> new Mean();
            case TOP_DECILE -> new TopDecile();
            case TARGET -> new Target(f.target());
        };
    }

    /** The measured members' mean P̂. */
    record Mean() implements FeedbackBenchmark {
        @Override
        public double of(int[] measured, double[] reported, double firstCycleTarget) {
            return CoordinatingCentre.meanOver(measured, reported);
        }
    }

    /** The mean P̂ of the best shareOf(m, 0.1) measured members (ties by site index). */
    record TopDecile() implements FeedbackBenchmark {
        @Override
        public double of(int[] measured, double[] reported, double firstCycleTarget) {
            int[] ranked = Measurement.rankAscending(measured, reported);
            int n = Measurement.shareOf(ranked.length, 0.1);
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += reported[ranked[k]];
            }
            return sum / n;
        }
    }

    /** feedback.target, or if null the first cycle's target (0.9 × the measured members' mean P̂). */
    record Target(Double target) implements FeedbackBenchmark {
        @Override
        public double of(int[] measured, double[] reported, double firstCycleTarget) {
            return target != null ? target : firstCycleTarget;
        }
    }
}
