package org.qicsim.experiment.doe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GridTest {

    @Test
    void cartesianProductWithFirstFactorSlowest() {
        List<Factor> factors = List.of(
                new Factor("a.x", new Domain.Values(List.of("p", "q"))),
                new Factor("a.y", new Domain.Interval(0, 1, 3)),
                new Factor("a.z", new Domain.Values(List.of(true, false))));
        Design d = new Grid().generate(factors);
        assertThat(d.size()).isEqualTo(12);
        assertThat(d.point(1).values()).containsExactly("p", 0.0, true);
        assertThat(d.point(2).values()).containsExactly("p", 0.0, false);
        assertThat(d.point(3).values()).containsExactly("p", 0.5, true);
        assertThat(d.point(7).values()).containsExactly("q", 0.0, true);
        assertThat(d.point(12).values()).containsExactly("q", 1.0, false);
        assertThat(d.point(3).unit()).containsExactly(0.0, 0.5, 0.0);
        assertThat(d.points()).allMatch(p -> p.role().equals(PointRole.PLAIN));
    }

    static Stream<Arguments> cases() {
        SplittableRandom seeds = new SplittableRandom(20240701L);
        List<Arguments> out = new ArrayList<>();
        for (int c = 0; c < 200; c++) {
            long seed = seeds.nextLong();
            out.add(Arguments.of(Long.toHexString(seed), seed));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("cases")
    void countIsTheProductOfLevelCountsAndEveryCombinationAppearsOnce(String name, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int k = 1 + r.nextInt(4);
        List<Factor> factors = new ArrayList<>();
        long expected = 1;
        for (int i = 0; i < k; i++) {
            int m = 2 + r.nextInt(4);
            expected *= m;
            factors.add(r.nextBoolean()
                    ? new Factor("f." + i, new Domain.Interval(0, 10, m))
                    : new Factor("f." + i, new Domain.Values(new ArrayList<>(List.of("a", "b", "c", "d", "e").subList(0, m)))));
        }
        Design d = new Grid().generate(factors);
        assertThat(d.size()).isEqualTo(expected).isEqualTo(Grid.count(factors));
        assertThat(d.points().stream().map(DesignPoint::values).distinct().count()).isEqualTo(expected);
    }

    @Test
    void refusesDistributionsAndRangesWithoutLevels() {
        List<Factor> withDistribution = List.of(new Factor("a.x", new Distribution.Uniform(0, 1)));
        assertThatThrownBy(() -> new Grid().generate(withDistribution))
                .isInstanceOfSatisfying(DesignException.class, e -> assertThat(e.factor()).isEqualTo("a.x"))
                .hasMessageContaining("distributions");
        List<Factor> noLevels = List.of(new Factor("a.y", new Domain.Interval(0, 1)));
        assertThatThrownBy(() -> new Grid().validate(noLevels))
                .isInstanceOfSatisfying(DesignException.class, e -> {
                    assertThat(e.factor()).isEqualTo("a.y");
                    assertThat(e.parameter()).isEqualTo("levels");
                });
        List<Factor> twice = List.of(new Factor("a.y", new Domain.Values(List.of(1))), new Factor("a.y", new Domain.Values(List.of(2))));
        assertThatThrownBy(() -> new Grid().validate(twice)).isInstanceOf(DesignException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> new Grid().validate(List.of())).isInstanceOf(DesignException.class);
    }
}
