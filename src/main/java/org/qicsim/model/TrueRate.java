package org.qicsim.model;

import java.util.Arrays;

/**
 * The true risk-standardised rate of a site-month (MODEL.md §9 "Definitions"): the mean over the
 * site's 64 fixed execution patterns of the expected rate of a standard patient population,
 * r ~ N(0, withinSd²), at the site's structural effect. Truth for diagnostics and outputs only; no
 * agent sees it, and only the collaborative arm's is read by an output, so only that arm computes it.
 *
 * <p>One instance per arm keeps, per site, the patterns' executed bundles grouped by bundle with
 * e^{γ·Q} of each group; the groups change only when a fidelity crosses a pattern's fixed uniform,
 * the bundle changes or turbulence redraws the landscape, so most months reuse them and cost one
 * {@code StrictMath.exp} (e^{−offset}) plus the tabulated quadrature of each group
 * ({@link RiskAverage.Table}). Nothing is allocated per site-month.
 */
final class TrueRate {
    private final int[][] executed;
    private final int[] scratch = new int[World.TRSR_PATTERNS];
    private final int[] groups;
    private final int[][] groupCount;
    private final double[][] groupExpGammaQ;
    private final int[] landscapeVersion;
    /** Per site, e^{γ·Q_j(x)} by bundle x (0 = not yet evaluated), allocated on first use. */
    private final double[][] expGammaQ;
    private final int[] memoVersion;
    /** Patterns per bundle while grouping; all zero between calls. */
    private final int[] countOf;

    TrueRate(int sites, int practices) {
        executed = new int[sites][World.TRSR_PATTERNS];
        groups = new int[sites];
        groupCount = new int[sites][World.TRSR_PATTERNS];
        groupExpGammaQ = new double[sites][World.TRSR_PATTERNS];
        landscapeVersion = new int[sites];
        expGammaQ = new double[sites][];
        memoVersion = new int[sites];
        countOf = new int[1 << practices];
        Arrays.fill(groups, -1);
    }

    double of(QicSimulation sim, Site s, int t) {
        int j = s.index;
        double[][] patterns = s.endowment.patterns();
        boolean same = groups[j] >= 0 && landscapeVersion[j] == sim.landscape.version();
        int[] current = executed[j];
        for (int k = 0; k < World.TRSR_PATTERNS; k++) {
            int x = Execution.pattern(patterns, k, s.bundle, s.fidelity);
            same &= current[k] == x;
            current[k] = x;
        }
        if (!same) {
            group(sim, j, current);
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
}
