package org.qicsim.analysis.attribution;

import java.util.ArrayList;
import java.util.List;

/**
 * Shapley values of a cooperative game (Shapley 1953), three ways that must agree: the subset
 * formula used in production, the literal average over all orderings of the players, and the
 * Harsanyi (Möbius) dividends shared equally among their members. The game is {@code v[mask]}
 * (bit i = feature i on; docs/DECISIONS.md "Attribution").
 *
 * <p>{@code φ_i = Σ_{S ⊆ N∖{i}} |S|!·(n − |S| − 1)!/n! · (v(S ∪ {i}) − v(S))}; the values add up to
 * {@code v(N) − v(∅)} (efficiency), so each feature's Shapley value is its share of the effect of
 * switching every feature on, interactions split equally among the features that take part.
 */
public final class Shapley {

    private Shapley() {
    }

    /** Shapley values by the subset formula; {@code O(n·2^n)}. */
    public static double[] of(double[] v) {
        int n = Games.players(v);
        double[] weight = new double[n];
        // weight[s] = s!(n−s−1)!/n!, built as a product of ratios so no factorial overflows.
        for (int s = 0; s < n; s++) {
            double w = 1.0 / n;
            for (int k = 1; k <= s; k++) {
                w *= (double) k / (n - k);
            }
            weight[s] = w;
        }
        double[] phi = new double[n];
        for (int i = 0; i < n; i++) {
            int bit = 1 << i;
            double sum = 0;
            for (int mask = 0; mask < v.length; mask++) {
                if ((mask & bit) == 0) {
                    sum += weight[Integer.bitCount(mask)] * (v[mask | bit] - v[mask]);
                }
            }
            phi[i] = sum;
        }
        return phi;
    }

    /** Shapley values as the mean marginal contribution over all {@code n!} orderings; for tests and small n. */
    public static double[] byPermutations(double[] v) {
        int n = Games.players(v);
        if (n > 9) {
            throw new IllegalArgumentException("byPermutations enumerates n! orderings; n = " + n + " is too many");
        }
        double[] phi = new double[n];
        List<int[]> orders = new ArrayList<>();
        permute(new int[n], new boolean[n], 0, orders);
        for (int[] order : orders) {
            int mask = 0;
            for (int player : order) {
                phi[player] += v[mask | (1 << player)] - v[mask];
                mask |= 1 << player;
            }
        }
        for (int i = 0; i < n; i++) {
            phi[i] /= orders.size();
        }
        return phi;
    }

    private static void permute(int[] prefix, boolean[] used, int depth, List<int[]> out) {
        if (depth == prefix.length) {
            out.add(prefix.clone());
            return;
        }
        for (int p = 0; p < prefix.length; p++) {
            if (!used[p]) {
                used[p] = true;
                prefix[depth] = p;
                permute(prefix, used, depth + 1, out);
                used[p] = false;
            }
        }
    }

    /**
     * Harsanyi dividends: {@code d(T) = Σ_{S ⊆ T} (−1)^{|T|−|S|} v(S)} (the Möbius inverse of v), so
     * that {@code v(S) = Σ_{T ⊆ S} d(T)}. {@code d(∅) = v(∅)}; {@code d({i})} is feature i's effect
     * with every other feature off; {@code d(T)} for {@code |T| ≥ 2} is the pure interaction of T.
     */
    public static double[] dividends(double[] v) {
        Games.players(v);
        double[] d = v.clone();
        // In-place Möbius transform over the subset lattice, one dimension at a time.
        for (int bit = 1; bit < d.length; bit <<= 1) {
            for (int mask = 0; mask < d.length; mask++) {
                if ((mask & bit) != 0) {
                    d[mask] -= d[mask ^ bit];
                }
            }
        }
        return d;
    }

    /** Shapley values from the dividends: {@code φ_i = Σ_{T ∋ i} d(T)/|T|}. */
    public static double[] byDividends(double[] v) {
        int n = Games.players(v);
        double[] d = dividends(v);
        double[] phi = new double[n];
        for (int mask = 1; mask < d.length; mask++) {
            double share = d[mask] / Integer.bitCount(mask);
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    phi[i] += share;
                }
            }
        }
        return phi;
    }
}
