package org.qicsim.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.qicsim.analysis.Estimate;
import org.qicsim.analysis.Estimates;
import org.qicsim.experiment.DesignSpec;
import org.qicsim.model.RunResult;

/**
 * One design submitted in a round (or the round's no-collaborative reference): its levers, planned
 * cost, status and, as runs finish, its results by replicate. Thread-safe: runs finish on pool
 * threads while pages read the entry.
 */
final class Entry {

    enum Status { QUEUED, RUNNING, DONE, FAILED }

    private final Participant participant;
    private final DesignSpec design;
    private final Map<String, Object> levers;
    private final double plannedCost;
    private final RunResult[] results;
    private Status status = Status.QUEUED;
    private int done;
    private String failure;

    Entry(Participant participant, DesignSpec design, Map<String, Object> levers, double plannedCost, int replicates) {
        this.participant = participant;
        this.design = design;
        // Nullable levers (a target of none) hold null, which Map.copyOf refuses.
        this.levers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(levers));
        this.plannedCost = plannedCost;
        this.results = new RunResult[replicates];
    }

    /** Null for the reference. */
    Participant participant() {
        return participant;
    }

    DesignSpec design() {
        return design;
    }

    Map<String, Object> levers() {
        return levers;
    }

    double plannedCost() {
        return plannedCost;
    }

    synchronized Status status() {
        return status;
    }

    synchronized void running() {
        if (status == Status.QUEUED) {
            status = Status.RUNNING;
        }
    }

    synchronized void add(int replicate, RunResult result) {
        results[replicate] = result;
        done++;
        if (done == results.length) {
            status = Status.DONE;
        }
    }

    synchronized void failed(String message) {
        status = Status.FAILED;
        failure = message;
    }

    synchronized String failure() {
        return failure;
    }

    synchronized int runsDone() {
        return done;
    }

    int replicates() {
        return results.length;
    }

    synchronized boolean pending() {
        return status == Status.QUEUED || status == Status.RUNNING;
    }

    /** The results by replicate, once done. */
    synchronized List<RunResult> results() {
        if (status != Status.DONE) {
            throw new IllegalStateException("entry not done");
        }
        return List.of(results);
    }

    /** A metric's estimate over the replicates finished so far (all of them once done). */
    synchronized Estimate estimate(String metric) {
        double[] v = new double[done];
        int i = 0;
        for (RunResult r : results) {
            if (r != null) {
                v[i++] = r.metric(metric);
            }
        }
        return v.length == 0 ? Estimate.EMPTY : Estimates.of(v);
    }

    /**
     * The mean monthly adverse-event rate of the factual arm (or, {@code counterfactual}, of the
     * no-collaborative arm) over the finished replicates; empty before the first.
     */
    synchronized List<Double> trajectory(boolean counterfactual) {
        List<Double> out = new ArrayList<>();
        if (done == 0) {
            return out;
        }
        int months = -1;
        for (RunResult r : results) {
            if (r != null) {
                months = r.months();
                break;
            }
        }
        double[] sum = new double[months];
        for (RunResult r : results) {
            if (r == null) {
                continue;
            }
            var arm = counterfactual ? r.counterfactual() : r.factual();
            for (int t = 0; t < months; t++) {
                sum[t] += arm.events(t) / arm.cases(t);
            }
        }
        for (double s : sum) {
            out.add(s / done);
        }
        return out;
    }

    @Override
    public synchronized String toString() {
        return design.name() + " " + status + " " + done + "/" + results.length;
    }
}
