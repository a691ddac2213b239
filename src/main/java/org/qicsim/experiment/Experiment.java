package org.qicsim.experiment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.qicsim.model.RunResult;
import org.qicsim.scenario.ResolvedScenario;

/**
 * Designs × replicates under one master seed: every design uses replicates 0..n−1 with the same run
 * seeds (common random numbers, MODEL.md §7), so designs are paired and designs with the same world
 * share one counterfactual per replicate. Runs are ordered replicate-major so a shared counterfactual
 * is used while it is fresh and then dropped. As a {@link RunPlan} its runs are numbered by design
 * point (which must be consecutive: 0 for {@code run}, 1..n for {@code compare}) and replicate.
 */
public final class Experiment implements RunPlan {
    private final List<DesignSpec> designs;
    private final long masterSeed;
    private final int replications;
    /** Per design, the scenario each replicate runs (a parameter draw applied), or null: the design's own. */
    private final List<List<ResolvedScenario>> replicateScenarios;
    private List<RunSpec> runs;

    public Experiment(List<DesignSpec> designs, long masterSeed, int replications) {
        this(designs, masterSeed, replications, null);
    }

    /**
     * An experiment whose replicate r of design d runs {@code replicateScenarios.get(d).get(r)}
     * instead of the design's scenario: how a posterior sample ({@code --parameters}) gives each
     * replicate its own parameter draw, the same draw for every design at that replicate, so that
     * differences stay paired draw by draw.
     *
     * @param replicateScenarios one list of {@code replications} scenarios per design, or null
     */
    public Experiment(List<DesignSpec> designs, long masterSeed, int replications,
            List<List<ResolvedScenario>> replicateScenarios) {
        if (designs.isEmpty()) {
            throw new IllegalArgumentException("an experiment needs at least one design");
        }
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be >= 1, was " + replications);
        }
        this.designs = List.copyOf(designs);
        this.masterSeed = masterSeed;
        this.replications = replications;
        if (replicateScenarios != null) {
            if (replicateScenarios.size() != designs.size()) {
                throw new IllegalArgumentException("one list of replicate scenarios per design is needed");
            }
            List<List<ResolvedScenario>> copy = new ArrayList<>();
            for (List<ResolvedScenario> l : replicateScenarios) {
                if (l.size() != replications) {
                    throw new IllegalArgumentException("one scenario per replicate is needed, got " + l.size());
                }
                copy.add(List.copyOf(l));
            }
            this.replicateScenarios = List.copyOf(copy);
        } else {
            this.replicateScenarios = null;
        }
    }

    /** Whether replicates run parameter draws (see the four-argument constructor). */
    public boolean hasReplicateScenarios() {
        return replicateScenarios != null;
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
        if (runs != null) {
            return runs;
        }
        List<RunSpec> all = new ArrayList<>(designs.size() * replications);
        for (int r = 0; r < replications; r++) {
            long seed = Seeds.runSeed(masterSeed, r);
            for (int k = 0; k < designs.size(); k++) {
                DesignSpec d = designs.get(k);
                all.add(replicateScenarios == null ? new RunSpec(d, r, seed)
                        : new RunSpec(d, r, seed, replicateScenarios.get(k).get(r)));
            }
        }
        runs = List.copyOf(all);
        return runs;
    }

    /** Counterfactual arms needed: one per distinct world per replicate. */
    public long counterfactualsNeeded() {
        Set<CounterfactualCache.Key> keys = new LinkedHashSet<>();
        for (RunSpec run : runs()) {
            keys.add(run.counterfactualKey());
        }
        return keys.size();
    }

    /**
     * Runs everything in memory (patterns, tests); each result goes to {@code sink} in run order as
     * it completes, and the per-design metrics are returned for summaries. (A results folder is
     * written through an {@link ExperimentSession} instead, which stores, stops and resumes.)
     */
    public List<DesignResults> execute(RunExecutor executor, RunExecutor.Sink sink)
            throws InterruptedException, IOException {
        List<DesignResults> results = new ArrayList<>();
        for (DesignSpec d : designs) {
            results.add(new DesignResults(d, replications));
        }
        CounterfactualCache cache = new CounterfactualCache();
        executor.execute(pending(new BitSet(), cache, new StopSignal()), cache, (run, result) -> {
            results.get(designs.indexOf(run.design())).add(run.replicate(), result);
            sink.accept(run, result);
        });
        return results;
    }

    @Override
    public RunIndex runIndex() {
        int first = designs.get(0).point();
        for (int k = 0; k < designs.size(); k++) {
            if (designs.get(k).point() != first + k) {
                throw new IllegalStateException("design points must be consecutive to be stored, were not at design "
                        + designs.get(k).name());
            }
        }
        return new RunIndex(first, designs.size(), replications);
    }

    @Override
    public boolean planned(int point, int replicate) {
        return runIndex().contains(point, replicate);
    }

    @Override
    public long plannedCount() {
        return runs().size();
    }

    /** The runs not stored, replicate-major; every counterfactual use is announced at once (few runs). */
    @Override
    public Iterator<RunSpec> pending(BitSet stored, CounterfactualCache cache, StopSignal stop) {
        RunIndex index = stored.isEmpty() ? null : runIndex();
        List<RunSpec> todo = new ArrayList<>();
        for (RunSpec run : runs()) {
            if (index == null || !stored.get(index.index(run.design().point(), run.replicate()))) {
                todo.add(run);
                cache.expect(run.counterfactualKey(), 1);
            }
        }
        Iterator<RunSpec> all = todo.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !stop.isRequested() && all.hasNext();
            }

            @Override
            public RunSpec next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return all.next();
            }
        };
    }

    /** Convenience for in-process use (tests, notebooks): all results in run order. */
    public List<RunResult> executeAll(RunExecutor executor) throws InterruptedException, IOException {
        List<RunResult> all = new ArrayList<>();
        execute(executor, (run, result) -> all.add(result));
        return all;
    }
}
