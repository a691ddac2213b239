package org.qicsim.model;

import java.util.random.RandomGenerator;

/**
 * S0 Execution (MODEL.md §6): each site-month draws N uniforms on its execution key; an adopted
 * practice is executed if its uniform is below its fidelity. The executed bundle x̃ sets this
 * month's quality Q_jt = Q_j(x̃). N uniforms are drawn whatever the bundle, so the key stays in step
 * across arms (MODEL.md §7).
 */
public final class Execution {
    private Execution() {
    }

    /** The executed bundle x̃ as a bit mask. */
    public static int execute(RandomGenerator random, int bundle, double[] fidelity, int practices) {
        int executed = 0;
        for (int i = 0; i < practices; i++) {
            double u = random.nextDouble();
            if ((bundle >>> i & 1) == 1 && u < fidelity[i]) {
                executed |= 1 << i;
            }
        }
        return executed;
    }

    /**
     * {@link #execute(RandomGenerator, int, double[], int)} on a site-month's keyed generator: a
     * practice not adopted passes its uniform over without computing it (SplitMix64's state is a
     * counter, {@link KeyedGenerator#skip}), so the key ends where N uniforms leave it and the
     * bundle is the same.
     */
    static int execute(KeyedGenerator random, int bundle, double[] fidelity, int practices) {
        int executed = 0;
        for (int i = 0; i < practices; i++) {
            if ((bundle >>> i & 1) == 0) {
                random.skip(1);
            } else if (random.nextDouble() < fidelity[i]) {
                executed |= 1 << i;
            }
        }
        return executed;
    }

    /** Pattern k of the fixed TRSR patterns: practice i executes iff its fixed uniform is below φ_i. */
    public static int pattern(double[][] patterns, int k, int bundle, double[] fidelity) {
        int executed = 0;
        for (int i = 0; i < fidelity.length; i++) {
            if ((bundle >>> i & 1) == 1 && patterns[i][k] < fidelity[i]) {
                executed |= 1 << i;
            }
        }
        return executed;
    }
}
