package org.qicsim.patterns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qicsim.model.ArmTrace;
import org.qicsim.model.Logistic;
import org.qicsim.model.Observed;
import org.qicsim.model.RunResult;

/**
 * The per-run statistics a pattern file may name: every metric of runs.csv (docs/MODEL.md §9) and
 * the derived quantities of the published patterns below. Each maps one run to one number.
 */
public final class RunStatistics {
    private static final int MEASURED_RATE = 2;
    private static final int PRACTICE_DIVERSITY = 14;

    /** One number from one run; {@code startMonth} is the run scenario's launch month. */
    @FunctionalInterface
    public interface Statistic {
        double of(RunResult run, int startMonth);
    }

    private static final Map<String, Statistic> DERIVED = new LinkedHashMap<>();

    static {
        DERIVED.put("logOddsVsCounterfactual",
                (r, s) -> Logistic.logit(r.metric("finalRate")) - Logistic.logit(r.metric("cfFinalRate")));
        DERIVED.put("complianceGainMonth12", (r, s) -> complianceGain(r, s + 12, null));
        DERIVED.put("complianceGainLowMinusHighTercile", RunStatistics::tercileContrast);
        DERIVED.put("rangeRatioFirstCycle", (r, s) -> rangeRatio(r.factual().firstCycleMeasurement()));
        DERIVED.put("bestQuintileReclassified", (r, s) -> reclassified(r.factual().firstCycleMeasurement()));
        DERIVED.put("worstQuintileDevRatio", (r, s) -> worstQuintile(r)[0]);
        DERIVED.put("worstQuintileReliability", (r, s) -> worstQuintile(r)[1]);
        DERIVED.put("baselineMeanReliability", (r, s) -> r.factual().baselineObservation().meanReliability());
        DERIVED.put("processedReports", (r, s) -> r.factual().processedReports());
        DERIVED.put("practiceDiversityLastMonth", (r, s) -> r.timeseriesRow(r.months() - 1)[PRACTICE_DIVERSITY]);
        DERIVED.put("measuredRateLastMonth", (r, s) -> r.timeseriesRow(r.months() - 1)[MEASURED_RATE]);
    }

    private RunStatistics() {
    }

    /** Every valid name: the metrics of runs.csv, then the derived statistics. */
    public static List<String> names() {
        List<String> all = new ArrayList<>(RunResult.METRICS);
        all.addAll(DERIVED.keySet());
        return all;
    }

    /** The statistic called {@code name}. */
    public static Statistic of(String name) {
        Statistic derived = DERIVED.get(name);
        if (derived != null) {
            return derived;
        }
        if (!RunResult.METRICS.contains(name)) {
            throw new IllegalArgumentException("no run statistic " + name);
        }
        return (r, s) -> r.metric(name);
    }

    /** Mean over sites (a subset, or all when null) of compliance at month t minus the counterfactual's. */
    public static double complianceGain(RunResult run, int t, int[] sites) {
        ArmTrace f = run.factual();
        ArmTrace c = run.counterfactual();
        double sum = 0;
        int n = 0;
        for (int k = 0; k < (sites == null ? f.sites() : sites.length); k++) {
            int j = sites == null ? k : sites[k];
            double g = f.compliance(t, j) - c.compliance(t, j);
            if (!Double.isNaN(g)) {
                sum += g;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Gain at collaborative month 12 in the lowest minus the highest baseline-compliance tercile. */
    static double tercileContrast(RunResult run, int start) {
        ArmTrace f = run.factual();
        Integer[] order = new Integer[f.sites()];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> {
            double x = f.compliance(start - 1, a);
            double y = f.compliance(start - 1, b);
            int c = Double.compare(Double.isNaN(x) ? Double.MAX_VALUE : x, Double.isNaN(y) ? Double.MAX_VALUE : y);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int third = order.length / 3;
        int[] low = new int[third];
        int[] high = new int[third];
        for (int i = 0; i < third; i++) {
            low[i] = order[i];
            high[i] = order[order.length - third + i];
        }
        return complianceGain(run, start + 12, low) - complianceGain(run, start + 12, high);
    }

    /** (P95 − P5) of reliability-adjusted over raw rates across measured sites (type-7 quantiles). */
    public static double rangeRatio(Observed m) {
        double[] raw = measured(m.rsr());
        double[] adjusted = measured(m.adjusted());
        return (Quantiles.type7(adjusted, 0.95) - Quantiles.type7(adjusted, 0.05))
                / (Quantiles.type7(raw, 0.95) - Quantiles.type7(raw, 0.05));
    }

    /** Share of the raw best quintile (lowest RSR) that is not in the best quintile of P̂. */
    public static double reclassified(Observed m) {
        Integer[] sites = measuredSites(m.rsr());
        int quintile = Math.max(1, (int) Math.round(0.2 * sites.length));
        List<Integer> bestRaw = best(sites, m.rsr(), quintile);
        List<Integer> bestAdjusted = best(sites, m.adjusted(), quintile);
        long moved = bestRaw.stream().filter(j -> !bestAdjusted.contains(j)).count();
        return (double) moved / quintile;
    }

    /**
     * P4 for the baseline's worst quintile by dev_j = RSR_j/p̄ − 1 (sites measured in both years):
     * [0] mean year-2 dev over mean baseline dev; [1] their R_j weighted by baseline dev.
     */
    static double[] worstQuintile(RunResult run) {
        Observed base = run.factual().baselineObservation();
        Observed year2 = run.factual().yearObservation(2);
        Integer[] sites = measuredSites(base.rsr());
        double[] badness = new double[base.rsr().length];
        for (int j : sites) {
            badness[j] = -(base.rsr()[j] / base.pooledRate() - 1);
        }
        int quintile = Math.max(1, (int) Math.round(0.2 * sites.length));
        double before = 0;
        double after = 0;
        double weighted = 0;
        for (int j : best(sites, badness, quintile)) {
            if (!Double.isNaN(year2.rsr()[j])) {
                double dev = base.rsr()[j] / base.pooledRate() - 1;
                before += dev;
                after += year2.rsr()[j] / year2.pooledRate() - 1;
                weighted += base.reliability()[j] * dev;
            }
        }
        return new double[] {after / before, weighted / before};
    }

    private static List<Integer> best(Integer[] sites, double[] value, int count) {
        Integer[] order = sites.clone();
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(value[a], value[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        return Arrays.asList(order).subList(0, count);
    }

    private static Integer[] measuredSites(double[] v) {
        List<Integer> out = new ArrayList<>();
        for (int j = 0; j < v.length; j++) {
            if (!Double.isNaN(v[j])) {
                out.add(j);
            }
        }
        return out.toArray(new Integer[0]);
    }

    private static double[] measured(double[] v) {
        return Arrays.stream(v).filter(x -> !Double.isNaN(x)).sorted().toArray();
    }
}
