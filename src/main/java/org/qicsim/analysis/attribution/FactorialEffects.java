package org.qicsim.analysis.attribution;

/**
 * The 2^n full-factorial decomposition of a game {@code v[mask]} with every design weighted
 * equally (docs/DECISIONS.md "Attribution").
 *
 * <ul>
 *   <li><b>Main effect</b> of feature i: the mean of {@code v(S ∪ {i}) − v(S)} over the
 *       {@code 2^(n−1)} settings S of the other features — the textbook factorial main effect (mean
 *       response with i on minus mean with i off; also the Banzhaf value). It is not "all on minus
 *       i off", which is only one of the 2^(n−1) terms.</li>
 *   <li><b>Interaction share</b>: writing {@code v(S) = Σ_T β_T·Π_{i∈T} x_i(S)} with
 *       {@code x_i = +1} when i is on and −1 when off (the orthogonal Walsh–Hadamard coefficients),
 *       the share of the variance of v over the 2^n equally weighted designs that is not carried
 *       by the main-effect terms: {@code Σ_{|T|≥2} β_T² / Σ_{T≠∅} β_T²}, in [0, 1]; 0 for an
 *       additive game, NaN when every design has the same value. The main effect is {@code 2·β_{i}}.</li>
 * </ul>
 */
public final class FactorialEffects {

    private FactorialEffects() {
    }

    /** Each feature's main effect. */
    public static double[] mainEffects(double[] v) {
        int n = Games.players(v);
        double[] effects = new double[n];
        int half = v.length / 2;
        for (int i = 0; i < n; i++) {
            int bit = 1 << i;
            double sum = 0;
            for (int mask = 0; mask < v.length; mask++) {
                if ((mask & bit) == 0) {
                    sum += v[mask | bit] - v[mask];
                }
            }
            effects[i] = sum / half;
        }
        return effects;
    }

    /** The coefficients {@code β_T} of the ±1-coded factorial model, indexed by the mask of T. */
    public static double[] coefficients(double[] v) {
        Games.players(v);
        double[] b = v.clone();
        // Fast Walsh–Hadamard transform: b[T] = Σ_S v(S)·Π_{i∈T} x_i(S), then divided by 2^n.
        for (int bit = 1; bit < b.length; bit <<= 1) {
            for (int mask = 0; mask < b.length; mask++) {
                if ((mask & bit) == 0) {
                    double off = b[mask];
                    double on = b[mask | bit];
                    b[mask] = on + off;
                    b[mask | bit] = on - off;
                }
            }
        }
        for (int t = 0; t < b.length; t++) {
            b[t] /= b.length;
        }
        return b;
    }

    /** The share of the variance over designs carried by interactions (order 2 and above). */
    public static double interactionShare(double[] v) {
        double[] b = coefficients(v);
        double main = 0;
        double all = 0;
        for (int t = 1; t < b.length; t++) {
            double squared = b[t] * b[t];
            all += squared;
            if (Integer.bitCount(t) == 1) {
                main += squared;
            }
        }
        if (!(all > 0)) {
            return Double.NaN;
        }
        return Math.max(0, (all - main) / all);
    }
}
