package org.qicsim.experiment.doe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MorrisTest {

    static Stream<Arguments> cases() {
        return Seeds200.from(0x3011715L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("cases")
    void eachStepChangesExactlyOneFactorByDeltaAndEveryFactorOnce(String name, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int k = 1 + r.nextInt(8);
        int p = 2 * (1 + r.nextInt(4));
        int trajectories = 1 + r.nextInt(5);
        List<Factor> factors = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            factors.add(new Factor("f." + i, new Domain.Interval(0, 1)));
        }
        Morris morris = new Morris(trajectories, p);
        Design d = morris.generate(factors, r.split());
        double delta = p / (2.0 * (p - 1));
        assertThat(morris.delta()).isEqualTo(delta);
        assertThat(d.size()).isEqualTo(trajectories * (k + 1));
        for (int t = 0; t < trajectories; t++) {
            boolean[] moved = new boolean[k];
            for (int s = 0; s <= k; s++) {
                DesignPoint point = d.point(1 + t * (k + 1) + s);
                PointRole.MorrisStep role = (PointRole.MorrisStep) point.role();
                assertThat(role.trajectory()).isEqualTo(t + 1);
                assertThat(role.step()).isEqualTo(s);
                for (int i = 0; i < k; i++) {
                    double u = point.unit(i);
                    double level = u * (p - 1);
                    assertThat(level).isCloseTo(Math.rint(level), within(1e-9));
                    assertThat(u).isBetween(0.0, 1.0);
                }
                if (s == 0) {
                    assertThat(role.factor()).isEqualTo(-1);
                    continue;
                }
                DesignPoint before = d.point(t * (k + 1) + s);
                int changed = -1;
                for (int i = 0; i < k; i++) {
                    if (point.unit(i) != before.unit(i)) {
                        assertThat(changed).as("two factors changed").isEqualTo(-1);
                        changed = i;
                        assertThat(Math.abs(point.unit(i) - before.unit(i))).isCloseTo(delta, within(1e-12));
                    }
                }
                assertThat(changed).isEqualTo(role.factor());
                assertThat(moved[changed]).isFalse();
                moved[changed] = true;
            }
        }
    }

    @Test
    void valuesFollowTheFactorsAtTheGridLevels() {
        List<Factor> factors = List.of(new Factor("a.x", new Domain.Interval(10, 40)),
                new Factor("a.b", new Domain.Values(List.of(false, true))));
        Design d = new Morris(3, 4).generate(factors, new SplittableRandom(5));
        for (DesignPoint p : d.points()) {
            assertThat((Double) p.value(0)).isCloseTo(10 + 30 * p.unit(0), within(1e-12));
            assertThat(p.value(1)).isEqualTo(p.unit(1) > 0.5);
        }
    }

    @Test
    void refusesBadParametersAndConflictingRangeLevels() {
        assertThatThrownBy(() -> new Morris(0, 4)).isInstanceOfSatisfying(DesignException.class,
                e -> assertThat(e.parameter()).isEqualTo("r"));
        assertThatThrownBy(() -> new Morris(5, 1)).isInstanceOfSatisfying(DesignException.class,
                e -> assertThat(e.parameter()).isEqualTo("levels"));
        assertThatThrownBy(() -> new Morris(5, 3)).isInstanceOfSatisfying(DesignException.class,
                e -> assertThat(e.parameter()).isEqualTo("levels")).hasMessageContaining("even");
        List<Factor> conflicting = List.of(new Factor("a.x", new Domain.Interval(0, 1, 6)));
        assertThatThrownBy(() -> new Morris(5, 4).validate(conflicting)).isInstanceOfSatisfying(DesignException.class,
                e -> {
                    assertThat(e.factor()).isEqualTo("a.x");
                    assertThat(e.parameter()).isEqualTo("levels");
                });
        new Morris(5, 6).validate(conflicting);
    }
}
