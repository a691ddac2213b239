package org.qicsim.experiment.doe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LatinHypercubeTest {

    static Stream<Arguments> cases() {
        return Seeds200.from(0x1a7e5L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("cases")
    void eachFactorHitsEachOfItsNStrataExactlyOnce(String name, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 1 + r.nextInt(60);
        int k = 1 + r.nextInt(6);
        List<Factor> factors = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            factors.add(new Factor("f." + i, new Domain.Interval(-1, 3)));
        }
        Design d = new LatinHypercube(n).generate(factors, r.split());
        assertThat(d.size()).isEqualTo(n);
        for (int i = 0; i < k; i++) {
            boolean[] hit = new boolean[n];
            for (DesignPoint p : d.points()) {
                double u = p.unit(i);
                assertThat(u).isBetween(0.0, 1.0);
                int stratum = (int) Math.floor(u * n);
                assertThat(hit[stratum]).as("stratum %d of factor %d hit twice", stratum, i).isFalse();
                hit[stratum] = true;
                // The value is the interval's linear image of the unit coordinate.
                assertThat((Double) p.value(i)).isEqualTo(-1 * (1 - u) + 3 * u);
            }
        }
    }

    @Test
    void distributionStrataAreEqualProbabilityIntervals() {
        int n = 50;
        Factor f = new Factor("a.d", new Distribution.Normal(5, 2));
        Design d = new LatinHypercube(n).generate(List.of(f), new SplittableRandom(7));
        NormalDistribution cdf = new NormalDistribution(null, 5, 2);
        boolean[] hit = new boolean[n];
        for (DesignPoint p : d.points()) {
            int stratum = (int) Math.floor(cdf.cumulativeProbability((Double) p.value(0)) * n);
            assertThat(hit[stratum]).isFalse();
            hit[stratum] = true;
        }
    }

    @Test
    void sameGeneratorStateGivesTheSameDesign() {
        List<Factor> factors = List.of(new Factor("a.x", new Domain.Interval(0, 1)),
                new Factor("a.y", new Domain.Values(List.of("p", "q"))));
        Design one = new LatinHypercube(20).generate(factors, DesignInputs.of(new SplittableRandom(99)));
        Design two = new LatinHypercube(20).generate(factors, DesignInputs.of(new SplittableRandom(99)));
        Design other = new LatinHypercube(20).generate(factors, DesignInputs.of(new SplittableRandom(100)));
        assertThat(one).isEqualTo(two);
        assertThat(one).isNotEqualTo(other);
    }

    @Test
    void refusesNBelowOneAndNeedsAGenerator() {
        assertThatThrownBy(() -> new LatinHypercube(0))
                .isInstanceOfSatisfying(DesignException.class, e -> assertThat(e.parameter()).isEqualTo("n"));
        List<Factor> factors = List.of(new Factor("a.x", new Domain.Interval(0, 1)));
        assertThatThrownBy(() -> new LatinHypercube(5).generate(factors, DesignInputs.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("random");
    }
}
