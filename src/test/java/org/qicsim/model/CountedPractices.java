package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

/**
 * Test helpers for the channels that adopt counted practices a site does not do ({@link ActionPlan},
 * {@link PaidFocus}): a member to act on, and the share of counted practices in use over a run.
 */
final class CountedPractices {
    private CountedPractices() {
    }

    /** The first member that misses some counted practice, its running test cleared so it may act. */
    static Site memberMissingOne(QicSimulation sim) {
        int counted = ProcessIndicator.counted(sim, Month.of(sim));
        assertThat(counted).isNotZero();
        Site s = Arrays.stream(sim.sites).filter(x -> x.membership.member && (counted & ~x.bundle) != 0)
                .findFirst().orElseThrow();
        s.test = null;
        return s;
    }

    /**
     * Runs {@code sim} from the launch for {@code months} months and returns the mean, over sites and
     * those months, of the share of the month's counted practices in the site's bundle.
     */
    static double meanShareInUse(QicSimulation sim, int months) {
        double sum = 0;
        for (int k = 0; k < months; k++) {
            sim.advanceTo(sim.scenario.startMonth() + 1 + k);
            int counted = ProcessIndicator.counted(sim, Month.of(sim));
            for (Site s : sim.sites) {
                sum += (double) Integer.bitCount(counted & s.bundle) / Integer.bitCount(counted);
            }
        }
        return sum / months / sim.sites.length;
    }

    /** A channel that may turn an act to a counted missing practice: ActionPlan::adopts, PaidFocus::adopts. */
    interface Adopter {
        boolean adopts(QicSimulation sim, Month now, Site s, double uniform, MonthlyKey keys);
    }

    /**
     * Checks that {@code adopter} leaves {@code s} unchanged at a uniform equal to {@code chance} and,
     * just below it, adopts exactly one counted practice the site did not do and starts its test.
     */
    static void assertAdoptsOneMissingBelow(Adopter adopter, QicSimulation sim, Site s, double chance) {
        int counted = ProcessIndicator.counted(sim, Month.of(sim));
        int bundle = s.bundle;
        assertThat(chance).isPositive();
        MonthlyKey keys = sim.keys.of(Streams.Stream.LEARNING, s.index).split();

        assertThat(adopter.adopts(sim, Month.of(sim), s, chance, keys)).as("uniform not below the chance").isFalse();
        assertThat(s.bundle).isEqualTo(bundle);
        assertThat(adopter.adopts(sim, Month.of(sim), s, Math.nextDown(chance), keys)).isTrue();
        int flipped = s.bundle ^ bundle;
        assertThat(Integer.bitCount(flipped)).isEqualTo(1);
        assertThat(flipped & counted & ~bundle).as("the adopted practice is a counted one the site did not do")
                .isEqualTo(flipped);
        assertThat(s.test).as("the change is tested like any change").isNotNull();
    }

    /** The lower end of the 95% t-interval (19 degrees of freedom: 20 paired seeds) of the mean of {@code d}. */
    static double lowerBound20(double[] d) {
        assertThat(d).hasSize(20);
        double mean = Arrays.stream(d).average().orElseThrow();
        double sd = StrictMath.sqrt(Arrays.stream(d).map(x -> (x - mean) * (x - mean)).sum() / (d.length - 1));
        return mean - 2.093 * sd / StrictMath.sqrt(d.length);
    }
}
