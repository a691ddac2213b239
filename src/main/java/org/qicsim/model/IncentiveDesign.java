package org.qicsim.model;

import org.qicsim.scenario.Collaborative;

/**
 * S6 Performance-payment designs (MODEL.md §6 S6; EVIDENCE.md (a)5 on BCBSM's hospital P4P and
 * physician VBR). Each design says what share of the maximum payment (share·revenue) a site earns
 * for a performance year from its rate that year and the year before. The scenario's flat
 * {@code design} enum maps to one variant by an exhaustive switch, so a new design cannot be added
 * without its rule.
 */
sealed interface IncentiveDesign {

    /** A year's rates: {@code measured[j]} says whether site j has a rate. */
    record YearRates(boolean[] measured, double[] rate) {
    }

    /** The share of the maximum payment each site earns for year {@code current} (0 where unmeasured). */
    double[] earned(YearRates current, YearRates previous, double target);

    /** Whether the design pays for performance at all (outcome-based pay, S2 stake and S6 salience). */
    default boolean pays() {
        return true;
    }

    /** Withhold designs take the payment at the start of the year and return it if earned. */
    default boolean withholds() {
        return false;
    }

    // The variants without parameters are shared instances, so of(), called inside monthly loops, allocates nothing.
    None NONE = new None();
    Threshold THRESHOLD = new Threshold();
    Withhold WITHHOLD = new Withhold();

    static IncentiveDesign of(Collaborative.Performance p) {
        return switch (p.design()) {
            case NONE -> NONE;
            case THRESHOLD -> THRESHOLD;
            case TOURNAMENT -> new Tournament(p.topFraction());
            case IMPROVEMENT -> new Improvement(p.minImprovement());
            case HYBRID -> new Hybrid(p.minImprovement());
            case WITHHOLD -> WITHHOLD;
        };
    }

    /** No performance pay. */
    record None() implements IncentiveDesign {
        @Override
        public boolean pays() {
            return false;
        }

        @Override
        public double[] earned(YearRates current, YearRates previous, double target) {
            return new double[current.rate().length];
        }
    }

    /** Pay if the rate is at or below the target. */
    record Threshold() implements IncentiveDesign {
        @Override
        public double[] earned(YearRates current, YearRates previous, double target) {
            double[] out = new double[current.rate().length];
            for (int j = 0; j < out.length; j++) {
                out[j] = current.measured()[j] && current.rate()[j] <= target ? 1.0 : 0.0;
            }
            return out;
        }
    }

    /** Pay the best topFraction of measured sites (ties by site index). */
    record Tournament(double topFraction) implements IncentiveDesign {
        @Override
        public double[] earned(YearRates current, YearRates previous, double target) {
            double[] out = new double[current.rate().length];
            int[] measured = java.util.stream.IntStream.range(0, out.length).filter(j -> current.measured()[j]).toArray();
            int[] ranked = Measurement.rankAscending(measured, current.rate());
            int winners = Measurement.shareOf(ranked.length, topFraction);
            for (int k = 0; k < winners; k++) {
                out[ranked[k]] = 1.0;
            }
            return out;
        }
    }

    /** Pay if the rate fell by at least minImprovement since the year before (year 0 = baseline). */
    record Improvement(double minImprovement) implements IncentiveDesign {
        @Override
        public double[] earned(YearRates current, YearRates previous, double target) {
            double[] out = new double[current.rate().length];
            for (int j = 0; j < out.length; j++) {
                out[j] = improved(current, previous, j, minImprovement) ? 1.0 : 0.0;
            }
            return out;
        }

        static boolean improved(YearRates current, YearRates previous, int j, double minImprovement) {
            return current.measured()[j] && previous != null && previous.measured()[j]
                    && current.rate()[j] <= previous.rate()[j] - minImprovement;
        }
    }

    /** share·revenue·max([attained], 0.5·[improved]). */
    record Hybrid(double minImprovement) implements IncentiveDesign {
        @Override
        public double[] earned(YearRates current, YearRates previous, double target) {
            double[] attained = new Threshold().earned(current, previous, target);
            double[] out = new double[attained.length];
            for (int j = 0; j < out.length; j++) {
                double improved = Improvement.improved(current, previous, j, minImprovement) ? 0.5 : 0.0;
                out[j] = Math.max(attained[j], improved);
            }
            return out;
        }
    }

    /** The payment is withheld at the start of the year and returned if the target is attained. */
    record Withhold() implements IncentiveDesign {
        @Override
        public double[] earned(YearRates current, YearRates previous, double target) {
            return new Threshold().earned(current, previous, target);
        }

        @Override
        public boolean withholds() {
            return true;
        }
    }
}
