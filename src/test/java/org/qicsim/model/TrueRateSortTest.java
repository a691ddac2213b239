package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The true rate's pattern order ({@link TrueRate#sortOrder}) is the stable order of the pattern
 * uniforms, whichever path it takes: 200 seeded sets of 64 {@code nextDouble()} uniforms (some with
 * repeated values, some all in one bucket) give the order of a stable sort by value, and so does a
 * set of values that are not {@code nextDouble()} grid points (the insertion-sort path).
 */
class TrueRateSortTest {

    @Test
    void patternOrderIsTheStableOrderOfTheUniforms() {
        SplittableRandom r = new SplittableRandom(64);
        for (int c = 0; c < 200; c++) {
            double[] u = new double[World.TRSR_PATTERNS];
            for (int k = 0; k < u.length; k++) {
                u[k] = switch (c % 4) {
                    case 0 -> r.nextDouble();
                    case 1 -> r.nextInt(5) / 8.0; // many ties
                    case 2 -> r.nextDouble() / 128; // one bucket
                    default -> r.nextDouble() / 3; // not grid points: the insertion-sort path
                };
            }
            int[] order = new int[u.length];
            TrueRate.sortOrder(u, order, new long[u.length]);
            Integer[] expected = new Integer[u.length];
            for (int k = 0; k < u.length; k++) {
                expected[k] = k;
            }
            Arrays.sort(expected, (a, b) -> Double.compare(u[a], u[b])); // stable
            assertThat(order).as("case %d", c).containsExactly(Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
        }
    }

    /**
     * The count of sorted uniforms below φ found by a walk from any start equals the binary search's:
     * 100 seeded sorted sets (with ties and a one-bucket set), φ at every value, one ulp either side,
     * 0, 1 and NaN, from every start 0 … 64.
     */
    @Test
    void countFromAnyStartIsTheBinarySearchCount() {
        SplittableRandom r = new SplittableRandom(6464);
        int checks = 0;
        for (int c = 0; c < 100; c++) {
            double[] u = new double[World.TRSR_PATTERNS];
            for (int k = 0; k < u.length; k++) {
                u[k] = c % 3 == 0 ? r.nextInt(7) / 8.0 : c % 3 == 1 ? r.nextDouble() : r.nextDouble() / 128;
            }
            Arrays.sort(u);
            double[] phis = new double[3 * u.length + 3];
            for (int k = 0; k < u.length; k++) {
                phis[3 * k] = u[k];
                phis[3 * k + 1] = Math.nextDown(u[k]);
                phis[3 * k + 2] = Math.nextUp(u[k]);
            }
            phis[3 * u.length] = 0.0;
            phis[3 * u.length + 1] = 1.0;
            phis[3 * u.length + 2] = Double.NaN;
            for (double phi : phis) {
                int expected = TrueRate.countBelow(u, phi);
                for (int from = 0; from <= u.length; from++) {
                    assertThat(TrueRate.countBelow(u, phi, from)).as("case %d phi %s from %d", c, phi, from)
                            .isEqualTo(expected);
                    checks++;
                }
            }
        }
        assertThat(checks).isEqualTo(100 * 195 * 65);
    }
}
