package org.qicsim.model;

import java.util.SplittableRandom;

/**
 * The NK fitness landscape of care practices (MODEL.md §5 "Landscape", §6 S0 turbulence; Kauffman's
 * NK model as used for organisational search by Levinthal 1997 and Lazer &amp; Friedman 2007).
 *
 * <p>Practice {@code i} contributes {@code f_i(x_i, x_partners)}; each practice has {@code K} partners
 * drawn without replacement from the others, shared by the common table and every site's context
 * table. A site's fitness is {@code F_j(x) = (1−ω)·F_common(x) + ω·F_ctx,j(x)} with {@code F} the mean
 * of the {@code f_i}; {@code Q_j(x) = F_j(x) / max F_j} is the quality that lowers the log-odds of an
 * adverse event by {@code γ·Q}. Bundles are bit masks: bit {@code i} set means practice {@code i} is
 * in the bundle.
 *
 * <p>Draw order on the landscape key at initialisation ({@code site = J}, {@code month = −1}):
 * partners practice by practice (partial Fisher–Yates over the other practices), the common tables
 * practice by practice (2^(K+1) uniforms each, entry index = own bit + partner bits in partner
 * order), then each site's context tables in the same layout. A turbulence event at month {@code t}
 * draws, on the landscape key of that month, the practice to redraw and its new common table.
 */
public final class Landscape {
    private final int practices;
    private final int interactions;
    private final double omega;
    private final int[][] partners;
    private final double[][] common;
    private final double[][][] context;
    /**
     * The mean context contribution of every bundle at every site, [site][bundle]: world-only (the
     * context tables never change), so computed once per world and shared by every copy.
     */
    private final double[][] contextFitness;
    /** F_common(x) for every bundle, kept because every site's F needs it. */
    private final double[] commonFitness;
    private final double[] maxFitness;
    private final int[] optimum;
    private int commonOptimum;
    /** Counts turbulence events, so tables derived from Q can tell when to rebuild. */
    private int version;

    private Landscape(int practices, int interactions, double omega, int[][] partners, double[][] common,
            double[][][] context) {
        this.practices = practices;
        this.interactions = interactions;
        this.omega = omega;
        this.partners = partners;
        this.common = common;
        this.context = context;
        this.contextFitness = contextFitness(context, practices);
        this.commonFitness = new double[1 << practices];
        this.maxFitness = new double[context.length];
        this.optimum = new int[context.length];
        recompute();
    }

    /** A copy of {@code source} with its own common tables and derived arrays; world tables shared. */
    private Landscape(Landscape source) {
        this.practices = source.practices;
        this.interactions = source.interactions;
        this.omega = source.omega;
        this.partners = source.partners;
        this.context = source.context;
        this.contextFitness = source.contextFitness;
        this.common = new double[practices][];
        for (int i = 0; i < practices; i++) {
            common[i] = source.common[i].clone();
        }
        this.commonFitness = source.commonFitness.clone();
        this.maxFitness = source.maxFitness.clone();
        this.optimum = source.optimum.clone();
        this.commonOptimum = source.commonOptimum;
        this.version = source.version;
    }

    /** Draws a landscape for {@code sites} sites from the landscape key at initialisation. */
    public static Landscape draw(SplittableRandom random, int practices, int interactions, double omega,
            int sites) {
        int[][] partners = new int[practices][interactions];
        int[] others = new int[Math.max(0, practices - 1)];
        for (int i = 0; i < practices; i++) {
            int m = 0;
            for (int o = 0; o < practices; o++) {
                if (o != i) {
                    others[m++] = o;
                }
            }
            for (int k = 0; k < interactions; k++) {
                int pick = k + random.nextInt(m - k);
                int tmp = others[k];
                others[k] = others[pick];
                others[pick] = tmp;
                partners[i][k] = others[k];
            }
        }
        int entries = 1 << (interactions + 1);
        double[][] common = new double[practices][];
        for (int i = 0; i < practices; i++) {
            common[i] = uniforms(random, entries);
        }
        double[][][] context = new double[sites][practices][];
        for (int j = 0; j < sites; j++) {
            for (int i = 0; i < practices; i++) {
                context[j][i] = uniforms(random, entries);
            }
        }
        return new Landscape(practices, interactions, omega, partners, common, context);
    }

    /** A landscape from explicit tables (for tests and worked examples). */
    static Landscape of(int[][] partners, double[][] common, double[][][] context, double omega) {
        int interactions = partners.length == 0 ? 0 : partners[0].length;
        return new Landscape(partners.length, interactions, omega, partners, common, context);
    }

    private static double[] uniforms(SplittableRandom random, int n) {
        double[] v = new double[n];
        for (int e = 0; e < n; e++) {
            v[e] = random.nextDouble();
        }
        return v;
    }

    /** An independent copy: each arm of a run mutates its own landscape under turbulence. */
    public Landscape copy() {
        // Context tables and their fitness never change, so the copy shares them; the derived
        // common arrays are copied, not recomputed (the same values: recompute is deterministic).
        return new Landscape(this);
    }

    /**
     * Turbulence (S0): redraws one practice's common table on the landscape key of this month, then
     * recomputes every site's maximum and optimum. γ is deliberately not recomputed.
     */
    public void redrawCommonTable(SplittableRandom random) {
        int i = random.nextInt(practices);
        common[i] = uniforms(random, common[i].length);
        recompute();
        version++;
    }

    /** The number of turbulence events so far. */
    int version() {
        return version;
    }

    private void recompute() {
        int bundles = 1 << practices;
        double best = Double.NEGATIVE_INFINITY;
        for (int x = 0; x < bundles; x++) {
            commonFitness[x] = meanContribution(common, x);
            if (commonFitness[x] > best) {
                best = commonFitness[x];
                commonOptimum = x;
            }
        }
        for (int j = 0; j < context.length; j++) {
            double max = Double.NEGATIVE_INFINITY;
            int arg = 0;
            double[] ctx = contextFitness[j];
            for (int x = 0; x < bundles; x++) {
                double f = (1.0 - omega) * commonFitness[x] + omega * ctx[x];
                // Strictly greater: ties go to the lowest bundle index, deterministically.
                if (f > max) {
                    max = f;
                    arg = x;
                }
            }
            maxFitness[j] = max;
            optimum[j] = arg;
        }
    }

    /**
     * The mean context contribution of every bundle at every site. Practice by practice, the table
     * entry of every bundle is computed once and read for every site (the partners are shared), and
     * each bundle's sum still adds practices 0, 1, …, N−1 in order from 0, so the values are those
     * of {@link #meanContribution} exactly.
     */
    private double[][] contextFitness(double[][][] tables, int n) {
        int bundles = 1 << n;
        double[][] fitness = new double[tables.length][bundles];
        int[] row = new int[bundles];
        for (int i = 0; i < n; i++) {
            for (int x = 0; x < bundles; x++) {
                row[x] = entry(i, x);
            }
            for (int j = 0; j < tables.length; j++) {
                double[] table = tables[j][i];
                double[] f = fitness[j];
                for (int x = 0; x < bundles; x++) {
                    f[x] += table[row[x]];
                }
            }
        }
        for (double[] f : fitness) {
            for (int x = 0; x < bundles; x++) {
                f[x] /= n;
            }
        }
        return fitness;
    }

    private double meanContribution(double[][] tables, int x) {
        double sum = 0.0;
        for (int i = 0; i < practices; i++) {
            sum += tables[i][entry(i, x)];
        }
        return sum / practices;
    }

    private int entry(int i, int x) {
        int index = (x >>> i) & 1;
        int[] p = partners[i];
        for (int k = 0; k < p.length; k++) {
            index |= ((x >>> p[k]) & 1) << (k + 1);
        }
        return index;
    }

    /** F_j(x). */
    public double fitness(int site, int x) {
        return (1.0 - omega) * commonFitness[x] + omega * contextFitness[site][x];
    }

    /** Q_j(x) = F_j(x) / max F_j, in (0, 1]. */
    public double quality(int site, int x) {
        return fitness(site, x) / maxFitness[site];
    }

    /** The site's optimal bundle x*_j (lowest index among ties). */
    public int optimum(int site) {
        return optimum[site];
    }

    /** The optimum of F_common, the "right lesson" the change package should learn. */
    public int commonOptimum() {
        return commonOptimum;
    }

    public int practices() {
        return practices;
    }

    public int sites() {
        return context.length;
    }

    /** The exact median of Q_j(x) over all 2^N bundles and all sites (MODEL.md §5). */
    public double medianQuality() {
        int bundles = 1 << practices;
        double[] all = new double[bundles * context.length];
        int m = 0;
        for (int j = 0; j < context.length; j++) {
            for (int x = 0; x < bundles; x++) {
                all[m++] = quality(j, x);
            }
        }
        return median(all);
    }

    /** Buckets of the counting pass of {@link #median}. */
    private static final int MEDIAN_BUCKETS = 1 << 14;

    /**
     * The median of {@code all} (the middle value, or the mean of the two middle values), exactly:
     * the order statistics are found by a counting pass over the values' bit patterns (for
     * non-negative finite doubles their order as integers), then a selection among the few values
     * of the bucket that holds each. Other values take the selection over everything. Reorders
     * nothing it returns; may reorder {@code all}.
     */
    static double median(double[] all) {
        int n = all.length;
        long low = Long.MAX_VALUE;
        long high = Long.MIN_VALUE;
        boolean countable = n >= 2;
        for (double v : all) {
            long bits = Double.doubleToRawLongBits(v);
            // Sign bit clear and finite: +0 … MAX_VALUE, whose bit patterns are in the values' order.
            countable &= bits >= 0 && v <= Double.MAX_VALUE;
            low = Math.min(low, bits);
            high = Math.max(high, bits);
        }
        if (!countable) {
            return medianBySelection(all);
        }
        int shift = 0;
        while (((high - low) >>> shift) >= MEDIAN_BUCKETS) {
            shift++;
        }
        int[] count = new int[(int) ((high - low) >>> shift) + 1];
        for (double v : all) {
            count[(int) ((Double.doubleToRawLongBits(v) - low) >>> shift)]++;
        }
        double upper = orderStatistic(all, n / 2, count, low, shift);
        if (n % 2 == 1) {
            return upper;
        }
        double lower = orderStatistic(all, n / 2 - 1, count, low, shift);
        return 0.5 * (lower + upper);
    }

    /** The k-th smallest of {@code all} (0-based), given the bucket counts of {@link #median}. */
    private static double orderStatistic(double[] all, int k, int[] count, long low, int shift) {
        int bucket = 0;
        int below = 0;
        while (below + count[bucket] <= k) {
            below += count[bucket];
            bucket++;
        }
        double[] members = new double[count[bucket]];
        int m = 0;
        for (double v : all) {
            if ((int) ((Double.doubleToRawLongBits(v) - low) >>> shift) == bucket) {
                members[m++] = v;
            }
        }
        return select(members, k - below);
    }

    /** The median by quickselect over all values (the original path; values finite). */
    static double medianBySelection(double[] all) {
        int n = all.length;
        // Selection instead of a full sort: the same order statistics, exactly.
        if (n % 2 == 1) {
            return select(all, n / 2);
        }
        double upper = select(all, n / 2);
        // After selecting index n/2, every value left of it is ≤ it: the lower middle is their maximum.
        double lower = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n / 2; k++) {
            lower = Math.max(lower, all[k]);
        }
        return 0.5 * (lower + upper);
    }

    /**
     * The k-th smallest value (0-based) of {@code v} by quickselect with a middle pivot, partially
     * reordering {@code v} so that v[0..k) ≤ v[k] ≤ v(k..n). Deterministic; values are finite.
     */
    static double select(double[] v, int k) {
        int lo = 0;
        int hi = v.length - 1;
        while (lo < hi) {
            double pivot = v[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (v[i] < pivot) {
                    i++;
                }
                while (v[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = v[i];
                    v[i] = v[j];
                    v[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return v[k];
            }
        }
        return v[k];
    }

    int[] partnersOf(int i) {
        return partners[i].clone();
    }
}
