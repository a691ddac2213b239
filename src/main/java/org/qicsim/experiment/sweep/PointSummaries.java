package org.qicsim.experiment.sweep;

import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.qicsim.analysis.Estimate;
import org.qicsim.analysis.Estimates;
import org.qicsim.analysis.RatioEstimate;
import org.qicsim.experiment.DesignSummary;
import org.qicsim.experiment.ExperimentSession;
import org.qicsim.experiment.RunStore;
import org.qicsim.experiment.StopSignal;
import org.qicsim.model.RunResult;

/**
 * The {@code points} table: for every point and summarised metric the mean, SD, t-based 95% CI
 * and n over its replicates (all of them, or those adaptive replication ran), and the cost per event averted as the ratio of means with its
 * bootstrap interval — the numbers {@code run} puts in {@code summary.json}, computed the same way
 * ({@link Estimates}, {@link DesignSummary#costPerEventAverted}). They are computed from the stored
 * rows, never while runs arrive, so an interrupted and resumed sweep gets the same numbers as an
 * uninterrupted one: values are placed by (point, replicate) and summed in replicate order, however
 * the rows were stored. Points are read in windows of at most {@link #WINDOW_VALUES} values, which
 * bounds memory whatever the number of runs.
 */
final class PointSummaries {
    /** Values (doubles) held at once. */
    static final long WINDOW_VALUES = 4L << 20;

    private static final int EVENTS_AVERTED = RunResult.METRICS.indexOf("eventsAverted");
    private static final int EVENTS_AVERTED_DISCOUNTED = RunResult.METRICS.indexOf("eventsAvertedDiscounted");
    private static final int COST_TOTAL = RunResult.METRICS.indexOf("costTotal");

    private PointSummaries() {
    }

    /**
     * Writes the points table and returns each summarised metric's mean (the ratio, for the cost
     * per event averted) by point: {@code means[k][point − 1]} for the k-th metric of the outputs.
     */
    static double[][] write(SweepPlan plan, ExperimentSession store, StopSignal stop) throws IOException, InterruptedException {
        List<String> summarised = plan.experiment().outputs().metrics();
        int points = plan.points();
        int reps = plan.replications();
        int m = RunResult.METRICS.size();
        int window = (int) Math.max(1, Math.min(points, WINDOW_VALUES / ((long) reps * m)));
        double[][] means = new double[summarised.size()][points];
        long masterSeed = plan.experiment().masterSeed();
        try (RunStore.PointRows out = store.points()) {
            for (int from = 1; from <= points; from += window) {
                if (stop.isRequested()) {
                    throw new InterruptedException("stopped while summarising points; resume to finish");
                }
                int to = Math.min(points + 1, from + window);
                double[][][] values = new double[to - from][m][reps];
                BitSet seen = new BitSet();
                int first = from;
                store.readRuns(from, to, (point, replicate, metrics) -> {
                    int slot = (point - first) * reps + replicate;
                    if (seen.get(slot)) {
                        throw new IOException("run (point " + point + ", replicate " + replicate + ") is stored twice");
                    }
                    seen.set(slot);
                    for (int i = 0; i < m; i++) {
                        values[point - first][i][replicate] = metrics[i];
                    }
                });
                for (int point = from; point < to; point++) {
                    // Replicates 0 … n − 1: all of them, or as many as adaptive replication ran.
                    int n = plan.plannedReplicates(point);
                    int slot = (point - from) * reps;
                    if (seen.get(slot, slot + reps).cardinality() != n || seen.get(slot, slot + n).cardinality() != n) {
                        throw new IllegalStateException("point " + point + " has " + seen.get(slot, slot + reps)
                                .cardinality() + " stored runs, not replicates 0 to " + (n - 1));
                    }
                    double[][] v = new double[m][];
                    for (int i = 0; i < m; i++) {
                        v[i] = n == reps ? values[point - from][i] : Arrays.copyOf(values[point - from][i], n);
                    }
                    for (int k = 0; k < summarised.size(); k++) {
                        String metric = summarised.get(k);
                        if (metric.equals(SweepOutputs.COST_PER_EVENT_AVERTED)) {
                            RatioEstimate r = DesignSummary.costPerEventAverted(Estimates.of(v[EVENTS_AVERTED]),
                                    v[COST_TOTAL], v[EVENTS_AVERTED_DISCOUNTED], masterSeed, point);
                            means[k][point - 1] = r == null ? Double.NaN : r.ratio();
                            out.row(point, metric, means[k][point - 1], Double.NaN,
                                    r == null ? Double.NaN : r.ciLow(), r == null ? Double.NaN : r.ciHigh(), null);
                        } else {
                            Estimate e = Estimates.of(v[RunResult.METRICS.indexOf(metric)]);
                            means[k][point - 1] = e.mean();
                            out.row(point, metric, e.mean(), e.sd(), e.ciLow(), e.ciHigh(), e.n());
                        }
                    }
                }
            }
        }
        return means;
    }
}
