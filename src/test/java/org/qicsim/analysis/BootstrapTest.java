package org.qicsim.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qicsim.experiment.Seeds;

class BootstrapTest {

    private static final double[] COSTS = {120, 80, 150, 95, 110, 130, 70, 160, 100, 90};
    private static final double[] EVENTS = {3.1, 1.9, 4.2, 2.0, 2.8, 3.5, 1.2, 4.4, 2.5, 2.6};

    @Test
    void ratioIsTheRatioOfMeans() {
        RatioEstimate r = Bootstrap.ratioOfMeans(COSTS, EVENTS, 2000, 0.95, Seeds.generator(Seeds.Purpose.BOOTSTRAP, 20231201L));
        double meanCost = 110.5;
        double meanEvents = 28.2 / 10;
        assertThat(r.ratio()).isCloseTo(meanCost / meanEvents, within(1e-12));
        assertThat(r.n()).isEqualTo(10);
        assertThat(r.resamples()).isEqualTo(2000);
        assertThat(r.ciLow()).isLessThan(r.ratio());
        assertThat(r.ciHigh()).isGreaterThan(r.ratio());
    }

    @Test
    void sameSeedSameIntervalOtherSeedOtherInterval() {
        RatioEstimate a = Bootstrap.ratioOfMeans(COSTS, EVENTS, 500, 0.95, Seeds.generator(Seeds.Purpose.BOOTSTRAP, 1L));
        RatioEstimate b = Bootstrap.ratioOfMeans(COSTS, EVENTS, 500, 0.95, Seeds.generator(Seeds.Purpose.BOOTSTRAP, 1L));
        RatioEstimate c = Bootstrap.ratioOfMeans(COSTS, EVENTS, 500, 0.95, Seeds.generator(Seeds.Purpose.BOOTSTRAP, 2L));
        assertThat(b).isEqualTo(a);
        assertThat(c.ciLow()).isNotEqualTo(a.ciLow());
        // The seed goes through Seeds' bootstrap generator.
        RatioEstimate d = Bootstrap.ratioOfMeans(COSTS, EVENTS, 500, 0.95,
                Seeds.generator(Seeds.Purpose.BOOTSTRAP, 1L));
        assertThat(d).isEqualTo(a);
    }

    /**
     * If every replicate has cost = 40 × events, any joint resample has ratio exactly 40; resampling
     * numerator and denominator independently would not.
     */
    @Test
    void resamplesReplicatesJointly() {
        double[] events = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] costs = new double[events.length];
        for (int i = 0; i < events.length; i++) {
            costs[i] = 40 * events[i];
        }
        RatioEstimate r = Bootstrap.ratioOfMeans(costs, events, 1000, 0.95, Seeds.generator(Seeds.Purpose.BOOTSTRAP, 7L));
        assertThat(r.ratio()).isEqualTo(40);
        assertThat(r.ciLow()).isCloseTo(40, within(1e-12));
        assertThat(r.ciHigh()).isCloseTo(40, within(1e-12));
    }

    @Test
    void incompletePairsAreDroppedAndTinySamplesHaveNoInterval() {
        RatioEstimate r = Bootstrap.ratioOfMeans(new double[] {10, Double.NaN, 30}, new double[] {1, 2, Double.NaN}, 100, 0.95, Seeds.generator(Seeds.Purpose.BOOTSTRAP, 3L));
        assertThat(r.n()).isEqualTo(1);
        assertThat(r.ratio()).isEqualTo(10);
        assertThat(r.ciLow()).isNaN();
        assertThat(r.ciHigh()).isNaN();
        assertThat(Bootstrap.ratioOfMeans(new double[0], new double[0], 100, 0.95, Seeds.generator(Seeds.Purpose.BOOTSTRAP, 3L)).ratio()).isNaN();
        assertThatThrownBy(() -> Bootstrap.ratioOfMeans(new double[2], new double[3], 100, 0.95, Seeds.generator(Seeds.Purpose.BOOTSTRAP, 3L)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bootstrap.ratioOfMeans(new double[2], new double[2], 0, 0.95, Seeds.generator(Seeds.Purpose.BOOTSTRAP, 3L)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zeroOverZeroResamplesAreLeftOut() {
        // Replicates with no cost and no events make 0/0 whenever a resample draws only them:
        // probability (2/3)^3 = 0.296, so about 704 of 1000 resamples are defined (SD 14.4; ±4 SD below).
        double[] costs = {0, 0, 100};
        double[] events = {0, 0, 2};
        RatioEstimate r = Bootstrap.ratioOfMeans(costs, events, 1000, 0.95, new SplittableRandom(11));
        assertThat(r.resamples()).isBetween(646, 762);
        assertThat(r.ciLow()).isEqualTo(50);
        assertThat(r.ciHigh()).isEqualTo(50);
    }

    @Test
    void type7Quantiles() {
        double[] sorted = {1, 2, 3, 4};
        assertThat(Bootstrap.quantile(sorted, 0)).isEqualTo(1);
        assertThat(Bootstrap.quantile(sorted, 0.25)).isEqualTo(1.75);
        assertThat(Bootstrap.quantile(sorted, 0.5)).isEqualTo(2.5);
        assertThat(Bootstrap.quantile(sorted, 1)).isEqualTo(4);
        assertThat(Bootstrap.quantile(new double[] {Double.NEGATIVE_INFINITY, 1, 2}, 0.25))
                .isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Bootstrap.quantile(new double[] {1, 2, Double.POSITIVE_INFINITY}, 0.75))
                .isEqualTo(Double.POSITIVE_INFINITY);
    }
}
