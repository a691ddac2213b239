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
}
