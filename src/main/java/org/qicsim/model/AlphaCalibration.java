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
 * Newton steps locate, first on a cheap two-month stand-in for the baseline year, then on the year
 * itself (see {@link #newtonBracket}); normally the verified bracket is already that narrow.
 */
public final class AlphaCalibration {
    /** Up to this many practices the execution draws are grouped by counting (2^N counters). */
    static final int COUNTED_PRACTICES = 16;

    private AlphaCalibration() {
    }

    static double solve(Scenario scenario, Landscape landscape, SiteEndowment[] sites, double gamma,
            Streams streams, RiskAverage.Table riskTable) {
        Groups groups = groups(scenario, landscape, sites, streams);
        double[][] qualities = groups.qualities();
        int[][] weights = groups.weights();
        int start = scenario.startMonth();
        double trend = scenario.environment().secularTrendPerYear();
        Baseline baseline = new Baseline(sites, qualities, weights, gamma, riskTable, baselineMonths(start, trend));
        double target = scenario.sites().baselineRate();
        double guess = Logistic.logit(target) - meanOffset(sites, qualities, weights, gamma);
        // Without a trend the baseline year is its own two-month stand-in: no separate Newton phase.
        Baseline standIn = trend == 0.0 ? null
                : new Baseline(sites, qualities, weights, gamma, riskTable, standInMonths(start, trend));
        double[] bracket = newtonBracket(target, guess, standIn, baseline);
        double lo = bracket[0];
        double hi = bracket[1];
        if (hi - lo <= World.ALPHA_TOLERANCE) {
            // Newton's root, inside the verified bracket (so within the tolerance of the root).
            return bracket[2];
        }
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

    /** Each site's distinct executed bundles among its 256 α draws: their qualities and counts. */
    record Groups(double[][] qualities, int[][] weights) {
    }

    /** The 256 execution draws of every site on its key at month −1, grouped by executed bundle. */
    static Groups groups(Scenario scenario, Landscape landscape, SiteEndowment[] sites, Streams streams) {
        int count = sites.length;
        int n = scenario.practices().count();
        double[][] qualities = new double[count][];
        int[][] weights = new int[count][];
        int[] executed = new int[World.ALPHA_PATTERNS];
        double[] q = new double[World.ALPHA_PATTERNS];
        int[] w = new int[World.ALPHA_PATTERNS];
        // Draws per bundle, when bundles are few enough to count (all zero between sites).
        int[] countOf = n <= COUNTED_PRACTICES ? new int[1 << n] : null;
        long[] threshold = new long[n];
        for (int j = 0; j < count; j++) {
            SplittableRandom r = streams.init(Stream.EXECUTION, j);
            executions(r, sites[j].bundle(), sites[j].fidelity(), threshold, executed);
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
        return new Groups(qualities, weights);
    }

    /**
     * {@code executed.length} executions of {@code bundle} on {@code r}: the bundles of as many calls of
     * {@link Execution#execute}, without a branch on each practice's coin flip (which the CPU cannot
     * predict). SplittableRandom's nextDouble is (nextLong() &gt;&gt;&gt; 11)·2^−53, exact, so U &lt; φ
     * iff (nextLong() &gt;&gt;&gt; 11) &lt; ⌈φ·2^53⌉, an integer comparison whose sign bit is the practice's bit.
     */
    static void executions(SplittableRandom r, int bundle, double[] fidelity, long[] threshold, int[] executed) {
        int n = threshold.length;
        for (int i = 0; i < n; i++) {
            // Clamped to [0, 2^53], where the comparison with 53-bit m is that of U with φ (NaN gives 0: never).
            threshold[i] = Math.max(0L, Math.min(1L << 53, (long) Math.ceil(fidelity[i] * 0x1.0p53)));
        }
        for (int k = 0; k < executed.length; k++) {
            int bits = 0;
            for (int i = 0; i < n; i++) {
                long m = r.nextLong() >>> 11;
                bits |= (int) ((m - threshold[i]) >>> 63) << i;
            }
            executed[k] = bits & bundle;
        }
    }

    /**
     * e^{−trend·t/12} for the twelve baseline months t = startMonth − 12, …, startMonth − 1; without a
     * trend the twelve are the same month, which is weighted once (the same function of α).
     */
    static double[] baselineMonths(int start, double trend) {
        if (trend == 0.0) {
            return new double[] {1.0};
        }
        double[] month = new double[12];
        for (int t = start - 12; t < start; t++) {
            month[t - start + 12] = StrictMath.exp(-(trend * t / 12.0));
        }
        return month;
    }

    /**
     * Two months standing in for the baseline year: the trend term at its mean over the twelve
     * months ± its standard deviation over them, so the stand-in's offsets have the year's mean and
     * variance (and no skew, as the year has none). Its root is within about 1e−10 of the year's for
     * michigan-cqi's trend, at a sixth of the cost; only Newton's approach uses it.
     */
    static double[] standInMonths(int start, double trend) {
        double mean = trend * (start - 6.5) / 12.0;
        // The SD of 12 equally spaced months, in years: sqrt((12² − 1)/12)/12.
        double sd = Math.abs(trend) * StrictMath.sqrt(143.0 / 12.0) / 12.0;
        return new double[] {StrictMath.exp(-(mean - sd)), StrictMath.exp(-(mean + sd))};
    }

    /**
     * A bracket {lo, hi, root} with rate(lo) &lt; target ≤ rate(hi) and lo ≤ root ≤ hi, found by
     * Newton steps from {@code guess} and verified by evaluations of the baseline year's rate, so
     * that normally no halving follows. With a {@code standIn}, Newton first runs on it until a step
     * is below 1e−7; its root is then within about 5e−11 of the year's (michigan-cqi), so one
     * evaluation of the year's rate there gives one end of the bracket and a last Newton step (with
     * the stand-in's slope, which is the year's to about 1e−4) the root, and one more evaluation
     * 1e−11 beyond that root verifies the other end: two evaluations of the year's rate. Otherwise
     * (no trend, or a stand-in too far off) Newton runs on the year itself until a step is below
     * 1e−6 — the step after such a step would be below about 1e−12 (Newton's error is squared;
     * |rate''| ≤ rate' for a mixture of logistic curves) — and the bracket root ± 0.45·1e−10 is
     * verified with two evaluations. Falls back to [−40, 40] whenever Newton misbehaves; the answer
     * is then the bisection's.
     */
    static double[] newtonBracket(double target, double guess, Baseline standIn, Baseline baseline) {
        double[] slope = new double[1];
        double alpha = guess;
        if (standIn != null) {
            double near = newton(target, guess, standIn, 1e-7, slope);
            if (!Double.isNaN(near)) {
                double value = baseline.rate(near, null);
                double root = near - (value - target) / slope[0];
                double margin = 0.1 * World.ALPHA_TOLERANCE;
                if (Math.abs(root - near) + margin <= 0.9 * World.ALPHA_TOLERANCE) {
                    if (value < target) {
                        double hi = root + margin;
                        if (baseline.rate(hi, null) >= target) {
                            return new double[] {near, hi, root};
                        }
                    } else {
                        double lo = root - margin;
                        if (baseline.rate(lo, null) < target) {
                            return new double[] {lo, near, root};
                        }
                    }
                }
                alpha = root;
            }
        }
        alpha = newton(target, alpha, baseline, 1e-6, slope);
        if (Double.isNaN(alpha)) {
            return new double[] {-40.0, 40.0, 0.0};
        }
        // 0.45 rather than 0.5: hi − lo then stays within the tolerance after rounding, so no halving.
        double width = 0.45 * World.ALPHA_TOLERANCE;
        for (int widen = 0; widen < 40; widen++, width *= 16) {
            double lo = Math.max(-40.0, alpha - width);
            double hi = Math.min(40.0, alpha + width);
            if (baseline.rate(lo, null) < target && baseline.rate(hi, null) >= target) {
                return new double[] {lo, hi, alpha};
            }
        }
        return new double[] {-40.0, 40.0, 0.0};
    }

    /**
     * Newton steps on {@code rate} from {@code alpha} (each at most 2 long) up to and including the
     * first step shorter than {@code enough}, at most 30; NaN if the slope vanishes or α leaves
     * (−40, 40). The slope at the last evaluation is left in {@code slope[0]}.
     */
    private static double newton(double target, double alpha, Baseline rate, double enough, double[] slope) {
        for (int step = 0; step < 30; step++) {
            double value = rate.rate(alpha, slope);
            if (!(slope[0] > 1e-300)) {
                return Double.NaN;
            }
            double delta = (value - target) / slope[0];
            alpha -= Math.max(-2.0, Math.min(2.0, delta));
            if (!(Math.abs(alpha) < 40.0)) {
                return Double.NaN;
            }
            if (Math.abs(delta) < enough) {
                break;
            }
        }
        return alpha;
    }

    /** The volume-weighted mean of u_j + μ_j − γ·Q over the draws: Newton's starting point is logit(target) minus it. */
    static double meanOffset(SiteEndowment[] sites, double[][] qualities, int[][] weights, double gamma) {
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
     * rate is Σ_j v_j Σ_g w_g (1/M) Σ_t E[σ(α + b_jg + τ_t + r)] / (256·Σv) with b_jg = u_j + μ_j −
     * γ·q_g, τ_t the trend term of month t (M months) and r over the world's case-mix strata. As
     * e^{−(α + b + τ)} = e^{−α}·e^{−b_jg}·e^{−τ_t}, one {@code StrictMath.exp} per (site, execution
     * group) and one per month are computed once, and each evaluation costs one (e^{−α}) plus the
     * strata's divisions ({@link RiskAverage.Table}). It agrees with evaluating σ at every stratum
     * to rounding; α moves by less than 1e−10 (the bisection tolerance).
     */
    static final class Baseline {
        private final RiskAverage.Table table;
        /** e^{−b_jg}, flattened by site, group. */
        private final double[] factor;
        private final double[] weight;
        private final int[] siteEnd;
        private final double[] volume;
        /** e^{−τ_t}, the same for every site. */
        private final double[] month;
        private final double normaliser;
        private final double[] slopeOfCell = new double[1];

        Baseline(SiteEndowment[] sites, double[][] qualities, int[][] weights, double gamma, RiskAverage.Table table,
                double[] month) {
            this.table = table;
            this.month = month;
            int cells = 0;
            for (double[] q : qualities) {
                cells += q.length;
            }
            factor = new double[cells];
            weight = new double[cells];
            siteEnd = new int[sites.length];
            volume = new double[sites.length];
            double v = 0.0;
            int c = 0;
            for (int j = 0; j < sites.length; j++) {
                SiteEndowment s = sites[j];
                double offset = s.structuralEffect() + s.caseMixMean();
                for (int g = 0; g < qualities[j].length; g++) {
                    factor[c] = StrictMath.exp(-(offset - gamma * qualities[j][g]));
                    weight[c++] = weights[j][g];
                }
                siteEnd[j] = c;
                volume[j] = s.volume();
                v += s.volume();
            }
            normaliser = v * month.length * World.ALPHA_PATTERNS;
        }

        /** The rate at α; with {@code slopeOut} non-null, its derivative in α is stored in slopeOut[0]. */
        double rate(double alpha, double[] slopeOut) {
            double ea = StrictMath.exp(-alpha);
            double numerator = 0.0;
            double slope = 0.0;
            int c = 0;
            for (int j = 0; j < siteEnd.length; j++) {
                double siteSum = 0.0;
                double siteSlope = 0.0;
                for (; c < siteEnd[j]; c++) {
                    double e = ea * factor[c];
                    double cellSum = 0.0;
                    if (slopeOut == null) {
                        for (double m : month) {
                            cellSum += table.expectedRateOfExp(e * m);
                        }
                    } else {
                        slopeOfCell[0] = 0.0;
                        for (double m : month) {
                            cellSum += table.expectedRateAndSlopeOfExp(e * m, slopeOfCell);
                        }
                        siteSlope += weight[c] * slopeOfCell[0];
                    }
                    siteSum += weight[c] * cellSum;
                }
                numerator += volume[j] * siteSum;
                slope += volume[j] * siteSlope;
            }
            if (slopeOut != null) {
                slopeOut[0] = slope / normaliser;
            }
            return numerator / normaliser;
        }
    }
}
