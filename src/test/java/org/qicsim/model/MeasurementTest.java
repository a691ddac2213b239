package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MeasurementTest {
    /** Records n patients at risk 0 for a site in month 0, the first {@code events} of them events. */
    private static void fill(Registry r, int site, int n, int events) {
        for (int k = 0; k < n; k++) {
            boolean e = k < events;
            r.record(0, site, e, Registry.bin(0.0), e, Registry.bin(0.0));
        }
    }

    private static Measurement measureThree(double rho, boolean shrink) {
        Registry r = new Registry(3, 30);
        r.beginMonth(0);
        fill(r, 0, 100, 10);
        fill(r, 1, 50, 10);
        fill(r, 2, 50, 2);
        return Measurement.measure(r, new boolean[] {true, true, true}, 0, 0,
                new Measurement.Settings(rho, shrink, 1.96), false);
    }

    @Test
    void withoutRiskAdjustmentRsrIsTheCrudeRateAndShrinkageFollowsTheFormulas() {
        Measurement m = measureThree(0.0, true);
        // p̄ = 22/200 = 0.11.
        assertThat(m.pooledRate).isEqualTo(0.11);
        // One risk bin: expected = n·p̄, so RSR = O/n.
        assertThat(m.rsr[0]).isCloseTo(0.10, within(1e-9));
        assertThat(m.rsr[1]).isCloseTo(0.20, within(1e-9));
        assertThat(m.rsr[2]).isCloseTo(0.04, within(1e-9));
        // var(RSR) (n−1) of {0.10, 0.20, 0.04}: mean 0.113333…, ss = 0.000177778 + 0.007511111 + 0.005377778
        double mean = (0.10 + 0.20 + 0.04) / 3;
        double ss = Math.pow(0.10 - mean, 2) + Math.pow(0.20 - mean, 2) + Math.pow(0.04 - mean, 2);
        double noise = (0.11 * 0.89 / 100 + 0.11 * 0.89 / 50 + 0.11 * 0.89 / 50) / 3;
        double tau2 = ss / 2 - noise;
        assertThat(m.signalVariance).isCloseTo(tau2, within(1e-12));
        double r1 = tau2 / (tau2 + 0.11 * 0.89 / 50);
        assertThat(m.reliability[1]).isCloseTo(r1, within(1e-12));
        assertThat(m.adjusted[1]).isCloseTo(r1 * 0.20 + (1 - r1) * 0.11, within(1e-9));
        double z1 = (0.20 - 0.11) / Math.sqrt(0.11 * 0.89 / 50 + tau2);
        assertThat(m.funnelZ[1]).isCloseTo(z1, within(1e-9));
        assertThat(m.classes[1]).isEqualTo(z1 > 1.96 ? ReportClass.WORSE : ReportClass.EXPECTED);
        assertThat(m.reported(1, false)).isEqualTo(m.rsr[1]);
    }

    @Test
    void riskAdjustmentMakesExpectedEqualObservedOverall() {
        Registry r = new Registry(2, 30);
        r.beginMonth(0);
        // Site 0 treats high-risk patients and has more events; site 1 low-risk.
        for (int k = 0; k < 200; k++) {
            r.record(0, 0, k < 40, Registry.bin(1.0), k < 40, Registry.bin(1.0));
            r.record(0, 1, k < 10, Registry.bin(-1.0), k < 10, Registry.bin(-1.0));
        }
        Measurement m = Measurement.measure(r, new boolean[] {true, true}, 0, 0,
                new Measurement.Settings(1.0, true, 1.96), false);
        assertThat(m.expected[0] + m.expected[1]).isCloseTo(50.0, within(1e-6));
        // With full risk adjustment the high-risk site is expected to have most events.
        assertThat(m.expected[0]).isGreaterThan(m.expected[1]);
        // RSR_j = (O_j / Exp_j)·p̄.
        assertThat(m.rsr[0]).isCloseTo(40 / m.expected[0] * 0.125, within(1e-12));
    }

    @Test
    void sitesWithoutCasesAreNotMeasured() {
        Registry r = new Registry(2, 30);
        r.beginMonth(0);
        fill(r, 0, 10, 1);
        Measurement m = Measurement.measure(r, new boolean[] {true, true}, 0, 0,
                new Measurement.Settings(0.0, true, 1.96), false);
        assertThat(m.has(0)).isTrue();
        assertThat(m.has(1)).isFalse();
        assertThat(m.count()).isEqualTo(1);
        // A single site has no between-site variance.
        assertThat(m.signalVariance).isZero();
        assertThat(m.reliability[0]).isZero();
    }

    @Test
    void binsClampOutsideMinusFourToFour() {
        assertThat(Registry.bin(-10)).isZero();
        assertThat(Registry.bin(10)).isEqualTo(63);
        assertThat(Registry.bin(0.0)).isEqualTo(32);
        assertThat(Registry.binCentre(32)).isEqualTo(0.0625);
    }

    @Test
    void rankingBreaksTiesBySiteIndexAndSharesRound() {
        int[] ranked = Measurement.rankAscending(new int[] {0, 1, 2, 3}, new double[] {0.2, 0.1, 0.2, 0.1});
        assertThat(ranked).containsExactly(1, 3, 0, 2);
        assertThat(Measurement.shareOf(60, 0.2)).isEqualTo(12);
        assertThat(Measurement.shareOf(3, 0.1)).isEqualTo(1);
        assertThat(Measurement.shareOf(0, 0.2)).isZero();
    }
}
