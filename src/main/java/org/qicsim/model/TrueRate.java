package org.qicsim.model;

import java.util.Arrays;

/**
 * The true risk-standardised rate of a site-month (MODEL.md §9 "Definitions"): the mean over the
 * site's 64 fixed execution patterns of the expected rate of a standard patient population
 * (the world's K case-mix strata around 0, {@link RiskAverage.Table}) at the site's structural effect. Truth for diagnostics and outputs only; no
 * agent sees it, and only the collaborative arm's is read by an output, so only that arm computes it.
 *
 * <p>One instance per arm keeps, per site, the patterns' executed bundles grouped by bundle with
 * e^{γ·Q} of each group; the groups change only when a fidelity crosses a pattern's fixed uniform,
 * the bundle changes or turbulence redraws the landscape, so most months reuse them (and when a
 * fidelity crosses, only the patterns whose bundle changed move between groups) and cost one
 * {@code StrictMath.exp} (e^{−offset}) plus the stratified average of each group
 * ({@link RiskAverage.Table}). Nothing is allocated per site-month.
 */
final class TrueRate {
    private final int[][] executed;
    private final int[] scratch = new int[World.TRSR_PATTERNS];
    private final int[] groups;
    private final int[][] groupCount;
    private final double[][] groupExpGammaQ;
    /** Per site, the bundle of each group, ascending. */
    private final int[][] groupBundle;
    /**
     * Up to this many patterns changing bundle move between groups one by one (two binary searches
     * each); more are regrouped from scratch, which costs about the same as this many moves.
     */
    static final int INCREMENTAL_PATTERNS = 12;
    /** This month's executing patterns per practice, before they replace the site's. */
    private long[] nextMasks = new long[0];
    private final int[] landscapeVersion;
    /** Per site, e^{γ·Q_j(x)} by bundle x (0 = not yet evaluated), allocated on first use. */
    private final double[][] expGammaQ;
    private final int[] memoVersion;
    /** Patterns per bundle while grouping; all zero between calls. */
    private final int[] countOf;
    /** Per site and practice, the 64 pattern uniforms in ascending order (when the practice is first adopted). */
    private final double[][][] sortedUniforms;
    /** Per site and practice, the set of patterns (bit k) among the first c sorted, for c = 0 … 64. */
    private final long[][][] prefixMasks;
    /** Per site and practice, the patterns in which the practice executes this month. */
    private final long[][] executingPatterns;
    /** Scratch of the pattern sort (no state between calls). */
    private final int[] scratchOrder = new int[World.TRSR_PATTERNS];
    private final long[] scratchKeys = new long[World.TRSR_PATTERNS];
    private final int[] scratchStarts = new int[65];
    private final long[] scratchBucketed = new long[World.TRSR_PATTERNS];

    TrueRate(int sites, int practices) {
        if (World.TRSR_PATTERNS > Long.SIZE) {
            throw new IllegalStateException("pattern sets are 64-bit masks");
        }
        executed = new int[sites][World.TRSR_PATTERNS];
        groups = new int[sites];
        groupCount = new int[sites][World.TRSR_PATTERNS];
        groupExpGammaQ = new double[sites][World.TRSR_PATTERNS];
        groupBundle = new int[sites][World.TRSR_PATTERNS];
        landscapeVersion = new int[sites];
        expGammaQ = new double[sites][];
        memoVersion = new int[sites];
        countOf = new int[1 << practices];
        sortedUniforms = new double[sites][][];
        prefixMasks = new long[sites][][];
        executingPatterns = new long[sites][];
        Arrays.fill(groups, -1);
    }

    /**
     * An exact copy for an arm continued from the months before the launch (MODEL.md §3,
     * {@link PreLaunch}): every per-site cache is copied, so the copy computes what the source would;
     * the sorted pattern uniforms and their prefix sets, which depend only on the world and are never
     * changed once made, are shared.
     */
    TrueRate(TrueRate source) {
        executed = deepCopy(source.executed);
        groups = source.groups.clone();
        groupCount = deepCopy(source.groupCount);
        groupExpGammaQ = new double[source.groupExpGammaQ.length][];
        expGammaQ = new double[source.expGammaQ.length][];
        for (int j = 0; j < groupExpGammaQ.length; j++) {
            groupExpGammaQ[j] = source.groupExpGammaQ[j].clone();
            expGammaQ[j] = source.expGammaQ[j] == null ? null : source.expGammaQ[j].clone();
        }
        groupBundle = deepCopy(source.groupBundle);
        landscapeVersion = source.landscapeVersion.clone();
        memoVersion = source.memoVersion.clone();
        countOf = new int[source.countOf.length];
        // A practice's sorted uniforms and prefix masks are filled in when the site first adopts it
        // and never change after: the filled ones are shared, but each copy gets its own per-site
        // slots, so a copy that fills one later writes only into its own (copies run on other threads).
        sortedUniforms = new double[source.sortedUniforms.length][][];
        prefixMasks = new long[source.prefixMasks.length][][];
        for (int j = 0; j < sortedUniforms.length; j++) {
            sortedUniforms[j] = source.sortedUniforms[j] == null ? null : source.sortedUniforms[j].clone();
            prefixMasks[j] = source.prefixMasks[j] == null ? null : source.prefixMasks[j].clone();
        }
        executingPatterns = new long[source.executingPatterns.length][];
        for (int j = 0; j < executingPatterns.length; j++) {
            executingPatterns[j] = source.executingPatterns[j] == null ? null : source.executingPatterns[j].clone();
        }
    }

    private static int[][] deepCopy(int[][] a) {
        int[][] c = new int[a.length][];
        for (int j = 0; j < a.length; j++) {
            c[j] = a[j].clone();
        }
        return c;
    }

    double of(QicSimulation sim, Site s, int t) {
        int j = s.index;
        if (sortedUniforms[j] == null) {
            startSite(j, s.endowment.patterns().length);
        }
        // Practice i executes in pattern k iff it is adopted and u_ik < φ_i (Execution.pattern): with
        // the u_ik sorted, those k are a prefix, so one binary search gives the 64-bit set of them.
        boolean fresh = groups[j] < 0 || landscapeVersion[j] != sim.landscape.version();
        long[] masks = executingPatterns[j];
        if (nextMasks.length < masks.length) {
            nextMasks = new long[masks.length];
        }
        long changed = 0L;
        for (int i = 0; i < masks.length; i++) {
            long mask = 0L;
            if ((s.bundle >>> i & 1) == 1) {
                if (sortedUniforms[j][i] == null) {
                    sortPatterns(j, i, s.endowment.patterns()[i]);
                }
                // Fidelity moves little in a month: the count is sought from last month's.
                mask = prefixMasks[j][i][countBelow(sortedUniforms[j][i], s.fidelity[i], Long.bitCount(masks[i]))];
            }
            changed |= masks[i] ^ mask;
            nextMasks[i] = mask;
        }
        int[] current = executed[j];
        if (fresh || Long.bitCount(changed) > INCREMENTAL_PATTERNS) {
            System.arraycopy(nextMasks, 0, masks, 0, masks.length);
            Arrays.fill(current, 0);
            // Pattern k's bundle has bit i iff bit k of practice i's set: visit only the set bits.
            for (int i = 0; i < masks.length; i++) {
                for (long m = masks[i]; m != 0L; m &= m - 1) {
                    current[Long.numberOfTrailingZeros(m)] |= 1 << i;
                }
            }
            group(sim, j, current);
        } else if (changed != 0L) {
            // Only the patterns whose bundle changed move between groups: the groups (bundle,
            // count, e^{γ·Q}) come out exactly as a regrouping of all 64 would give them.
            for (long m = changed; m != 0L; m &= m - 1) {
                leave(j, current[Long.numberOfTrailingZeros(m)]);
            }
            for (int i = 0; i < masks.length; i++) {
                for (long m = masks[i] ^ nextMasks[i]; m != 0L; m &= m - 1) {
                    current[Long.numberOfTrailingZeros(m)] ^= 1 << i;
                }
                masks[i] = nextMasks[i];
            }
            for (long m = changed; m != 0L; m &= m - 1) {
                join(sim, j, current[Long.numberOfTrailingZeros(m)]);
            }
        }
        double offset = sim.world.alpha() + s.endowment.structuralEffect()
                + sim.scenario.environment().secularTrendPerYear() * t / 12.0;
        double eOffset = StrictMath.exp(-offset);
        RiskAverage.Table table = sim.world.riskTable();
        double sum = 0.0;
        int[] count = groupCount[j];
        double[] expGammaQ = groupExpGammaQ[j];
        for (int g = 0; g < groups[j]; g++) {
            // e^{−(offset − γ·Q)} = e^{−offset}·e^{γ·Q}.
            sum += count[g] * table.expectedRateOfExp(eOffset * expGammaQ[g]);
        }
        return sum / World.TRSR_PATTERNS;
    }

    /**
     * A site's per-practice tables, empty: a practice's are built when it is first adopted
     * ({@link #sortPatterns}), since a practice never adopted executes in no pattern.
     */
    private void startSite(int j, int practices) {
        sortedUniforms[j] = new double[practices][];
        prefixMasks[j] = new long[practices][];
        executingPatterns[j] = new long[practices];
    }

    /** Sorts practice i's 64 pattern uniforms and tabulates the pattern set of every prefix. */
    private void sortPatterns(int j, int i, double[] u) {
        int[] order = scratchOrder;
        sortOrder(u, order, scratchKeys, scratchStarts, scratchBucketed);
        double[] sorted = new double[order.length];
        long[] prefix = new long[World.TRSR_PATTERNS + 1];
        long mask = 0L;
        for (int m = 0; m < order.length; m++) {
            sorted[m] = u[order[m]];
            mask |= 1L << order[m];
            prefix[m + 1] = mask;
        }
        sortedUniforms[j][i] = sorted;
        prefixMasks[j][i] = prefix;
    }

    /**
     * The pattern indices in ascending order of their uniform, ties by index (a stable sort). The
     * uniforms are {@code nextDouble()} values, m·2^−53 with an integer m &lt; 2^53, so (m, index) packs
     * into one {@code long} whose natural order is the wanted one and a primitive sort does it; any
     * other value (a hand-built endowment) takes the insertion sort, which gives the same order.
     */
    static void sortOrder(double[] u, int[] order, long[] keys) {
        sortOrder(u, order, keys, new int[65], new long[u.length]);
    }

    /** {@link #sortOrder(double[], int[], long[])} with the key sort's scratch supplied. */
    static void sortOrder(double[] u, int[] order, long[] keys, int[] start, long[] bucketed) {
        boolean packable = u.length <= 64;
        for (int k = 0; k < u.length && packable; k++) {
            double scaled = u[k] * 0x1.0p53;
            long m = (long) scaled;
            packable = scaled >= 0 && scaled < 0x1.0p53 && m == scaled;
            keys[k] = m << 6 | k;
        }
        if (packable) {
            sortKeys(keys, u.length, start, bucketed);
            for (int k = 0; k < u.length; k++) {
                order[k] = (int) (keys[k] & 63);
            }
            return;
        }
        for (int k = 0; k < u.length; k++) {
            int m = k;
            while (m > 0 && Double.compare(u[order[m - 1]], u[k]) > 0) {
                order[m] = order[m - 1];
                m--;
            }
            order[m] = k;
        }
    }

    /**
     * Sorts the first {@code n} (≤ 64) packed keys (each below 2^59) ascending: a counting pass on
     * their top 6 bits, then an insertion sort, which on uniforms moves each key only within its
     * bucket (about linear, where a general sort of 64 values costs about n² / 4 moves).
     */
    static void sortKeys(long[] keys, int n) {
        sortKeys(keys, n, new int[65], new long[n]);
    }

    /** {@link #sortKeys(long[], int)} with caller-owned scratch: 65 bucket starts and n keys. */
    static void sortKeys(long[] keys, int n, int[] start, long[] bucketed) {
        java.util.Arrays.fill(start, 0);
        for (int k = 0; k < n; k++) {
            start[(int) (keys[k] >>> 53) + 1]++;
        }
        for (int b = 1; b < start.length; b++) {
            start[b] += start[b - 1];
        }
        for (int k = 0; k < n; k++) {
            bucketed[start[(int) (keys[k] >>> 53)]++] = keys[k];
        }
        for (int k = 0; k < n; k++) {
            long key = bucketed[k];
            int m = k;
            while (m > 0 && keys[m - 1] > key) {
                keys[m] = keys[m - 1];
                m--;
            }
            keys[m] = key;
        }
    }

    /** #{m: sorted[m] &lt; phi} for ascending {@code sorted}. */
    static int countBelow(double[] sorted, double phi) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < phi) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * {@link #countBelow(double[], double)} by a walk from {@code from} (0 … length): up while the
     * next uniform is below φ, then down while the last counted one is not. The count is the
     * unique c with every sorted[m &lt; c] below φ and no other, so the walk gives it from any start,
     * in as many steps as the count moved (last month's count is the start).
     */
    static int countBelow(double[] sorted, double phi, int from) {
        int c = from;
        while (c < sorted.length && sorted[c] < phi) {
            c++;
        }
        while (c > 0 && !(sorted[c - 1] < phi)) {
            c--;
        }
        return c;
    }

    /**
     * Patterns that execute the same bundle share one quadrature, in ascending bundle order: a
     * count per bundle, the bundles seen sorted by insertion (about 17 of them), and e^{γ·Q} of each
     * from a per-site memo that lives until the landscape changes.
     */
    private void group(QicSimulation sim, int j, int[] current) {
        int version = sim.landscape.version();
        double[] memo = expGammaQ[j];
        if (memo == null || memoVersion[j] != version) {
            if (memo == null) {
                memo = new double[1 << sim.landscape.practices()];
                expGammaQ[j] = memo;
            } else {
                Arrays.fill(memo, 0.0);
            }
            memoVersion[j] = version;
        }
        int[] seen = scratch;
        int n = 0;
        for (int x : current) {
            if (countOf[x]++ == 0) {
                int k = n++;
                while (k > 0 && seen[k - 1] > x) {
                    seen[k] = seen[k - 1];
                    k--;
                }
                seen[k] = x;
            }
        }
        for (int g = 0; g < n; g++) {
            int x = seen[g];
            groupBundle[j][g] = x;
            groupCount[j][g] = countOf[x];
            countOf[x] = 0;
            // e^{γ·Q} > 0, so 0 marks a bundle not yet evaluated.
            if (memo[x] == 0.0) {
                memo[x] = StrictMath.exp(sim.world.gamma() * sim.landscape.quality(j, x));
            }
            groupExpGammaQ[j][g] = memo[x];
        }
        groups[j] = n;
        landscapeVersion[j] = version;
    }

    /** One pattern leaves bundle x's group (removed, order kept, when it was the last). */
    private void leave(int j, int x) {
        int n = groups[j];
        int g = Arrays.binarySearch(groupBundle[j], 0, n, x);
        if (--groupCount[j][g] == 0) {
            int after = n - g - 1;
            System.arraycopy(groupBundle[j], g + 1, groupBundle[j], g, after);
            System.arraycopy(groupCount[j], g + 1, groupCount[j], g, after);
            System.arraycopy(groupExpGammaQ[j], g + 1, groupExpGammaQ[j], g, after);
            groups[j] = n - 1;
        }
    }

    /** One pattern joins bundle x's group (inserted in ascending order when new). */
    private void join(QicSimulation sim, int j, int x) {
        int n = groups[j];
        int g = Arrays.binarySearch(groupBundle[j], 0, n, x);
        if (g >= 0) {
            groupCount[j][g]++;
            return;
        }
        g = -g - 1;
        int after = n - g;
        System.arraycopy(groupBundle[j], g, groupBundle[j], g + 1, after);
        System.arraycopy(groupCount[j], g, groupCount[j], g + 1, after);
        System.arraycopy(groupExpGammaQ[j], g, groupExpGammaQ[j], g + 1, after);
        groupBundle[j][g] = x;
        groupCount[j][g] = 1;
        double[] memo = expGammaQ[j];
        // e^{γ·Q} > 0, so 0 marks a bundle not yet evaluated (the memo is this landscape version's).
        if (memo[x] == 0.0) {
            memo[x] = StrictMath.exp(sim.world.gamma() * sim.landscape.quality(j, x));
        }
        groupExpGammaQ[j][g] = memo[x];
        groups[j] = n + 1;
    }
}
