package org.qicsim.experiment;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.qicsim.model.Run;

/**
 * Counterfactual arms shared by designs with the same world (MODEL.md §3: designs with the same
 * canonical world are paired and share one counterfactual per replicate). Each (world, replicate,
 * run seed) is computed once, by the first run that needs it, while the others wait; it is dropped
 * as soon as the last run that needs it has taken it, so memory stays bounded however many runs
 * there are.
 *
 * <p>Uses are either all known up front ({@link #CounterfactualCache(Iterable)}) or announced as
 * work is planned ({@link #expect}), always before the runs that use them start: a sweep announces
 * each stretch of runs just before it hands them to the executor, so it never lists every run.
 */
public final class CounterfactualCache {
    /**
     * A world (SHA-256 of its canonical form) at a replicate, under the run seed of that replicate.
     * Under common random numbers the seed follows from the replicate; without them (a sweep with
     * {@code commonRandomNumbers: false}) two designs of one world have different seeds at the same
     * replicate and must not share a counterfactual, hence the seed in the key.
     */
    public record Key(String worldSha256, int replicate, long runSeed) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = worldSha256.compareTo(o.worldSha256);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(replicate, o.replicate);
            return c != 0 ? c : Long.compare(runSeed, o.runSeed);
        }
    }

    private final Map<Key, FutureTask<Run.Counterfactual>> computed = new ConcurrentHashMap<>();
    private final Map<Key, Integer> usesLeft = new TreeMap<>();
    /**
     * For each key that a design without a collaborative uses (known up front), the first such run:
     * the key's counterfactual is computed as that design's own arm, which it then reuses
     * ({@link Run#counterfactual}), so that design costs no arm beyond the shared counterfactual.
     */
    private final Map<Key, RunSpec> neverLaunching = new TreeMap<>();
    private long computations;

    /** A cache expecting exactly these runs; each must {@link #acquire} and {@link #release} once. */
    public CounterfactualCache(Iterable<RunSpec> runs) {
        for (RunSpec r : runs) {
            usesLeft.merge(r.counterfactualKey(), 1, Integer::sum);
            if (Run.neverLaunches(r.scenario().scenario(), r.scenario()::collaborativeAt)) {
                neverLaunching.putIfAbsent(r.counterfactualKey(), r);
            }
        }
    }

    /** A cache expecting no runs yet; announce them with {@link #expect} before they start. */
    public CounterfactualCache() {
    }

    /**
     * Announces {@code uses} more runs of {@code key}, each of which will {@link #acquire} and
     * {@link #release} once. Call it before the first of them starts, or a counterfactual could be
     * dropped between two of its uses and computed twice.
     */
    public synchronized void expect(Key key, int uses) {
        if (uses < 1) {
            throw new IllegalArgumentException("uses must be >= 1, was " + uses);
        }
        usesLeft.merge(key, uses, Integer::sum);
    }

    /** The counterfactual of this run's world and replicate, computed here if nobody has yet. */
    public Run.Counterfactual acquire(RunSpec run) throws InterruptedException {
        Key key = run.counterfactualKey();
        // Any run of the key's world gives the same counterfactual; a design without a collaborative
        // makes it as its own arm (Run.counterfactual), which it then reuses.
        RunSpec maker = neverLaunching.getOrDefault(key, run);
        // The months before the launch are run once and continued by every arm (MODEL.md §3) when
        // more than one design shares the world; for one design alone that saves only the
        // counterfactual arm's cheapest months, about what the copies cost (README, issue 11).
        boolean fork;
        synchronized (this) {
            fork = usesLeft.getOrDefault(key, 0) > 1;
        }
        FutureTask<Run.Counterfactual> task = new FutureTask<>(() -> Run.counterfactual(
                maker.scenario().scenario(), maker.scenario()::collaborativeAt, maker.runSeed(), fork));
        FutureTask<Run.Counterfactual> existing = computed.putIfAbsent(key, task);
        if (existing == null) {
            synchronized (this) {
                computations++;
            }
            task.run();
            existing = task;
        }
        try {
            return existing.get();
        } catch (ExecutionException e) {
            throw Failures.cause(e);
        }
    }

    /** Marks this run's use done; the counterfactual is dropped after its last use. */
    public void release(RunSpec run) {
        Key key = run.counterfactualKey();
        synchronized (this) {
            int left = usesLeft.merge(key, -1, Integer::sum);
            if (left <= 0) {
                usesLeft.remove(key);
                computed.remove(key);
            }
        }
    }

    /** How many counterfactual arms were computed (for tests and the manifest). */
    public synchronized long computations() {
        return computations;
    }

    /** How many are held now. */
    public int held() {
        return computed.size();
    }
}
