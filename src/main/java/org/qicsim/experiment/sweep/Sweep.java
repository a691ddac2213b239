package org.qicsim.experiment.sweep;

import java.io.Closeable;
import java.io.IOException;
import java.util.BitSet;
import org.qicsim.experiment.CounterfactualCache;
import org.qicsim.experiment.RunExecutor;
import org.qicsim.experiment.RunStore;
import org.qicsim.experiment.StopSignal;
import org.qicsim.results.ResultsFolder;

/**
 * A sweep running into its results folder: {@link #open} finds which runs the folder already holds
 * (none, for a new folder), {@link #run} executes the others and stores each run's rows as it
 * arrives, and {@link #summarise} computes the {@code points} (and {@code sensitivity}) tables from
 * the stored rows once every run is there. Publishing the folder is the caller's ({@link
 * ResultsFolder#commit()}), after {@link #close()}.
 *
 * <p>Stopping: when {@link StopSignal#request()} is called, no further run starts; the runs in
 * flight finish and are stored; every stored row is committed to complete files; {@link #run}
 * returns with {@link Outcome#complete()} false. The folder can then be resumed.
 */
public final class Sweep implements Closeable {

    /** Told of each stored run, on the thread running the sweep. */
    @FunctionalInterface
    public interface Listener {
        void runStored(long storedThisSession);
    }

    /**
     * What one {@link #run} did.
     *
     * @param storedBefore       runs the folder held when the session started
     * @param runsThisSession    runs executed and stored in this session
     * @param stored             runs stored now
     * @param counterfactualArms counterfactual arms computed in this session
     */
    public record Outcome(long storedBefore, long runsThisSession, long stored, long total, long counterfactualArms) {
        /** Whether every run of the plan is stored. */
        public boolean complete() {
            return stored == total;
        }
    }

    private SweepPlan plan;
    private final ResultsFolder folder;
    private final RunStore store;
    private final BitSet stored;
    private final long storedBefore;

    private Sweep(SweepPlan plan, ResultsFolder folder, RunStore store) throws IOException {
        this.plan = plan;
        this.folder = folder;
        this.store = store;
        this.stored = store.stored();
        this.storedBefore = stored.cardinality();
    }

    /**
     * Opens the sweep's row store in {@code folder} (new, or reopened to resume): Parquet through
     * DuckDB, or CSV if {@code csv} is asked for or DuckDB cannot load here (a warning says so).
     */
    public static Sweep open(SweepPlan plan, ResultsFolder folder, boolean csv) throws IOException {
        RunStore store = RunStore.open(folder, plan.runIndex(), plan.experiment().outputs().monthly(),
                plan.experiment().outputs().sites(), csv);
        try {
            return new Sweep(plan, folder, store);
        } catch (IOException | RuntimeException e) {
            try {
                store.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** {@code parquet} or {@code csv}. */
    public String storage() {
        return store.format();
    }

    /**
     * Test seam: the {@code n+1}-th table flush of the store fails as on a full disk (a CSV file gets
     * half its rows first). Proves that after a failed write nothing more is recorded as stored.
     */
    public void injectWriteFault(int n) {
        store.injectFaultAfterFlushes(n);
    }

    /** Test seam: commits at least every {@code millis} ms instead of every few seconds. */
    public void commitEveryMillis(long millis) {
        store.commitEvery(millis * 1_000_000L);
    }

    /** Whether a write to the folder failed (the sweep cannot complete in this session). */
    public boolean writeFailed() {
        return store.isFailed();
    }

    /** Runs the folder held when the sweep was opened. */
    public long storedBefore() {
        return storedBefore;
    }

    /**
     * Continues with {@code next}, the same plan with other runs planned (the next round of
     * adaptive replication); the stored runs stay.
     */
    public void replan(SweepPlan next) {
        if (next.experiment() != plan.experiment() || next.runs() != plan.runs()) {
            throw new IllegalArgumentException("a sweep continues only with its own plan");
        }
        plan = next;
    }

    /** The plan of the runs (for adaptive replication, of the rounds so far). */
    public SweepPlan plan() {
        return plan;
    }

    /** The stored runs of points [from, to), in no particular order. */
    void readRuns(int from, int to, RunStore.RunRows rows) throws IOException {
        store.readRuns(from, to, rows);
    }

    /** The runs stored so far, as {@link SweepPlan#index} bits. */
    public BitSet stored() {
        return (BitSet) stored.clone();
    }

    /** Planned runs still to do. */
    public long remaining() {
        return plan.plannedCount() - storedPlanned();
    }

    /** Stored runs that are planned (a shard's or an adaptive round's runs; every run otherwise). */
    private long storedPlanned() {
        BitSet s = plan.plannedRuns();
        s.and(stored);
        return s.cardinality();
    }

    /**
     * Executes every run not stored yet (or until a stop is requested), storing each as it arrives
     * and committing whole runs; on any exit, what was stored is committed.
     */
    public Outcome run(RunExecutor executor, StopSignal stop, Listener listener) throws IOException, InterruptedException {
        CounterfactualCache cache = new CounterfactualCache();
        long[] done = {0};
        try {
            executor.execute(new RunSequence(plan, stored, cache, stop), cache, (run, result) -> {
                int point = run.design().point();
                store.write(point, run.replicate(), run.runSeed(), result);
                stored.set(plan.index(point, run.replicate()));
                listener.runStored(++done[0]);
                store.commitIfDue();
            });
        } finally {
            // After a failed write nothing more is committed (RunStore#isFailed).
            if (!store.isFailed()) {
                store.commit();
            }
        }
        return new Outcome(storedBefore, done[0], storedPlanned(), plan.plannedCount(), cache.computations());
    }

    /**
     * Writes {@code points} (Parquet and CSV, or CSV) from the stored rows, and {@code sensitivity.csv}
     * for sobol and morris designs. Only for a complete sweep.
     *
     * @return whether a sensitivity table was written
     */
    public boolean summarise(StopSignal stop) throws IOException, InterruptedException {
        if (remaining() > 0) {
            throw new IllegalStateException(remaining() + " runs are missing; nothing to summarise yet");
        }
        double[][] means = PointSummaries.write(plan, store, stop);
        return SensitivityTable.write(folder, plan.experiment(), means);
    }

    @Override
    public void close() throws IOException {
        store.close();
    }
}
