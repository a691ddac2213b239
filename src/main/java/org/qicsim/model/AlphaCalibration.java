package org.qicsim.model;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.qicsim.model.Streams.Stream;
import org.qicsim.scenario.Scenario;

/**
 * Solves the intercept α so that the volume-weighted expected adverse-event rate over the baseline
 * year equals {@code sites.baselineRate} (MODEL.md §5). Each site contributes 256 execution draws
 * of its burnt-in bundle from its initialisation execution key ({@code month = −1}; N uniforms per
 * draw whatever the bundle), patient risk r = μ_j + r_k over the K equal-probability case-mix strata
 * the patients have ({@link RiskAverage.Table}, MODEL.md §6 S1), and the
 * secular trend of each baseline month. Bisection to a width of 1e−10, started from a bracket that
 * Newton steps locate (see {@link #newtonBracket}).
 */
public final class AlphaCalibration {
    /** Up to this many practices the execution draws are grouped by counting (2^N counters). */
    static final int COUNTED_PRACTICES = 16;

    private AlphaCalibration() {
    }

    static double solve(Scenario scenario, Landscape landscape, SiteEndowment[] sites, double gamma,
            Streams streams, RiskAverage.Table riskTable) {
        int count = sites.length;
        int n = scenario.practices().count();
        double[][] qualities = new double[count][];
        int[][] weights = new int[count][];
        int[] executed = new int[World.ALPHA_PATTERNS];
        double[] q = new double[World.ALPHA_PATTERNS];
        int[] w = new int[World.ALPHA_PATTERNS];
        // Draws per bundle, when bundles are few enough to count (all zero between sites).
        int[] countOf = n <= COUNTED_PRACTICES ? new int[1 << n] : null;
        for (int j = 0; j < count; j++) {
            SplittableRandom r = streams.init(Stream.EXECUTION, j);
            for (int k = 0; k < World.ALPHA_PATTERNS; k++) {
                executed[k] = Execution.execute(r, sites[j].bundle(), sites[j].fidelity(), n);
            }
            // Many draws execute the same bundle: evaluate each distinct bundle once, weighted, in
            // ascending bundle order (a counting sort, or a sort when bundles are too many to count).
            int distinct = 0;
            if (countOf != null) {
                for (int x : executed) {
                    countOf[x]++;
                }
                for (int x = 0; x < countOf.length; x++) {
                    if (countOf[x] > 0) {
                        q[distinct] = landscape.quality(j, x);
                        w[distinct++] = countOf[x];
                        countOf[x] = 0;
                    }
                }
            } else {
                Arrays.sort(executed);
                for (int k = 0; k < executed.length; k++) {
                    if (k > 0 && executed[k] == executed[k - 1]) {
                        w[distinct - 1]++;
                    } else {
                        q[distinct] = landscape.quality(j, executed[k]);
                        w[distinct++] = 1;
                    }
                }
            }
            qualities[j] = Arrays.copyOf(q, distinct);
            weights[j] = Arrays.copyOf(w, distinct);
        }
        Baseline baseline = new Baseline(scenario, sites, qualities, weights, gamma, riskTable);
        double target = scenario.sites().baselineRate();
        double[] bracket = newtonBracket(target, scenario, sites, qualities, weights, gamma, baseline);
        double lo = bracket[0];
        double hi = bracket[1];
        while (hi - lo > World.ALPHA_TOLERANCE) {
            double mid = 0.5 * (lo + hi);
            double rate = baseline.rate(mid, null);
            if (rate < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /**
     * A bracket [lo, hi] with rate(lo) &lt; target ≤ rate(hi), found by a few Newton steps from
     * logit(target) and verified, so the bisection that follows needs ~5 halvings instead of ~40.
     * Falls back to [−40, 40] whenever Newton misbehaves; the answer is the bisection's either way.
     */
    static double[] newtonBracket(double target, Scenario scenario, SiteEndowment[] sites, double[][] qualities,
            int[][] weights, double gamma, Baseline baseline) {
        double alpha = Logistic.logit(target) - meanOffset(scenario, sites, qualities, weights, gamma);
        double[] slope = new double[1];
        for (int step = 0; step < 30; step++) {
            double rate = baseline.rate(alpha, slope);
            if (!(slope[0] > 1e-300)) {
                return new double[] {-40.0, 40.0};
            }
            double delta = (rate - target) / slope[0];
            alpha -= Math.max(-2.0, Math.min(2.0, delta));
            if (!(Math.abs(alpha) < 40.0)) {
                return new double[] {-40.0, 40.0};
            }
            if (Math.abs(delta) < 1e-12) {
                break;
            }
        }
        // A bracket one tolerance wide around Newton's root needs no halving; widen only if Newton stopped short.
        double width = 0.5 * World.ALPHA_TOLERANCE;
        for (int widen = 0; widen < 40; widen++, width *= 16) {
            double lo = Math.max(-40.0, alpha - width);
            double hi = Math.min(40.0, alpha + width);
            if (baseline.rate(lo, null) < target && baseline.rate(hi, null) >= target) {
                return new double[] {lo, hi};
            }
        }
        return new double[] {-40.0, 40.0};
    }

    /** The volume-weighted mean of u_j + μ_j − γ·Q over the draws: Newton's starting point is logit(target) minus it. */
    static double meanOffset(Scenario scenario, SiteEndowment[] sites, double[][] qualities, int[][] weights,
            double gamma) {
        double sum = 0.0;
        double volume = 0.0;
        for (int j = 0; j < sites.length; j++) {
            double q = 0.0;
            int n = 0;
            for (int g = 0; g < qualities[j].length; g++) {
                q += weights[j][g] * qualities[j][g];
                n += weights[j][g];
            }
            sum += sites[j].volume() * (sites[j].structuralEffect() + sites[j].caseMixMean() - gamma * q / n);
            volume += sites[j].volume();
        }
        return sum / volume;
    }

    /**
     * The volume-weighted expected rate over the baseline year as a function of α, tabulated: the
     * rate is Σ_j v_j Σ_t Σ_g w_g E[σ(α + b_jtg + r)] / (12·256·Σv) with b_jtg = u_j + μ_j +
     * trend·t/12 − γ·q_g and r over the world's case-mix strata, so e^{−b_jtg} is computed once per (site, month,
     * execution group) and each evaluation costs one {@code StrictMath.exp} (e^{−α}) plus the
     * strata's divisions ({@link RiskAverage.Table}). It agrees with evaluating σ at every stratum
     * to rounding; α moves by less than 1e−10 (the bisection tolerance).
     */
    static final class Baseline {
        private final RiskAverage.Table table;
        /** e^{−b_jtg}, flattened by site, month, group. */
        private final double[] factor;
        private final double[] weight;
        private final int[] siteEnd;
        private final double[] volume;
        private final double totalVolume;

        Baseline(Scenario scenario, SiteEndowment[] sites, double[][] qualities, int[][] weights, double gamma,
                RiskAverage.Table table) {
            int start = scenario.startMonth();
            double trend = scenario.environment().secularTrendPerYear();
            this.table = table;
            int cells = 0;
            for (double[] q : qualities) {
                cells += 12 * q.length;
            }
            factor = new double[cells];
            weight = new double[cells];
            siteEnd = new int[sites.length];
            volume = new double[sites.length];
            double v = 0.0;
            int c = 0;
            for (int j = 0; j < sites.length; j++) {
                SiteEndowment s = sites[j];
                for (int t = start - 12; t < start; t++) {
                    double offset = s.structuralEffect() + trend * t / 12.0 + s.caseMixMean();
                    for (int g = 0; g < qualities[j].length; g++) {
                        factor[c] = StrictMath.exp(-(offset - gamma * qualities[j][g]));
                        weight[c++] = weights[j][g];
                    }
                }
                siteEnd[j] = c;
                volume[j] = s.volume();
                v += s.volume();
            }
            totalVolume = v;
        }

        /** The rate at α; with {@code slopeOut} non-null, its derivative in α is stored in slopeOut[0]. */
        double rate(double alpha, double[] slopeOut) {
            double ea = StrictMath.exp(-alpha);
            double numerator = 0.0;
            double slope = 0.0;
            double[] slopeOfGroup = new double[1];
            int c = 0;
            for (int j = 0; j < siteEnd.length; j++) {
                double siteSum = 0.0;
                double siteSlope = 0.0;
                for (; c < siteEnd[j]; c++) {
                    if (slopeOut == null) {
                        siteSum += weight[c] * table.expectedRateOfExp(ea * factor[c]);
                    } else {
                        slopeOfGroup[0] = 0.0;
                        siteSum += weight[c] * table.expectedRateAndSlopeOfExp(ea * factor[c], slopeOfGroup);
                        siteSlope += weight[c] * slopeOfGroup[0];
                    }
                }
                numerator += volume[j] * siteSum / (12.0 * World.ALPHA_PATTERNS);
                slope += volume[j] * siteSlope / (12.0 * World.ALPHA_PATTERNS);
            }
            if (slopeOut != null) {
                slopeOut[0] = slope / totalVolume;
            }
            return numerator / totalVolume;
        }
    }
}
