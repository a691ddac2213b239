package org.qicsim.experiment.doe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class OneAtATimeTest {

    private final List<Factor> factors = List.of(
            new Factor("a.x", new Domain.Values(List.of("p", "q", "r"))),
            new Factor("a.y", new Domain.Interval(0, 1, 5)),
            new Factor("a.n", new Domain.Values(List.of(1, 2)), true));

    @Test
    void baselineThenEachFactorOverItsValuesSkippingTheBaselineValue() {
        // Baseline "q" is one of x's values and 0.25 one of y's levels; n's baseline 7 is neither.
        Design d = new OneAtATime().generate(factors, List.of("q", 0.25, 7));
        // 1 + (3 - 1) + (5 - 1) + 2
        assertThat(d.size()).isEqualTo(9);
        assertThat(d.point(1).values()).containsExactly("q", 0.25, 7L);
        assertThat(d.point(1).role()).isEqualTo(PointRole.BASELINE);
        assertThat(d.point(1).unit(0)).isNaN();
        assertThat(d.point(2).values()).containsExactly("p", 0.25, 7L);
        assertThat(d.point(3).values()).containsExactly("r", 0.25, 7L);
        assertThat(d.point(4).values()).containsExactly("q", 0.0, 7L);
        assertThat(d.point(5).values()).containsExactly("q", 0.5, 7L);
        assertThat(d.point(7).values()).containsExactly("q", 1.0, 7L);
        assertThat(d.point(7).unit()).containsExactly(Double.NaN, 1.0, Double.NaN);
        assertThat(d.point(9).values()).containsExactly("q", 0.25, 2L);
        assertThat(d.point(9).role()).isEqualTo(new PointRole.OneFactor(2));
    }

    @Test
    void numericBaselineMatchesByValue() {
        Design d = new OneAtATime().generate(List.of(factors.get(2)), List.of(2));
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.point(2).values()).containsExactly(1L);
    }

    @Test
    void nullBaselineOfANullableKeyIsKept() {
        Factor target = new Factor("collaborative.feedback.target", new Domain.Values(Arrays.asList(null, 0.1)));
        Design d = new OneAtATime().generate(List.of(target), Arrays.asList((Object) null));
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.point(1).values()).containsExactly((Object) null);
        assertThat(d.point(2).values()).containsExactly(0.1);
    }

    @Test
    void refusesDistributionsAndMissingBaseline() {
        List<Factor> dist = List.of(new Factor("a.d", new Distribution.Normal(0, 1)));
        assertThatThrownBy(() -> new OneAtATime().generate(dist, List.of(0.0)))
                .isInstanceOfSatisfying(DesignException.class, e -> assertThat(e.factor()).isEqualTo("a.d"));
        assertThatThrownBy(() -> new OneAtATime().generate(factors, DesignInputs.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base scenario");
        assertThatThrownBy(() -> new OneAtATime().generate(factors, List.of("q")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OneAtATime().generate(factors, List.of(1, 0.25, 7)))
                .isInstanceOfSatisfying(DesignException.class, e -> assertThat(e.factor()).isEqualTo("a.x"));
    }
}
