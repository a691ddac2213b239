package org.qicsim.experiment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.qicsim.model.RunResult;

/**
 * Designs × replicates under one master seed: every design uses replicates 0..n−1 with the same run
 * seeds (common random numbers, MODEL.md §7), so designs are paired and designs with the same world
 * share one counterfactual per replicate. Runs are ordered replicate-major so a shared counterfactual
 * is used while it is fresh and then dropped.
 */
public final class Experiment {
    private final List<DesignSpec> designs;
    private final long masterSeed;
    private final int replications;

    public Experiment(List<DesignSpec> designs, long masterSeed, int replications) {
        if (designs.isEmpty()) {
            throw new IllegalArgumentException("an experiment needs at least one design");
        }
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be >= 1, was " + replications);
        }
        this.designs = List.copyOf(designs);
        this.masterSeed = masterSeed;
        this.replications = replications;
    }

    public List<DesignSpec> designs() {
        return designs;
    }

    public long masterSeed() {
        return masterSeed;
    }

    public int replications() {
        return replications;
    }

    /** Every run, replicate-major, designs in order within a replicate. */
    public List<RunSpec> runs() {
        List<RunSpec> runs = new ArrayList<>(designs.size() * replications);
        for (int r = 0; r < replications; r++) {
            long seed = Seeds.runSeed(masterSeed, r);
            for (DesignSpec d : designs) {
                runs.add(new RunSpec(d, r, seed));
            }
        }
        return runs;
    }

    /** Counterfactual arms needed: one per distinct world per replicate. */
    public long counterfactualsNeeded() {
        Set<String> worlds = new LinkedHashSet<>();
        for (DesignSpec d : designs) {
            worlds.add(d.scenario().worldSha256());
        }
        return (long) worlds.size() * replications;
    }

    /**
     * Runs everything; each result goes to {@code sink} in run order as it completes, and the
     * per-design metrics are returned for summaries.
     */
    public List<DesignResults> execute(RunExecutor executor, RunExecutor.Sink sink)
            throws InterruptedException, IOException {
        return execute(executor, sink, new StopSignal());
    }

    /**
     * As {@link #execute(RunExecutor, RunExecutor.Sink)}, stopping early when {@code stop} is
     * requested: no run is started after the request, the runs in flight are finished and handed to
     * the sink, and then an {@link InterruptedException} says how far it got.
     */
    public List<DesignResults> execute(RunExecutor executor, RunExecutor.Sink sink, StopSignal stop)
            throws InterruptedException, IOException {
        List<RunSpec> runs = runs();
        List<DesignResults> results = new ArrayList<>();
        for (DesignSpec d : designs) {
            results.add(new DesignResults(d, replications));
        }
        CounterfactualCache cache = new CounterfactualCache(runs);
        Iterator<RunSpec> all = runs.iterator();
        Iterator<RunSpec> untilStopped = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !stop.isRequested() && all.hasNext();
            }

            @Override
            public RunSpec next() {
                return all.next();
            }
        };
        int[] done = new int[1];
        executor.execute(untilStopped, cache, (run, result) -> {
            results.get(designs.indexOf(run.design())).add(run.replicate(), result);
            sink.accept(run, result);
            done[0]++;
        });
        if (done[0] < runs.size()) {
            throw new InterruptedException(done[0] + " of " + runs.size() + " runs finished and written");
        }
        return results;
    }

    /** Convenience for in-process use (tests, notebooks): all results in run order. */
    public List<RunResult> executeAll(RunExecutor executor) throws InterruptedException, IOException {
        List<RunResult> all = new ArrayList<>();
        execute(executor, (run, result) -> all.add(result));
        return all;
    }
}
