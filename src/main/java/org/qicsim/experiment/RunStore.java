package org.qicsim.experiment;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.qicsim.model.RunResult;
import org.qicsim.results.ResultsFolder;
import org.qicsim.results.duckdb.DuckDbUnavailableException;
import org.qicsim.results.duckdb.ResultsTables;

/**
 * Where a results folder's run rows go (every command's, through {@link ExperimentSession}): Parquet parts through DuckDB ({@link ParquetRunStore}), or CSV files
 * when DuckDB cannot load here ({@link CsvRunStore}). Either way rows are written by one thread
 * (the one running the sweep), whole runs at a time: {@link #commit()} makes every row of every
 * run written so far durable, the monthly and site rows before the run rows, so a run whose
 * {@code runs} row exists has all its rows, and a resumed sweep trusts exactly the runs in
 * {@code runs}. Between commits rows wait in memory (DuckDB's, for Parquet), bounded by
 * {@link #commitIfDue()}.
 */
public abstract class RunStore implements Closeable {
    private static final Logger LOG = Logger.getLogger(RunStore.class.getName());
    /** Longest time between commits: what a killed process can lose (a few seconds of runs). */
    static final long COMMIT_EVERY_NANOS = 5_000_000_000L;

    /** Receives stored run rows: the metrics in {@link RunResult#METRICS} order, NaN for missing. */
    @FunctionalInterface
    public interface RunRows {
        void accept(int point, int replicate, double[] metrics) throws IOException;
    }

    /** Receives the rows of the points table. */
    public interface PointRows extends Closeable {
        void row(int point, String metric, double mean, double sd, double ciLow, double ciHigh, Integer n)
                throws IOException;
    }

    /**
     * Opens the store of {@code folder} (a new one, or a reopened {@code .partial} one to continue):
     * its tables at the top of the folder, Parquet unless {@code csv} is asked for or DuckDB cannot
     * load, in which case it says so.
     *
     * @param monthly whether the {@code timeseries} table is kept
     * @param sites   whether the {@code sites} table is kept
     */
    public static RunStore open(ResultsFolder folder, RunIndex runs, boolean monthly, boolean sites, boolean csv)
            throws IOException {
        Path dir = folder.dir();
        boolean csvRuns = Files.isRegularFile(dir.resolve(CsvRunStore.RUNS_CSV));
        boolean parquetRuns = !ResultsTables.parts(dir.resolve(StoreTables.RUNS)).isEmpty();
        if (!csv && !csvRuns) {
            try {
                return ParquetRunStore.open(folder, dir, runs, monthly, sites);
            } catch (DuckDbUnavailableException e) {
                if (parquetRuns) {
                    throw new IOException("this folder's runs are stored as Parquet, and continuing it needs DuckDB: "
                            + e.getMessage(), e);
                }
                LOG.warning(e.getMessage() + "; writing CSV files instead of Parquet");
            }
        } else if (parquetRuns) {
            throw new IOException("this folder's runs are stored as Parquet; it cannot be continued in CSV");
        } else if (!csv) {
            LOG.info("this folder was started without DuckDB; continuing it in CSV");
        }
        return CsvRunStore.open(folder, dir, runs, monthly, sites);
    }

    /** {@code parquet} or {@code csv}, for the manifest. */
    public abstract String format();

    /** The runs already stored (a resumed folder), as {@link RunIndex#index} bits; refuses duplicates. */
    public abstract BitSet stored() throws IOException;

    private final boolean monthly;
    private final boolean sites;
    /** The first write that failed: from then on nothing more reaches the files. */
    private Exception failure;
    private long commitEveryNanos = COMMIT_EVERY_NANOS;

    /** The longest time between commits. */
    public final long commitEveryNanos() {
        return commitEveryNanos;
    }

    /** Test seam: commits more often, so that a test's kills land on commits. */
    public final void commitEvery(long nanos) {
        commitEveryNanos = nanos;
    }

    /** Test seam: table flushes left before one fails as a full disk would; negative for never. */
    private int flushesBeforeFault = -1;

    RunStore(boolean monthly, boolean sites) {
        this.monthly = monthly;
        this.sites = sites;
    }

    /**
     * Whether a write failed. A failed store writes nothing more, not even at {@link #close()}: after
     * a failed write (a full disk) a later one could still succeed and store a run whose monthly or
     * site rows never reached the disk, and a resumed sweep trusts every run in {@code runs}.
     */
    public final boolean isFailed() {
        return failure != null;
    }

    /** Test seam: the {@code n+1}-th table flush from now fails (half written, for CSV), as on a full disk. */
    public final void injectFaultAfterFlushes(int n) {
        flushesBeforeFault = n;
    }

    /** Called before each table's rows go to disk; throws when the injected fault is due. */
    final void beforeTableFlush(String table) throws IOException {
        if (flushesBeforeFault == 0) {
            flushesBeforeFault = -1;
            throw new IOException("No space left on device (a fault injected by a test while writing " + table + ")");
        }
        if (flushesBeforeFault > 0) {
            flushesBeforeFault--;
        }
    }

    /** Whether the next table flush is the injected failing one (CSV then writes half of it first). */
    final boolean faultDue() {
        return flushesBeforeFault == 0;
    }

    private void ensureWritable() throws IOException {
        if (failure != null) {
            throw new IOException("the sweep's store failed earlier (" + failure.getMessage() + "); nothing more is written",
                    failure);
        }
    }

    private void failed(Exception e) {
        if (failure == null) {
            failure = e;
        }
    }

    /** Adds one run's rows: its monthly and site rows (when kept), then its {@code runs} row. */
    public final void write(int point, int replicate, long runSeed, RunResult result) throws IOException {
        ensureWritable();
        try {
            writeRows(point, replicate, runSeed, result);
        } catch (IOException | RuntimeException e) {
            failed(e);
            throw e;
        }
    }

    /** Commits if enough rows wait or enough time has passed since the last commit. */
    public final void commitIfDue() throws IOException {
        ensureWritable();
        try {
            if (flushesBeforeFault >= 0) {
                flushAll(); // an injected fault: commit every run, so it strikes mid-sweep
            } else if (flushIfDue()) {
                logCommit();
            }
        } catch (IOException | RuntimeException e) {
            failed(e);
            throw e;
        }
    }

    /** Makes every row written so far durable, in complete files, monthly and site rows first. */
    public final void commit() throws IOException {
        ensureWritable();
        try {
            flushAll();
            logCommit();
        } catch (IOException | RuntimeException e) {
            failed(e);
            throw e;
        }
    }

    private void writeRows(int point, int replicate, long runSeed, RunResult result) throws IOException {
        if (monthly) {
            for (int t = 0; t < result.months(); t++) {
                append(StoreTables.TIMESERIES, StoreTables.timeseriesRow(point, replicate, runSeed, result, t));
            }
        }
        if (sites) {
            for (int j = 0; j < result.factual().sites(); j++) {
                append(StoreTables.SITES, StoreTables.siteRow(point, replicate, runSeed, result, j));
            }
        }
        append(StoreTables.RUNS, StoreTables.runRow(point, replicate, runSeed, result));
    }

    /** Adds a row to one of the tables {@link StoreTables#RUNS}, {@code TIMESERIES}, {@code SITES}. */
    abstract void append(String table, Object[] row) throws IOException;

    /** {@link #commitIfDue()} of the format; whether it committed. */
    abstract boolean flushIfDue() throws IOException;

    private long lastLoggedCommit = System.nanoTime();

    /** The time between commits, at FINE (--verbose): what a kill can lose. */
    private void logCommit() {
        long now = System.nanoTime();
        LOG.fine(String.format(java.util.Locale.ROOT, "rows committed, %.1f s after the previous commit",
                (now - lastLoggedCommit) / 1e9));
        lastLoggedCommit = now;
    }

    /** {@link #commit()} of the format: each table through {@link #beforeTableFlush}. */
    abstract void flushAll() throws IOException;

    /** The stored runs of points [from, to), in no particular order. */
    public abstract void readRuns(int from, int to, RunRows rows) throws IOException;

    /**
     * Starts the points table (and removes one left by an interrupted summary pass, since it is
     * derived from the runs and is always recomputed whole).
     */
    public abstract PointRows points() throws IOException;

    /** Deletes a file or folder tree if it exists. */
    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            List<Path> deepestFirst = all.sorted(Comparator.reverseOrder()).toList();
            for (Path p : deepestFirst) {
                Files.delete(p);
            }
        }
    }
}
