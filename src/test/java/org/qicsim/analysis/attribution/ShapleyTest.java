package org.qicsim.analysis.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Shapley values three ways (subset formula, all orderings, Harsanyi dividends) agree to 1e−12 on
 * random games; an additive game's Shapley values equal its main effects; factorial quantities on
 * hand-computed games.
 */
class ShapleyTest {

    /** 200 random games with 1 to 6 players and values in [−1000, 1000], from a seeded generator. */
    static Stream<Arguments> randomGames() {
        SplittableRandom seeds = new SplittableRandom(20261206L);
        return IntStream.range(0, 200).mapToObj(k -> {
            long seed = seeds.nextLong();
            return Arguments.of("seed " + Long.toHexString(seed), seed);
        });
    }

    private static double[] game(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 1 + random.nextInt(6);
        double[] v = new double[1 << n];
        for (int m = 0; m < v.length; m++) {
            v[m] = random.nextDouble(-1000, 1000);
        }
        return v;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("randomGames")
    void permutationDividendAndSubsetFormulasAgree(String name, long seed) {
        double[] v = game(seed);
        double[] subset = Shapley.of(v);
        double[] perm = Shapley.byPermutations(v);
        double[] harsanyi = Shapley.byDividends(v);
        double total = 0;
        for (int i = 0; i < subset.length; i++) {
            assertThat(perm[i]).isCloseTo(subset[i], within(1e-12 * Math.max(1, Math.abs(subset[i]))));
            assertThat(harsanyi[i]).isCloseTo(subset[i], within(1e-12 * Math.max(1, Math.abs(subset[i]))));
            total += subset[i];
        }
        // Efficiency: the values add up to v(N) − v(∅).
        assertThat(total).isCloseTo(v[v.length - 1] - v[0], within(1e-9));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("randomGames")
    void anAdditiveGameHasShapleyEqualToMainEffectsAndNoInteraction(String name, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 1 + random.nextInt(6);
        double base = random.nextDouble(-100, 100);
        double[] effect = new double[n];
        for (int i = 0; i < n; i++) {
            effect[i] = random.nextDouble(-100, 100);
        }
        double[] v = new double[1 << n];
        for (int m = 0; m < v.length; m++) {
            v[m] = base;
            for (int i = 0; i < n; i++) {
                v[m] += (m & (1 << i)) != 0 ? effect[i] : 0;
            }
        }
        double[] phi = Shapley.of(v);
        double[] main = FactorialEffects.mainEffects(v);
        for (int i = 0; i < n; i++) {
            assertThat(phi[i]).isCloseTo(effect[i], within(1e-9));
            assertThat(main[i]).isCloseTo(effect[i], within(1e-9));
        }
        double share = FactorialEffects.interactionShare(v);
        if (n > 1 || effect[0] != 0) {
            assertThat(share).isCloseTo(0.0, within(1e-12));
        }
    }

    /**
     * Two players, v(∅) = 0, v({0}) = 1, v({1}) = 2, v({0,1}) = 7 (hand-computed): dividends 0, 1,
     * 2, 4; Shapley 1 + 4/2 = 3 and 2 + 2 = 4; main effects ((1 − 0) + (7 − 2))/2 = 3 and
     * ((2 − 0) + (7 − 1))/2 = 4; ±1 coefficients β = (2.5, 1.5, 2, 1), so the interaction share is
     * 1/(1.5² + 2² + 1²) = 1/7.25.
     */
    @Test
    void aTwoPlayerGameByHand() {
        double[] v = {0, 1, 2, 7};
        assertThat(Shapley.dividends(v)).containsExactly(0, 1, 2, 4);
        assertThat(Shapley.of(v)).containsExactly(3, 4);
        assertThat(FactorialEffects.mainEffects(v)).containsExactly(3, 4);
        assertThat(FactorialEffects.coefficients(v)).containsExactly(2.5, 1.5, 2, 1);
        assertThat(FactorialEffects.interactionShare(v)).isCloseTo(1 / 7.25, within(1e-15));
    }

    /** A pure three-way interaction (v = 6 only when all three are on): Shapley 2 each, main 1.5 each. */
    @Test
    void aPureInteractionIsSharedEquallyByShapleyAndNotByMainEffects() {
        double[] v = new double[8];
        v[7] = 6;
        assertThat(Shapley.of(v)).containsExactly(2, 2, 2);
        assertThat(FactorialEffects.mainEffects(v)).containsExactly(1.5, 1.5, 1.5);
        // β_T = ±6/8 for every T; 3 main terms of 7 non-empty ones.
        assertThat(FactorialEffects.interactionShare(v)).isCloseTo(4.0 / 7, within(1e-15));
    }
}
