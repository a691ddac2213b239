package org.qicsim.model;

import java.util.Arrays;
import org.qicsim.scenario.Collaborative;

/**
 * S3 Measurement (MODEL.md §6 S3; Dimick et al. 2012 for reliability adjustment; Spiegelhalter 2005
 * for funnel plots): over each site's records in a window, expected events from the binned recorded
 * risk under a risk model the centre fits to the measured sites' own pooled records (the slope on
 * recorded risk by Newton's method, so abstraction error in recorded risk attenuates it — regression
 * dilution — and biases expected events for sites whose case mix differs), with α̂ then solved so
 * that expected equals observed overall, the risk-standardised rate RSR, the
 * between-site signal variance τ̂², each site's reliability R, the reliability-adjusted rate P̂ and
 * its funnel class. Used by the coordinating centre on members and by the observer on all sites.
 *
 * <p>Sites with no cases in the window are not measured (edge cases of §6). If nobody or everybody
 * in the window has a recorded event, α̂ does not exist; then expected events are n·p̄, so RSR is the
 * crude rate.
 */
final class Measurement {
    /** Settings that change what S3 computes. */
    record Settings(double slopeShare, boolean reliabilityAdjustment, double zStar) {
        static Settings of(Collaborative.Measurement m, Collaborative.Display display) {
            return new Settings(slopeShare(m.riskAdjustment()), m.reliabilityAdjustment(),
                    FeedbackDisplay.of(display).zStar());
        }

        /**
         * The share of the fitted risk slope used: full 1; partial 0.5 (adjustment on part of the risk
         * factors, modelled as half the fitted slope); none 0 (crude rates).
         */
        static double slopeShare(Collaborative.RiskAdjustment adjustment) {
            return switch (adjustment) {
                case FULL -> 1.0;
                case PARTIAL -> 0.5;
                case NONE -> 0.0;
            };
        }
    }

    final int[] measured;
    final double pooledRate;
    final double signalVariance;
    final double[] cases;
    final double[] events;
    final double[] expected;
    final double[] rsr;
    final double[] reliability;
    final double[] adjusted;
    final double[] funnelZ;
    final ReportClass[] classes;

    private Measurement(int siteCount, int[] measured, double pooledRate, double signalVariance) {
        this.measured = measured;
        this.pooledRate = pooledRate;
        this.signalVariance = signalVariance;
        this.cases = nan(siteCount);
        this.events = nan(siteCount);
        this.expected = nan(siteCount);
        this.rsr = nan(siteCount);
        this.reliability = nan(siteCount);
        this.adjusted = nan(siteCount);
        this.funnelZ = nan(siteCount);
        this.classes = new ReportClass[siteCount];
    }

    private static double[] nan(int n) {
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
        return v;
    }

    boolean has(int site) {
        return !Double.isNaN(rsr[site]);
    }

    int count() {
        return measured.length;
    }

    /** The rate a site reports: P̂ with reliability adjustment, else RSR. */
    double reported(int site, boolean reliabilityAdjustment) {
        return reliabilityAdjustment ? adjusted[site] : rsr[site];
    }

    /** Sampling variance of a site's rate under the pooled rate: p̄(1 − p̄)/n_j. */
    double samplingVariance(int site) {
        return pooledRate * (1.0 - pooledRate) / cases[site];
    }

    /** The standard error used for funnels and gaps: sqrt(p̄(1−p̄)/n_j + τ̂²). */
    double standardError(int site) {
        return StrictMath.sqrt(samplingVariance(site) + signalVariance);
    }

    /**
     * Measures the sites in {@code include} over months [from, to] of the registry.
     *
     * @param ungamed measure what would have been recorded without gaming (for gamingGap)
     */
    static Measurement measure(Registry registry, boolean[] include, int from, int to, Settings settings,
            boolean ungamed) {
        int siteCount = include.length;
        int[] histogram = new int[Registry.BINS];
        boolean fit = settings.slopeShare() != 0.0;
        int[] eventHistogram = fit ? new int[Registry.BINS] : null;
        int[][] histograms = new int[siteCount][];
        long[] pooledBins = new long[Registry.BINS];
        long[] pooledEventBins = new long[Registry.BINS];
        int[] n = new int[siteCount];
        int[] o = new int[siteCount];
        int participants = 0;
        long totalCases = 0;
        long totalEvents = 0;
        for (int j = 0; j < siteCount; j++) {
            if (!include[j]) {
                continue;
            }
            int[] no = registry.window(j, from, to, ungamed, histogram, eventHistogram);
            if (no[0] == 0) {
                continue;
            }
            n[j] = no[0];
            o[j] = no[1];
            histograms[j] = histogram.clone();
            for (int b = 0; b < Registry.BINS; b++) {
                pooledBins[b] += histogram[b];
            }
            if (fit) {
                for (int b = 0; b < Registry.BINS; b++) {
                    pooledEventBins[b] += eventHistogram[b];
                }
            }
            totalCases += n[j];
            totalEvents += o[j];
            participants++;
        }
        int[] measured = new int[participants];
        int m = 0;
        for (int j = 0; j < siteCount; j++) {
            if (histograms[j] != null) {
                measured[m++] = j;
            }
        }
        double pBar = participants == 0 ? Double.NaN : (double) totalEvents / totalCases;
        double rho = fit ? settings.slopeShare() * fittedSlope(pooledBins, pooledEventBins) : 0.0;
        double[] binRate = expectedRateByBin(pooledBins, totalEvents, rho);
        double[] rsr = new double[siteCount];
        double[] expected = new double[siteCount];
        for (int j : measured) {
            double e = 0.0;
            if (binRate == null) {
                e = n[j] * pBar;
            } else {
                for (int b = 0; b < Registry.BINS; b++) {
                    e += histograms[j][b] * binRate[b];
                }
            }
            expected[j] = e;
            rsr[j] = e > 0 ? (o[j] / e) * pBar : 0.0;
        }
        double[] trials = new double[siteCount];
        double[] events = new double[siteCount];
        for (int j : measured) {
            trials[j] = n[j];
            events[j] = o[j];
        }
        return shrunk(siteCount, measured, pBar, rsr, trials, events, expected, settings);
    }

    /** Largest magnitude of a fitted slope (a fit on separated data would run off to infinity). */
    static final double MAX_SLOPE = 8.0;
    /** Newton iterations of the risk model's fit at most, and its convergence tolerance. */
    static final int FIT_ITERATIONS = 30;
    static final double FIT_TOLERANCE = 1e-10;

    /**
     * The slope β̂ of the centre's risk model logit P(event) = a + β·r, fitted by maximum likelihood
     * (Newton's method) to the pooled recorded events per recorded-risk bin, r the bin's centre
     * (MODEL.md §6 S3). Starts at a = logit(p̄), β = 0; stops when both steps are below
     * {@value #FIT_TOLERANCE}, after {@value #FIT_ITERATIONS} iterations, or when the information
     * matrix is singular (all records in one bin); β is held in [−MAX_SLOPE, MAX_SLOPE]. 0 when no
     * slope can be fitted (fewer than two bins, no events or all events). The likelihood is concave,
     * so the fit is unique where it exists; three StrictMath.exp per iteration (bin centres are
     * equally spaced, so e^{−β·r_b} is a running product).
     */
    static double fittedSlope(long[] pooledBins, long[] pooledEventBins) {
        int first = -1;
        int last = -1;
        long cases = 0;
        long events = 0;
        for (int b = 0; b < Registry.BINS; b++) {
            if (pooledBins[b] > 0) {
                if (first < 0) {
                    first = b;
                }
                last = b;
                cases += pooledBins[b];
                events += pooledEventBins[b];
            }
        }
        if (first < 0 || first == last || events <= 0 || events >= cases) {
            return 0.0;
        }
        double pBar = (double) events / cases;
        double a = StrictMath.log(pBar / (1.0 - pBar));
        double beta = 0.0;
        for (int iteration = 0; iteration < FIT_ITERATIONS; iteration++) {
            // e^{−(a + β·r_b)} for the first held bin, then ×q per bin.
            double factor = StrictMath.exp(-a - beta * Registry.binCentre(first));
            double q = StrictMath.exp(-beta * Registry.BIN_WIDTH);
            double g0 = 0.0;
            double g1 = 0.0;
            double h00 = 0.0;
            double h01 = 0.0;
            double h11 = 0.0;
            for (int b = first; b <= last; b++, factor *= q) {
                long n = pooledBins[b];
                if (n == 0) {
                    continue;
                }
                double x = Registry.binCentre(b);
                double p = 1.0 / (1.0 + factor);
                double residual = pooledEventBins[b] - n * p;
                double w = n * p * (1.0 - p);
                g0 += residual;
                g1 += residual * x;
                h00 += w;
                h01 += w * x;
                h11 += w * x * x;
            }
            double det = h00 * h11 - h01 * h01;
            if (!(det > 1e-12 * h00 * h11)) {
                break;
            }
            double da = (h11 * g0 - h01 * g1) / det;
            double dBeta = (h00 * g1 - h01 * g0) / det;
            a += da;
            double next = Math.max(-MAX_SLOPE, Math.min(MAX_SLOPE, beta + dBeta));
            boolean converged = Math.abs(da) < FIT_TOLERANCE && Math.abs(dBeta) < FIT_TOLERANCE;
            boolean pinned = next == beta;
            beta = next;
            if (converged || pinned) {
                break;
            }
        }
        return beta;
    }

    /**
     * A measurement of per-site rates that are not the registry's adverse-event rates (MODEL.md §6
     * S3p: a process indicator's non-adherence, or the composite of both indicators). Each measured
     * site's {@code rate} stands for RSR, {@code trials} for its number of binomial trials (so its
     * sampling variance is p̄(1 − p̄)/trials, p̄ = {@code pooled}); then τ̂², R, P̂ and the funnel class
     * as {@link #measure}. {@code events} = rate·trials, so the crude rate is the rate.
     */
    static Measurement ofRates(int siteCount, int[] measured, double pooled, double[] rate, double[] trials,
            Settings settings) {
        double[] events = new double[siteCount];
        double[] expected = new double[siteCount];
        for (int j : measured) {
            events[j] = rate[j] * trials[j];
            expected[j] = pooled * trials[j];
        }
        return shrunk(siteCount, measured, pooled, rate, trials, events, expected, settings);
    }

    /**
     * The rest of S3 from each measured site's rate (RSR, or a process rate) and its number of binomial
     * trials: τ̂² (the between-site variance beyond p̄(1 − p̄)/trials), the reliability R, the shrunk
     * rate P̂ˢ and the funnel class. One piece for the outcome measurement and {@link #ofRates}.
     */
    private static Measurement shrunk(int siteCount, int[] measured, double pooled, double[] rate, double[] trials,
            double[] events, double[] expected, Settings settings) {
        double tau2 = 0.0;
        if (measured.length >= 2) {
            double mean = 0.0;
            for (int j : measured) {
                mean += rate[j];
            }
            mean /= measured.length;
            double ss = 0.0;
            double noise = 0.0;
            for (int j : measured) {
                ss += (rate[j] - mean) * (rate[j] - mean);
                noise += pooled * (1.0 - pooled) / trials[j];
            }
            tau2 = Math.max(0.0, ss / (measured.length - 1) - noise / measured.length);
        }
        Measurement result = new Measurement(siteCount, measured, pooled, tau2);
        for (int j : measured) {
            result.cases[j] = trials[j];
            result.events[j] = events[j];
            result.expected[j] = expected[j];
            result.rsr[j] = rate[j];
            double v = pooled * (1.0 - pooled) / trials[j];
            double r = tau2 + v > 0 ? tau2 / (tau2 + v) : 0.0;
            result.reliability[j] = r;
            result.adjusted[j] = r * rate[j] + (1.0 - r) * pooled;
            double se = StrictMath.sqrt(v + tau2);
            double z = se > 0 ? (rate[j] - pooled) / se : 0.0;
            result.funnelZ[j] = z;
            double zStar = settings.zStar();
            if (Double.isNaN(zStar)) {
                result.classes[j] = ReportClass.EXPECTED;
            } else if (z > zStar) {
                result.classes[j] = ReportClass.WORSE;
            } else if (z < -zStar) {
                result.classes[j] = ReportClass.BETTER;
            } else {
                result.classes[j] = ReportClass.EXPECTED;
            }
        }
        return result;
    }

    /**
     * expit(α̂ + ρ·r_b) per bin with α̂ solved by bisection so that pooled expected events equal
     * pooled observed events; null when no α̂ exists (no events, or all events).
     */
    static double[] expectedRateByBin(long[] pooledBins, long totalEvents, double rho) {
        long totalCases = 0;
        for (long c : pooledBins) {
            totalCases += c;
        }
        if (totalEvents <= 0 || totalEvents >= totalCases) {
            return null;
        }
        // σ(a + ρ·r_b) = 1 / (1 + e^{−a}·k_b) with k_b = e^{−ρ·r_b} (tabulated once for the three ρ
        // of the design's risk adjustment): one StrictMath.exp per bisection step instead of one per
        // bin (MODEL.md §6 S3).
        double[] k = binFactors(rho);
        // The bins holding records, ascending, with their counts: each step sums the same terms in
        // the same order as a pass over all 64 bins that skips the empty ones.
        int[] held = new int[Registry.BINS];
        double[] count = new double[Registry.BINS];
        int bins = 0;
        for (int b = 0; b < Registry.BINS; b++) {
            if (pooledBins[b] > 0) {
                held[bins] = b;
                count[bins++] = pooledBins[b];
            }
        }
        double lo = -30.0;
        double hi = 30.0;
        for (int iteration = 0; iteration < 200 && hi - lo > 1e-12; iteration++) {
            double mid = 0.5 * (lo + hi);
            double em = StrictMath.exp(-mid);
            double e = 0.0;
            for (int i = 0; i < bins; i++) {
                e += count[i] / (1.0 + em * k[held[i]]);
            }
            if (e < totalEvents) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double ea = StrictMath.exp(-0.5 * (lo + hi));
        double[] rate = new double[Registry.BINS];
        for (int b = 0; b < Registry.BINS; b++) {
            rate[b] = 1.0 / (1.0 + ea * k[b]);
        }
        return rate;
    }

    /** The ρ of the three risk adjustments, whose bin factors are tabulated. */
    private static final double[] TABULATED_RHO = {1.0, 0.5, 0.0};
    private static final double[][] BIN_FACTORS = new double[TABULATED_RHO.length][];

    static {
        for (int i = 0; i < TABULATED_RHO.length; i++) {
            BIN_FACTORS[i] = computeBinFactors(TABULATED_RHO[i]);
        }
    }

    /** k_b = e^{−ρ·r_b} per bin (shared, never written), from the table for the design's ρ. */
    static double[] binFactors(double rho) {
        for (int i = 0; i < TABULATED_RHO.length; i++) {
            if (rho == TABULATED_RHO[i]) {
                return BIN_FACTORS[i];
            }
        }
        return computeBinFactors(rho);
    }

    private static double[] computeBinFactors(double rho) {
        double[] k = new double[Registry.BINS];
        for (int b = 0; b < Registry.BINS; b++) {
            k[b] = StrictMath.exp(-rho * Registry.binCentre(b));
        }
        return k;
    }

    /**
     * Sites ranked by a value, ascending (rank 1 = lowest rate = best), ties by site index
     * (MODEL.md §1 rule 5).
     */
    static int[] rankAscending(int[] sites, double[] value) {
        Integer[] order = new Integer[sites.length];
        for (int k = 0; k < sites.length; k++) {
            order[k] = sites[k];
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(value[a], value[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] ranked = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            ranked[k] = order[k];
        }
        return ranked;
    }

    /** Size of a quintile, decile or other share of n ranked sites: max(1, round(share·n)). */
    static int shareOf(int n, double share) {
        if (n == 0 || share <= 0) {
            return 0;
        }
        return Math.min(n, Math.max(1, (int) Math.round(share * n)));
    }
}
