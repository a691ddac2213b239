package org.qicsim.experiment.doe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class FactorTest {

    private static DesignException refusal(Runnable r) {
        try {
            r.run();
        } catch (DesignException e) {
            return e;
        }
        throw new AssertionError("expected a DesignException");
    }

    @Test
    void listsAreNormalisedToOneTypePerKey() {
        Factor ints = new Factor("collaborative.feedback.everyMonths", new Domain.Values(List.of(1, 3L, 6.0)), true);
        assertThat(((Domain.Values) ints.domain()).values()).containsExactly(1L, 3L, 6L);
        Factor doubles = new Factor("collaborative.measurement.auditRate", new Domain.Values(List.of(0, 0.05)));
        assertThat(((Domain.Values) doubles.domain()).values()).containsExactly(0.0, 0.05);
        Factor names = new Factor("collaborative.feedback.display", new Domain.Values(List.of("funnel", "league")));
        assertThat(names.level(1)).isEqualTo("league");
        Factor nullable = new Factor("collaborative.feedback.target", new Domain.Values(Arrays.asList(null, 0.1)));
        assertThat(nullable.level(0)).isNull();
    }

    @Test
    void badListsAreRefusedNamingTheFactor() {
        DesignException mixed = refusal(() -> new Factor("a.b", new Domain.Values(List.of(1, "x"))));
        assertThat(mixed.factor()).isEqualTo("a.b");
        assertThat(mixed.parameter()).isEqualTo("values");
        assertThat(refusal(() -> new Factor("a.b", new Domain.Values(List.of(1, 1.0)))).getMessage()).contains("repeat");
        assertThat(refusal(() -> new Factor("a.b", new Domain.Values(List.of()))).getMessage()).contains("empty");
        assertThat(refusal(() -> new Factor("a.n", new Domain.Values(List.of(1, 2.5)), true)).factor()).isEqualTo("a.n");
        assertThat(refusal(() -> new Factor("a.n", new Domain.Values(List.of(true)), true)).factor()).isEqualTo("a.n");
        assertThat(refusal(() -> new Factor("a.b", new Domain.Values(List.of(List.of())))).factor()).isEqualTo("a.b");
    }

    @Test
    void badRangesAreRefusedNamingFactorAndParameter() {
        DesignException e = refusal(() -> new Factor("a.b", new Domain.Interval(1, 1, 3)));
        assertThat(e.factor()).isEqualTo("a.b");
        assertThat(e.parameter()).isEqualTo("max");
        assertThat(refusal(() -> new Factor("a.b", new Domain.Interval(0, 1, 1))).parameter()).isEqualTo("levels");
        assertThat(refusal(() -> new Factor("a.b", new Domain.Interval(0, Double.NaN))).parameter()).isEqualTo("max");
        assertThat(refusal(() -> new Factor("a.n", new Domain.Interval(0.5, 3), true)).parameter()).isEqualTo("min");
        // 0..3 has only four integers.
        assertThat(refusal(() -> new Factor("a.n", new Domain.Interval(0, 3, 5), true)).parameter()).isEqualTo("levels");
    }

    @Test
    void rangeLevelsIncludeBothEndsExactlyAndIntegersRound() {
        Factor f = new Factor("a.b", new Domain.Interval(0.1, 0.3, 3));
        assertThat(List.of(f.level(0), f.level(1), f.level(2))).containsExactly(0.1, 0.2, 0.3);
        Factor n = new Factor("a.n", new Domain.Interval(1, 4, 3), true);
        // 1, 2.5, 4: 2.5 rounds half up to 3.
        assertThat(List.of(n.level(0), n.level(1), n.level(2))).containsExactly(1L, 3L, 4L);
    }

    @Test
    void badDistributionsAreRefusedNamingFactorAndParameter() {
        assertThat(refusal(() -> new Factor("x", new Distribution.Normal(0, 0))).parameter()).isEqualTo("sd");
        assertThat(refusal(() -> new Factor("x", new Distribution.Normal(0, 1, 2, 1))).parameter()).isEqualTo("upper");
        assertThat(refusal(() -> new Factor("x", new Distribution.Uniform(2, 1))).parameter()).isEqualTo("max");
        assertThat(refusal(() -> new Factor("x", new Distribution.LogNormal(0, 1))).parameter()).isEqualTo("median");
        assertThat(refusal(() -> new Factor("x", new Distribution.LogNormal(1, -1))).parameter()).isEqualTo("spread");
        assertThat(refusal(() -> new Factor("x", new Distribution.Triangular(0, 3, 2))).parameter()).isEqualTo("mode");
        assertThat(refusal(() -> new Factor("x", new Distribution.Beta(0, 1, 0, 1))).parameter()).isEqualTo("a");
        assertThat(refusal(() -> new Factor("x", new Distribution.Beta(1, 1, 1, 1))).factor()).isEqualTo("x");
    }

    @Test
    void distributionsRealiseByInverseCdf() {
        assertThat(new Distribution.Uniform(2, 6).quantile(0.25)).isEqualTo(3.0);
        assertThat(new Distribution.Normal(10, 2).quantile(0.975)).isCloseTo(10 + 2 * 1.959963984540054, within(1e-9));
        // Truncated to [0, inf): the median of the half-normal is the 75th percentile of N(0, 1).
        assertThat(new Distribution.Normal(0, 1, 0, Double.POSITIVE_INFINITY).quantile(0.5))
                .isCloseTo(0.6744897501960817, within(1e-9));
        assertThat(new Distribution.Normal(0, 1, -1, 1).quantile(0)).isEqualTo(-1.0);
        assertThat(new Distribution.Normal(0, 1, -1, 1).quantile(1)).isEqualTo(1.0);
        assertThat(new Distribution.LogNormal(40, 0.6).quantile(0.5)).isCloseTo(40, within(1e-9));
        assertThat(new Distribution.LogNormal(40, 0.6).quantile(0.8413447460685429))
                .isCloseTo(40 * Math.exp(0.6), within(1e-6));
        assertThat(new Distribution.Triangular(0, 1, 2).quantile(0.5)).isCloseTo(1, within(1e-12));
        assertThat(new Distribution.Triangular(0, 0, 1).quantile(0.75)).isCloseTo(0.5, within(1e-12));
        assertThat(new Distribution.Beta(2, 2, 10, 20).quantile(0.5)).isCloseTo(15, within(1e-8));
    }

    @Test
    void unitIntervalMapsListsToEqualProbabilityBins() {
        Factor f = new Factor("a.b", new Domain.Values(List.of("x", "y", "z")));
        assertThat(f.at(0)).isEqualTo("x");
        assertThat(f.at(0.3333)).isEqualTo("x");
        assertThat(f.at(1 / 3.0)).isEqualTo("y");
        assertThat(f.at(0.9999)).isEqualTo("z");
        assertThat(f.at(1)).isEqualTo("z");
        Factor n = new Factor("a.n", new Distribution.Uniform(0, 10), true);
        assertThat(n.at(0.44)).isEqualTo(4L);
        assertThat(n.at(0.45)).isEqualTo(5L);
    }

    @Test
    void morrisLevelsVisitEachListedValueOnceWhenLevelsMatch() {
        Factor f = new Factor("a.b", new Domain.Values(List.of(1, 2, 3, 4)));
        assertThat(List.of(f.atMorrisLevel(0, 4), f.atMorrisLevel(1, 4), f.atMorrisLevel(2, 4), f.atMorrisLevel(3, 4)))
                .containsExactly(1.0, 2.0, 3.0, 4.0);
        Factor d = new Factor("a.d", new Distribution.Normal(0, 1));
        // Bin midpoints 1/8 and 7/8, never the infinite tails.
        assertThat((Double) d.atMorrisLevel(0, 4)).isCloseTo(-1.1503493803760079, within(1e-9));
        assertThat((Double) d.atMorrisLevel(3, 4)).isCloseTo(1.1503493803760079, within(1e-9));
        Factor r = new Factor("a.r", new Domain.Interval(10, 20));
        assertThat(r.atMorrisLevel(0, 4)).isEqualTo(10.0);
        assertThat(r.atMorrisLevel(3, 4)).isEqualTo(20.0);
    }

    @Test
    void sameValueComparesNumbersByValue() {
        assertThat(Factor.sameValue(3, 3.0)).isTrue();
        assertThat(Factor.sameValue(3L, 3)).isTrue();
        assertThat(Factor.sameValue(null, null)).isTrue();
        assertThat(Factor.sameValue("a", null)).isFalse();
        assertThat(Factor.sameValue(true, "true")).isFalse();
    }

    @Test
    void baselineValuesAreNormalisedOrRefused() {
        Factor f = new Factor("a.n", new Domain.Values(List.of(1, 2)), true);
        assertThat(f.normalise(3)).isEqualTo(3L);
        assertThatThrownBy(() -> f.normalise("three")).isInstanceOf(DesignException.class);
    }
}
