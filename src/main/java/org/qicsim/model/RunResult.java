package org.qicsim.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qicsim.scenario.Scenario;

/**
 * The outputs of one run (MODEL.md §9) from its two arms: the monthly time series, the per-run
 * metrics and the per-site rows. Events averted and costs are arm differences over months ≥
 * startMonth; the counterfactual arm contributes true-rate quantities only. The metrics that one
 * arm's mechanisms count are read through the named {@link Reporter}s, pulled when the arm's run
 * ended.
 */
public final class RunResult {
    /** Columns of timeseries.csv after the identity columns, in order. */
    public static final List<String> TIMESERIES_COLUMNS = List.of("trueRate", "cfTrueRate", "measuredRate",
            "compliance", "betweenSiteSd", "measuredBetweenSiteSd", "members", "meanEffort", "meanIntrinsic",
            "meanTrust", "meanSafety", "gamingSites", "championCoverage", "tieDensity", "practiceDiversity",
            "processAdherence", "documentedAdherence");

    /** Per-run metrics of runs.csv and summary.json, in order. */
    public static final List<String> METRICS = List.of("baselineRate", "finalRate", "cfFinalRate",
            "relativeReduction", "relativeEffect", "eventsAverted", "eventsAvertedDiscounted", "eventsAvertedPer1000",
            "siteImprovedShare", "siteImprovedShareMeasured", "pdPrecision", "codeAccuracy", "harmfulImitationShare",
            "imitations", "responseShares.learn", "responseShares.lower", "responseShares.reject",
            "responseShares.withdraw", "responseShares.maintain", "retention", "gamingGap", "gamingGapPooled",
            "incentivePaidToNoise", "costPayer", "costSite", "costTotal", "netSavings");

    /** Columns of sites.csv after the identity columns and {@code site}, in order. */
    public static final List<String> SITE_COLUMNS = List.of("region", "volume", "champion", "member", "leftMonth",
            "baselineTrueRate", "finalTrueRate", "baselineMeasuredRate", "finalMeasuredRate", "reliability",
            "payments", "gamingEver");

    private final Scenario scenario;
    private final ArmTrace factual;
    private final ArmTrace counterfactual;
    private final Map<String, Double> metrics;

    public RunResult(Scenario scenario, ArmTrace factual, ArmTrace counterfactual) {
        this.scenario = scenario;
        this.factual = factual;
        this.counterfactual = counterfactual;
        this.metrics = Collections.unmodifiableMap(computeMetrics());
    }

    public ArmTrace factual() {
        return factual;
    }

    public ArmTrace counterfactual() {
        return counterfactual;
    }

    /** Metric values by name in {@link #METRICS} order; NaN where a metric is undefined (missing). */
    public Map<String, Double> metrics() {
        return metrics;
    }

    public double metric(String name) {
        Double v = metrics.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no metric " + name);
        }
        return v;
    }

    public int months() {
        return factual.months;
    }

    /** One row of timeseries.csv (values in {@link #TIMESERIES_COLUMNS} order) for month t. */
    public double[] timeseriesRow(int t) {
        ArmTrace f = factual;
        return new double[] {
            f.events[t] / f.cases[t],
            counterfactual.events[t] / counterfactual.cases[t],
            f.measuredRate[t],
            f.meanCompliance(t),
            sd(f.trsr[t]),
            f.measuredBetweenSiteSd[t],
            f.members[t],
            f.meanEffort[t],
            f.meanIntrinsic[t],
            f.meanTrust[t],
            f.meanSafety[t],
            f.gamingSites[t],
            f.championCoverage[t],
            f.tieDensity[t],
            f.practiceDiversity[t],
            f.processAdherence[t],
            f.documentedAdherence[t]
        };
    }

    /** One row of sites.csv; cells in {@link #SITE_COLUMNS} order (null for missing). */
    public Object[] siteRow(int j) {
        ArmTrace f = factual;
        int start = scenario.startMonth();
        int last = scenario.horizonMonths() - 12;
        return new Object[] {
            f.region[j] < 0 ? null : f.region[j],
            f.volume[j],
            f.championFilled[j],
            f.member[j],
            f.leftMonth[j] < 0 ? null : f.leftMonth[j],
            meanTrsr(f, j, start - 12, start),
            meanTrsr(f, j, last, scenario.horizonMonths()),
            f.baseline == null ? null : f.baseline.adjusted()[j],
            f.last == null ? null : f.last.adjusted()[j],
            f.last == null ? null : f.last.reliability()[j],
            f.payments[j],
            f.gamingEver[j]
        };
    }

    private Map<String, Double> computeMetrics() {
        ArmTrace f = factual;
        ArmTrace cf = counterfactual;
        int start = scenario.startMonth();
        int horizon = scenario.horizonMonths();
        Map<String, Double> m = new LinkedHashMap<>();
        double baseline = pooled(f, start - 12, start);
        double finalRate = pooled(f, horizon - 12, horizon);
        double cfFinal = pooled(cf, horizon - 12, horizon);
        double averted = 0;
        double avertedDiscounted = 0;
        double cases = 0;
        double effortCost = 0;
        double rate = scenario.costs().discountRatePerYear();
        for (int t = start; t < horizon; t++) {
            double discount = Calendar.discount(t, start, rate);
            averted += cf.events[t] - f.events[t];
            avertedDiscounted += discount * (cf.events[t] - f.events[t]);
            cases += f.cases[t];
            double extra = 0;
            for (int j = 0; j < f.sites; j++) {
                extra += f.effort[t][j] - cf.effort[t][j];
            }
            effortCost += discount * scenario.costs().effortPerSiteMonth() * extra;
        }
        m.put("baselineRate", baseline);
        m.put("finalRate", finalRate);
        m.put("cfFinalRate", cfFinal);
        m.put("relativeReduction", 1.0 - finalRate / baseline);
        m.put("relativeEffect", 1.0 - finalRate / cfFinal);
        m.put("eventsAverted", averted);
        m.put("eventsAvertedDiscounted", avertedDiscounted);
        m.put("eventsAvertedPer1000", cases > 0 ? 1000.0 * averted / cases : Double.NaN);
        m.put("siteImprovedShare", siteImprovedShare(f, start, horizon));
        m.put("siteImprovedShareMeasured", siteImprovedShareMeasured(f));
        // pdPrecision … costPayer: what the collaborative arm's mechanisms counted, by named reporter.
        for (Reporter r : Reporter.METRICS) {
            m.put(r.metric(), f.reported(r));
        }
        double payerCost = f.reported(Reporter.COST_PAYER);
        double siteCost = f.reported(Reporter.SITE_COST_BOOKED) + effortCost;
        m.put("costSite", siteCost);
        m.put("costTotal", payerCost + siteCost);
        m.put("netSavings", avertedDiscounted * scenario.costs().perAdverseEvent() - (payerCost + siteCost));
        return m;
    }

    /** Σ expected events / Σ cases over months [from, to). */
    static double pooled(ArmTrace a, int from, int to) {
        double events = 0;
        double cases = 0;
        for (int t = Math.max(0, from); t < to; t++) {
            events += a.events[t];
            cases += a.cases[t];
        }
        return cases > 0 ? events / cases : Double.NaN;
    }

    static double meanTrsr(ArmTrace a, int j, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int t = Math.max(0, from); t < to; t++) {
            sum += a.trsr[t][j];
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The collaborative's sites: members at the launch, or every site when it never ran. */
    private static boolean[] cohort(ArmTrace f) {
        boolean[] in = new boolean[f.sites];
        for (int j = 0; j < f.sites; j++) {
            in[j] = f.launched ? f.memberAtStart[j] : true;
        }
        return in;
    }

    /** Share of the cohort whose mean TRSR in the last 12 months is below that in collaborative year 1. */
    private static double siteImprovedShare(ArmTrace f, int start, int horizon) {
        boolean[] cohort = cohort(f);
        int n = 0;
        int improved = 0;
        for (int j = 0; j < f.sites; j++) {
            if (cohort[j]) {
                n++;
                if (meanTrsr(f, j, horizon - 12, horizon) < meanTrsr(f, j, start, start + 12)) {
                    improved++;
                }
            }
        }
        return n == 0 ? Double.NaN : (double) improved / n;
    }

    /** The same on the observation's reliability-adjusted P̂: last 12 months against collaborative year 1. */
    private static double siteImprovedShareMeasured(ArmTrace f) {
        Observed first = f.yearObservation(1);
        Observed last = f.last;
        if (first == null || last == null) {
            return Double.NaN;
        }
        boolean[] cohort = cohort(f);
        int n = 0;
        int improved = 0;
        for (int j = 0; j < f.sites; j++) {
            double a = first.adjusted()[j];
            double b = last.adjusted()[j];
            if (cohort[j] && !Double.isNaN(a) && !Double.isNaN(b)) {
                n++;
                if (b < a) {
                    improved++;
                }
            }
        }
        return n == 0 ? Double.NaN : (double) improved / n;
    }

    static double meanIgnoringNaN(double[] v) {
        double sum = 0;
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                sum += x;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    static double sd(double[] v) {
        int n = v.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= n;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return StrictMath.sqrt(ss / (n - 1));
    }
}
