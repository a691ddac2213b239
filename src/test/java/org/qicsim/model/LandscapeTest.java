package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LandscapeTest {
    /**
     * Two practices, each with the other as its one partner. Entry index = own bit + partner bit·2.
     * Common tables: f0 = {0.1, 0.9, 0.4, 0.6}, f1 = {0.2, 0.3, 0.8, 0.5}; one site with context
     * f0 = {0.5, 0.5, 0.5, 0.5}, f1 = {1.0, 0.0, 0.0, 0.0}; ω = 0.2.
     */
    private static Landscape worked() {
        int[][] partners = {{1}, {0}};
        double[][] common = {{0.1, 0.9, 0.4, 0.6}, {0.2, 0.3, 0.8, 0.5}};
        double[][][] context = {{{0.5, 0.5, 0.5, 0.5}, {1.0, 0.0, 0.0, 0.0}}};
        return Landscape.of(partners, common, context, 0.2);
    }

    @Test
    void fitnessMatchesHandComputation() {
        Landscape l = worked();
        // x = 0b00: f0 entry 0 (own 0, partner 0) = 0.1; f1 entry 0 = 0.2; F_common = 0.15.
        //           context: 0.5 and 1.0 -> 0.75. F = 0.8·0.15 + 0.2·0.75 = 0.27.
        assertThat(l.fitness(0, 0b00)).isCloseTo(0.27, within(1e-15));
        // x = 0b01 (practice 0 on): f0 entry 1 = 0.9; f1 own 0, partner 1 -> entry 2 = 0.8 -> 0.85.
        //           context: 0.5, entry 2 of f1 = 0.0 -> 0.25. F = 0.68 + 0.05 = 0.73.
        assertThat(l.fitness(0, 0b01)).isCloseTo(0.73, within(1e-15));
        // x = 0b10: f0 own 0, partner 1 -> entry 2 = 0.4; f1 own 1 partner 0 -> entry 1 = 0.3 -> 0.35.
        //           context 0.5, 0.0 -> 0.25. F = 0.28 + 0.05 = 0.33.
        assertThat(l.fitness(0, 0b10)).isCloseTo(0.33, within(1e-15));
        // x = 0b11: f0 entry 3 = 0.6; f1 entry 3 = 0.5 -> 0.55; context 0.5, 0.0 -> 0.25. F = 0.44 + 0.05 = 0.49.
        assertThat(l.fitness(0, 0b11)).isCloseTo(0.49, within(1e-15));
        assertThat(l.optimum(0)).isEqualTo(0b01);
        assertThat(l.quality(0, 0b01)).isEqualTo(1.0);
        assertThat(l.quality(0, 0b11)).isCloseTo(0.49 / 0.73, within(1e-15));
        // F_common: 0.15, 0.85, 0.35, 0.55 -> optimum 0b01.
        assertThat(l.commonOptimum()).isEqualTo(0b01);
    }

    @Test
    void medianQualityIsTheExactMedianOverBundlesAndSites() {
        Landscape l = worked();
        // Q over the four bundles: 0.27/0.73, 1, 0.33/0.73, 0.49/0.73; even count -> mean of the middle two.
        double expected = 0.5 * (0.33 / 0.73 + 0.49 / 0.73);
        assertThat(l.medianQuality()).isCloseTo(expected, within(1e-15));
    }

    @Test
    void partnersAreDistinctOthersAndTablesHaveTheRightSize() {
        Landscape l = Landscape.draw(new SplittableRandom(7), 10, 4, 0.2, 3);
        for (int i = 0; i < 10; i++) {
            int[] p = l.partnersOf(i);
            assertThat(p).hasSize(4).doesNotContain(i).doesNotHaveDuplicates();
        }
        for (int j = 0; j < 3; j++) {
            double max = 0;
            for (int x = 0; x < 1024; x++) {
                max = Math.max(max, l.quality(j, x));
            }
            assertThat(max).isEqualTo(1.0);
            assertThat(l.quality(j, l.optimum(j))).isEqualTo(1.0);
        }
    }

    @Test
    void turbulenceRedrawsOneCommonTableAndLeavesTheOriginalIntact() {
        Landscape original = Landscape.draw(new SplittableRandom(11), 6, 2, 0.3, 2);
        Landscape copy = original.copy();
        double before = original.fitness(0, 0b101010);
        copy.redrawCommonTable(new SplittableRandom(12));
        assertThat(original.fitness(0, 0b101010)).isEqualTo(before);
        int changed = 0;
        for (int x = 0; x < 64; x++) {
            if (copy.fitness(0, x) != original.fitness(0, x)) {
                changed++;
            }
        }
        assertThat(changed).isGreaterThan(0);
    }

    /**
     * The counted median equals the median of a full sort, to the bit: 300 seeded arrays of odd and
     * even lengths 1–5,000 — uniforms, a few repeated values, values clustered within 1e−12, zeros,
     * and (taking the selection path) negative values.
     */
    @Test
    void medianEqualsTheSortedMedian() {
        SplittableRandom r = new SplittableRandom(97);
        for (int c = 0; c < 300; c++) {
            int n = 1 + r.nextInt(c % 10 == 0 ? 5 : 5000);
            double[] v = new double[n];
            int kind = c % 5;
            for (int i = 0; i < n; i++) {
                v[i] = switch (kind) {
                    case 0 -> r.nextDouble();
                    case 1 -> 0.25 * (1 + r.nextInt(4));
                    case 2 -> 0.7 + 1e-12 * r.nextDouble();
                    case 3 -> r.nextInt(3) == 0 ? 0.0 : r.nextDouble();
                    default -> r.nextDouble() - 0.5;
                };
            }
            double[] sorted = v.clone();
            java.util.Arrays.sort(sorted);
            double want = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
            assertThat(Landscape.median(v.clone())).as("case %d, n=%d", c, n).isEqualTo(want);
            assertThat(Landscape.medianBySelection(v.clone())).isEqualTo(want);
        }
    }
}
