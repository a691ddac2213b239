package org.qicsim.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EstimatesTest {

    /** t quantile for 4 degrees of freedom at 0.975 (tables: 2.776). */
    private static final double T4 = 2.7764451051977987;

    @Test
    void fiveValueSampleByHand() {
        // mean 3.2; squared deviations 4.84 + 1.44 + 0.04 + 0.64 + 7.84 = 14.8; sd = sqrt(14.8 / 4)
        Estimate e = Estimates.of(new double[] {1, 2, 3, 4, 6});
        double sd = Math.sqrt(3.7);
        double half = T4 * sd / Math.sqrt(5);
        assertThat(e.n()).isEqualTo(5);
        assertThat(e.mean()).isCloseTo(3.2, within(1e-15));
        assertThat(e.sd()).isCloseTo(sd, within(1e-15));
        assertThat(e.ciLow()).isCloseTo(3.2 - half, within(1e-12));
        assertThat(e.ciHigh()).isCloseTo(3.2 + half, within(1e-12));
        assertThat(e.halfWidth()).isCloseTo(2.776 * sd / Math.sqrt(5), within(1e-3));
    }

    @Test
    void tQuantilesMatchTables() {
        assertThat(Estimates.tQuantile(0.975, 4)).isCloseTo(2.776, within(5e-4)).isCloseTo(T4, within(1e-12));
        assertThat(Estimates.tQuantile(0.975, 1)).isCloseTo(12.706204736174698, within(1e-9));
        assertThat(Estimates.tQuantile(0.975, 29)).isCloseTo(2.045229642132703, within(1e-12));
    }

    @Test
    void nanValuesAreSkippedAndNotCounted() {
        Estimate e = Estimates.of(new double[] {Double.NaN, 1, 3, Double.NaN});
        assertThat(e.n()).isEqualTo(2);
        assertThat(e.mean()).isEqualTo(2);
        assertThat(e.sd()).isCloseTo(Math.sqrt(2), within(1e-15));
        assertThat(e.ciHigh()).isCloseTo(2 + 12.706204736174698, within(1e-8));
    }

    @Test
    void oneValueHasNoSpreadAndNoneHasNothing() {
        Estimate one = Estimates.of(new double[] {0.13, Double.NaN});
        assertThat(one.n()).isEqualTo(1);
        assertThat(one.mean()).isEqualTo(0.13);
        assertThat(one.sd()).isNaN();
        assertThat(one.ciLow()).isNaN();
        assertThat(one.ciHigh()).isNaN();
        assertThat(Estimates.of(new double[0])).isEqualTo(Estimate.EMPTY);
        assertThat(Estimates.of(new double[] {Double.NaN}).n()).isZero();
    }

    @Test
    void identicalValuesGiveAZeroWidthInterval() {
        Estimate e = Estimates.of(new double[] {0.5, 0.5, 0.5});
        assertThat(e.sd()).isZero();
        assertThat(e.ciLow()).isEqualTo(0.5);
        assertThat(e.ciHigh()).isEqualTo(0.5);
        assertThat(e.excludes(0.5)).isFalse();
        assertThat(e.excludes(0.4)).isTrue();
    }

    @Test
    void otherLevelsUseTheirQuantile() {
        Estimate e90 = Estimates.of(new double[] {1, 2, 3, 4, 6}, 0.90);
        // t(0.95; 4) = 2.131846786326649
        assertThat(e90.halfWidth()).isCloseTo(2.131846786326649 * Math.sqrt(3.7) / Math.sqrt(5), within(1e-12));
        assertThatThrownBy(() -> Estimates.of(new double[] {1, 2}, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pairedDifferencesDropIncompletePairs() {
        Estimate d = PairedDifference.of(new double[] {10, 12, Double.NaN, 9}, new double[] {8, 11, 5, Double.NaN});
        // differences 2 and 1: mean 1.5, sd sqrt(0.5), half-width t(1)·sd/sqrt(2) = 12.7062·0.5
        assertThat(d.n()).isEqualTo(2);
        assertThat(d.mean()).isEqualTo(1.5);
        assertThat(d.sd()).isCloseTo(Math.sqrt(0.5), within(1e-15));
        assertThat(d.halfWidth()).isCloseTo(12.706204736174698 * 0.5, within(1e-8));
        assertThat(PairedDifference.differences(new double[] {3, 1}, new double[] {1, Double.NaN}))
                .containsExactly(2, Double.NaN);
        assertThatThrownBy(() -> PairedDifference.of(new double[2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pairingRemovesSharedVariation() {
        // Large between-replicate variation shared by both designs; a constant difference of 0.01.
        double[] a = {0.20, 0.10, 0.31, 0.05, 0.17};
        double[] b = {0.19, 0.09, 0.30, 0.04, 0.16};
        Estimate paired = PairedDifference.of(a, b);
        assertThat(paired.mean()).isCloseTo(0.01, within(1e-12));
        assertThat(paired.halfWidth()).isLessThan(1e-12);
        assertThat(paired.excludes(0)).isTrue();
    }
}
