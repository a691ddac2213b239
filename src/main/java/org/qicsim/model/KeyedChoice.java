package org.qicsim.model;

import java.util.random.RandomGenerator;
import java.util.function.IntPredicate;

/**
 * Uniform random choices made by keys: one uniform per possible option (always the same number of
 * draws), the option with the smallest key wins. The choice is exactly uniform among the eligible
 * options, and two designs that face overlapping options in the same site-month pick the same option
 * whenever it is eligible in both — common random numbers at the level of decisions (Law 2015 on
 * synchronisation), which keeps paired designs' trajectories together.
 */
final class KeyedChoice {
    private KeyedChoice() {
    }

    /** The eligible option in [0, universe) with the smallest key, or −1 if none is eligible. */
    static int one(RandomGenerator random, int universe, IntPredicate eligible) {
        int best = -1;
        double bestKey = Double.POSITIVE_INFINITY;
        for (int option = 0; option < universe; option++) {
            double key = random.nextDouble();
            if (eligible.test(option) && key < bestKey) {
                bestKey = key;
                best = option;
            }
        }
        return best;
    }

    /** Up to {@code count} eligible options with the smallest keys, in key order (uniform without replacement). */
    static int[] several(RandomGenerator random, int universe, IntPredicate eligible, int count) {
        double[] keys = new double[universe];
        for (int option = 0; option < universe; option++) {
            keys[option] = random.nextDouble();
        }
        return java.util.stream.IntStream.range(0, universe).filter(eligible)
                .boxed()
                .sorted((a, b) -> {
                    int c = Double.compare(keys[a], keys[b]);
                    return c != 0 ? c : Integer.compare(a, b);
                })
                .limit(count)
                .mapToInt(Integer::intValue)
                .toArray();
    }
}
