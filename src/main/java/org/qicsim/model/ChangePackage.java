package org.qicsim.model;

import java.util.SplittableRandom;
import org.qicsim.scenario.Collaborative;

/**
 * S7c Change package (MODEL.md §6 S7c; March 1991 on the organisational code): the coordinating
 * centre's advice z_i ∈ {−1, 0, +1} per practice ("do", "do not", no advice), learned by contrasting
 * the bundles of members it measures as better than average with the rest. The contrast is taken on
 * measured rates, so measurement error flows into the advice: the mechanism of learning the wrong
 * lesson.
 */
final class ChangePackage {
    private final int[] z;

    ChangePackage(int practices) {
        this.z = new int[practices];
    }

    int advice(int practice) {
        return z[practice];
    }

    /** The practices advised to do (z_i = +1) as a bit mask. */
    int advised() {
        int mask = 0;
        for (int i = 0; i < z.length; i++) {
            if (z[i] == 1) {
                mask |= 1 << i;
            }
        }
        return mask;
    }

    boolean isEmpty() {
        for (int v : z) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    /** #{i: z_i ≠ 0, x_i = [z_i = +1]} − #{i: z_i ≠ 0, x_i ≠ [z_i = +1]}. */
    int agreement(int bundle) {
        int score = 0;
        for (int i = 0; i < z.length; i++) {
            if (z[i] != 0) {
                boolean adopted = (bundle >>> i & 1) == 1;
                score += adopted == (z[i] == 1) ? 1 : -1;
            }
        }
        return score;
    }

    /** Practices where a bundle departs from the advice: z_i ≠ 0 and x_i ≠ [z_i = +1]. */
    int[] departures(int bundle) {
        int n = 0;
        int[] out = new int[z.length];
        for (int i = 0; i < z.length; i++) {
            if (z[i] != 0 && ((bundle >>> i & 1) == 1) != (z[i] == 1)) {
                out[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * The contrast rule: with 𝒮 the measured members below the members' mean and ℛ the rest,
     * d_i = share adopting in 𝒮 − share adopting in ℛ; where |d_i| ≥ codeThreshold and sign(d_i) ≠ z_i,
     * z_i becomes sign(d_i) with probability 1 − (1 − codeLearningRate)^k, k = round(|d_i|·|𝒮|).
     * One uniform per practice on the coordinating centre's key, drawn whether or not the practice
     * qualifies, so practice i always uses the i-th uniform.
     */
    void update(int[] bundleOfSite, int[] measured, double[] reported, Collaborative.Coordination c,
            SplittableRandom random) {
        int[] bundles = new int[measured.length];
        for (int k = 0; k < measured.length; k++) {
            bundles[k] = bundleOfSite[measured[k]];
        }
        double[] d = contrast(measured, bundles, reported, z.length);
        if (d == null) {
            return;
        }
        int better = countBetter(measured, reported);
        for (int i = 0; i < z.length; i++) {
            double uniform = random.nextDouble();
            int sign = d[i] > 0 ? 1 : d[i] < 0 ? -1 : 0;
            if (Math.abs(d[i]) >= c.codeThreshold() && sign != z[i] && sign != 0) {
                long k = Math.round(Math.abs(d[i]) * better);
                double p = 1.0 - StrictMath.pow(1.0 - c.codeLearningRate(), (double) k);
                if (uniform < p) {
                    z[i] = sign;
                }
            }
        }
    }

    /** d_i per practice, or null when either group is empty. */
    static double[] contrast(int[] measured, int[] bundles, double[] reported, int practices) {
        double mean = CoordinatingCentre.meanOver(measured, reported);
        int[] better = new int[practices];
        int[] rest = new int[practices];
        int nBetter = 0;
        int nRest = 0;
        for (int k = 0; k < measured.length; k++) {
            boolean isBetter = reported[measured[k]] < mean;
            if (isBetter) {
                nBetter++;
            } else {
                nRest++;
            }
            for (int i = 0; i < practices; i++) {
                if ((bundles[k] >>> i & 1) == 1) {
                    if (isBetter) {
                        better[i]++;
                    } else {
                        rest[i]++;
                    }
                }
            }
        }
        if (nBetter == 0 || nRest == 0) {
            return null;
        }
        double[] d = new double[practices];
        for (int i = 0; i < practices; i++) {
            d[i] = (double) better[i] / nBetter - (double) rest[i] / nRest;
        }
        return d;
    }

    private static int countBetter(int[] measured, double[] reported) {
        double mean = CoordinatingCentre.meanOver(measured, reported);
        int n = 0;
        for (int j : measured) {
            if (reported[j] < mean) {
                n++;
            }
        }
        return n;
    }

    /** Share of z_i ≠ 0 that agree with the optimum of F_common; NaN when there is no advice. */
    double accuracy(int commonOptimum) {
        int advised = 0;
        int right = 0;
        for (int i = 0; i < z.length; i++) {
            if (z[i] != 0) {
                advised++;
                if ((z[i] == 1) == ((commonOptimum >>> i & 1) == 1)) {
                    right++;
                }
            }
        }
        return advised == 0 ? Double.NaN : (double) right / advised;
    }
}
