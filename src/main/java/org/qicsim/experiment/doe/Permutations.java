package org.qicsim.experiment.doe;

import java.util.SplittableRandom;

/** Uniform random permutations for the sampling designs. */
final class Permutations {
    private Permutations() {
    }

    /**
     * Fills {@code into} with a uniform random permutation of 0..n−1: the identity shuffled by
     * Fisher–Yates from the last position down, one {@code nextInt(i + 1)} per position.
     */
    static void shuffledIdentity(int[] into, SplittableRandom random) {
        for (int i = 0; i < into.length; i++) {
            into[i] = i;
        }
        for (int i = into.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = into[i];
            into[i] = into[j];
            into[j] = t;
        }
    }
}
