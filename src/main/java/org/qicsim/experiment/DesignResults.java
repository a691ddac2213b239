package org.qicsim.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.qicsim.model.RunResult;

/**
 * The per-replicate metrics of one design (MODEL.md §9 runs.csv), held as one array per metric in
 * replicate order so that paired differences line up replicate by replicate. Small: a number per
 * metric per replicate.
 */
public final class DesignResults {
    private final DesignSpec design;
    private final Map<String, double[]> values = new LinkedHashMap<>();

    public DesignResults(DesignSpec design, int replications) {
        this.design = design;
        for (String metric : RunResult.METRICS) {
            double[] v = new double[replications];
            java.util.Arrays.fill(v, Double.NaN);
            values.put(metric, v);
        }
    }

    public DesignSpec design() {
        return design;
    }

    void add(int replicate, RunResult result) {
        for (Map.Entry<String, Double> m : result.metrics().entrySet()) {
            values.get(m.getKey())[replicate] = m.getValue();
        }
    }

    /** A stored run's metrics, in {@link RunResult#METRICS} order (a resumed folder's rows). */
    void addStored(int replicate, double[] metrics) {
        int i = 0;
        for (double[] v : values.values()) {
            v[replicate] = metrics[i++];
        }
    }

    /** The metric's values by replicate (a copy). */
    public double[] values(String metric) {
        double[] v = values.get(metric);
        if (v == null) {
            throw new IllegalArgumentException("no metric " + metric);
        }
        return v.clone();
    }

    public int replications() {
        return values.get(RunResult.METRICS.get(0)).length;
    }
}
