package org.qicsim.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qicsim.results.BuildInfo;
import org.qicsim.results.Manifest;
import org.qicsim.results.Outputs;
import org.qicsim.results.ResultsFolder;
import org.qicsim.results.RunLog;
import org.qicsim.results.UserInputException;

/**
 * The one way runs are executed into a results folder, for {@code run}, {@code compare},
 * {@code attribute}, the workshop's exports and {@code sweep} (and {@code merge}'s summaries): a {@link RunPlan} (an
 * {@link Experiment} of designs × replicates, or a sweep's plan of design points, shards and
 * adaptive rounds) says which runs to do and in which order; {@link #run} executes the ones the
 * folder does not hold yet on an executor and stores each run's rows as it arrives through the
 * folder's {@link RunStore} (Parquet or CSV, whole runs committed every few seconds, nothing more
 * stored after a failed write); the summaries are then computed by the command from what is stored
 * ({@link #execute} hands {@code run}, {@code compare} and {@code attribute} their designs' metrics, a sweep reads
 * {@link #readRuns} and writes {@link #points()}); {@link #commit()} publishes the folder.
 *
 * <p>Stopping: when {@link StopSignal#request()} is called, no further run starts; the runs in
 * flight finish and are stored; every stored row is committed to complete files. The folder can
 * then be resumed, and only the runs it lacks are executed.
 */
public final class ExperimentSession implements AutoCloseable {
    /** Each design's resolved scenario, from which {@code qicsim run} reproduces its data files. */
    public static final String RESOLVED = "scenario.resolved.yaml";

    /**
     * What one {@link #run} did.
     *
     * @param storedBefore       runs the folder held when the session started
     * @param runsThisSession    runs executed and stored in this session
     * @param stored             planned runs stored now
     * @param total              planned runs
     * @param counterfactualArms counterfactual arms computed in this session
     */
    public record Outcome(long storedBefore, long runsThisSession, long stored, long total, long counterfactualArms) {
        /** Whether every planned run is stored. */
        public boolean complete() {
            return stored == total;
        }

        /** This outcome followed by {@code next} (the next round of adaptive replication): its totals, both's work. */
        public Outcome then(Outcome next) {
            return new Outcome(storedBefore, runsThisSession + next.runsThisSession, next.stored, next.total,
                    counterfactualArms + next.counterfactualArms);
        }
    }

    private final ResultsFolder folder;
    /** Whether the session publishes and closes the folder ({@code run}, {@code compare}), or the command does. */
    private final boolean ownsFolder;
    private final Experiment experiment;
    private RunPlan plan;
    private final RunIndex index;
    private final RunLog log;
    private final List<String> designDirs = new ArrayList<>();
    /** The folder's tables ({@code runs}, {@code timeseries}, {@code sites}), every point's rows in them. */
    private RunStore store;
    private boolean storeClosed;
    /** The runs stored, as {@link RunIndex#index} bits of the plan's index. */
    private final BitSet stored = new BitSet();
    private long storedBefore;
    /** Counterfactual arms computed by {@link #run} in this session. */
    private long counterfactualArms;

    private ExperimentSession(ResultsFolder folder, Experiment experiment, boolean subfolders,
            Map<String, byte[]> identity) throws IOException {
        this.folder = folder;
        this.ownsFolder = true;
        this.experiment = experiment;
        this.plan = experiment;
        this.index = experiment.runIndex();
        this.log = folder.log();
        try {
            if (folder.isReopened()) {
                checkRunsOfOneLayout();
            }
            if (identity != null) {
                // attribute: the files that fix every design, at the top; its summaries are its own.
                for (Map.Entry<String, byte[]> file : identity.entrySet()) {
                    Path path = folder.resolve(file.getKey());
                    if (folder.isReopened()) {
                        checkSameFile(path, file.getValue());
                    } else {
                        Files.write(path, file.getValue());
                    }
                }
                if (folder.isReopened()) {
                    clearFinish("");
                }
            }
            for (DesignSpec d : identity != null ? List.<DesignSpec>of() : experiment.designs()) {
                String dir = subfolders ? folder.design(d.point(), d.name()) : "";
                designDirs.add(dir);
                Path resolved = folder.resolve(dir.isEmpty() ? RESOLVED : dir + "/" + RESOLVED);
                if (folder.isReopened()) {
                    checkSameDesign(resolved, d);
                    checkOneLayout(dir);
                    clearFinish(dir);
                } else {
                    Files.writeString(resolved, d.scenario().canonicalYaml(), StandardCharsets.UTF_8);
                }
            }
            // One set of tables at the top of the folder, the design's number in the point column,
            // as a sweep's. run and compare keep CSV (report, the workshop's zip and users' scripts
            // read runs.csv).
            store = RunStore.open(folder, index, true, true, true);
        } catch (IOException | RuntimeException e) {
            Outputs.closeAfter(e, this::closeStores);
            throw e;
        }
    }

    private ExperimentSession(ResultsFolder folder, RunPlan plan, boolean monthly, boolean sites, boolean csv)
            throws IOException {
        this.folder = folder;
        this.ownsFolder = false;
        this.experiment = null;
        this.plan = plan;
        this.index = plan.runIndex();
        this.log = null;
        this.store = RunStore.open(folder, index, monthly, sites, csv);
    }

    /**
     * Starts the session in {@code folder}: every design's rows in the folder's tables, the design's
     * resolved scenario and summary in the folder itself ({@code run}, one design), or in
     * {@code designs/<k>-<name>/} when {@code subfolders} ({@code compare}).
     */
    public static ExperimentSession open(ResultsFolder folder, Experiment experiment, boolean subfolders)
            throws IOException {
        return open(folder, experiment, subfolders, null);
    }

    /**
     * Starts the session of an experiment whose designs are fixed by a few files rather than by
     * each design's resolved scenario ({@code attribute}: the all-on design's resolved scenario and
     * the features file): every design's rows in the folder's tables, {@code identity} (file name →
     * content) written at the top of a new folder and compared with what a resumed one holds; the
     * summaries are the command's, with {@link #writeDesignTables} for the {@code design} and
     * {@code points} tables.
     */
    public static ExperimentSession open(ResultsFolder folder, Experiment experiment, Map<String, byte[]> identity)
            throws IOException {
        return open(folder, experiment, false, new LinkedHashMap<>(identity));
    }

    private static ExperimentSession open(ResultsFolder folder, Experiment experiment, boolean subfolders,
            Map<String, byte[]> identity) throws IOException {
        ExperimentSession session;
        try {
            session = new ExperimentSession(folder, experiment, subfolders, identity);
        } catch (IOException | RuntimeException e) {
            // Refused (a resumed folder of other designs) or failed: the folder's lock is let go.
            Outputs.closeAfter(e, folder);
            throw e;
        }
        return withStored(session);
    }

    /**
     * Opens the store of a plan's runs in {@code folder} (new, or reopened to resume), one set of
     * tables for all of its points: Parquet through DuckDB, or CSV if {@code csv} is asked for or
     * DuckDB cannot load here (a warning says so). The folder's other files, its manifest and its
     * publication are the caller's ({@code sweep}, {@code merge}); {@link #close()} closes the store only.
     *
     * @param monthly whether the {@code timeseries} table is kept
     * @param sites   whether the {@code sites} table is kept
     */
    public static ExperimentSession open(ResultsFolder folder, RunPlan plan, boolean monthly, boolean sites, boolean csv)
            throws IOException {
        return withStored(new ExperimentSession(folder, plan, monthly, sites, csv));
    }

    /** The opened session once it has learnt which runs its stores hold; closed if that fails. */
    private static ExperimentSession withStored(ExperimentSession session) throws IOException {
        try {
            session.readStored();
        } catch (IOException | RuntimeException e) {
            Outputs.closeAfter(e, session::close);
            throw e;
        }
        return session;
    }

    /** Learns which runs the stores hold (a resumed folder), in the plan's numbering. */
    private void readStored() throws IOException {
        stored.or(store.stored());
        storedBefore = stored.cardinality();
    }

    /**
     * A compare folder started by a qicsim that kept each design's rows in its
     * {@code designs/<k>-<name>/} folder cannot be continued into the one layout (its rows would be
     * split between two places): refused, saying what to do.
     */
    private void checkOneLayout(String dir) {
        if (!dir.isEmpty() && Files.exists(folder.resolve(dir + "/" + CsvRunStore.RUNS_CSV))) {
            throw new UserInputException(folder.dir() + " was started by an earlier qicsim, which kept each design's "
                    + "rows in designs/<k>-<name>/; this version cannot resume it: start the comparison again "
                    + "(or remove the .partial folder)");
        }
    }

    /**
     * A folder whose {@code runs.csv} does not start with {@code point} was started by a qicsim that
     * numbered runs otherwise (an {@code attribute} folder's {@code design} column): refused, saying
     * what to do, rather than failing on the header.
     */
    private void checkRunsOfOneLayout() throws IOException {
        Path runs = folder.resolve(CsvRunStore.RUNS_CSV);
        if (!Files.isRegularFile(runs)) {
            return;
        }
        String header;
        try (var in = Files.newBufferedReader(runs, StandardCharsets.UTF_8)) {
            header = in.readLine();
        }
        if (header != null && !header.isEmpty() && !header.startsWith("point,")) {
            throw new UserInputException(folder.dir() + " was started by an earlier qicsim, whose runs.csv begins \""
                    + header.split(",", 2)[0] + "\" instead of \"point\"; this version cannot resume it: start the "
                    + "command again (or remove the .partial folder)");
        }
    }

    /** A resumed folder must hold the very file it was started with (see {@link #open(ResultsFolder, Experiment, Map)}). */
    private static void checkSameFile(Path path, byte[] content) throws IOException {
        if (!Files.isRegularFile(path) || !Arrays.equals(Files.readAllBytes(path), content)) {
            throw new UserInputException(path.getParent() + " was started with another "
                    + (Files.isRegularFile(path) ? path.getFileName() + " (it differs)" : "kind of command (it has no "
                            + path.getFileName() + ")")
                    + "; resume it with the arguments it was started with");
        }
    }

    /**
     * The files a session writes once every run is in, derived from the runs: a process killed
     * while writing them leaves some behind, so a resumed folder drops them and writes them afresh
     * (every other file in it is the run store's, or the resolved scenarios).
     */
    private static final List<String> FINISH = List.of("summary.json", "design.csv", "points.csv", "compare.csv",
            "attribution.csv", "designs.csv", "cea.csv", "ceac.csv", "manifest.json", "manifest.json.tmp");

    private void clearFinish(String dir) throws IOException {
        for (String name : FINISH) {
            Files.deleteIfExists(folder.resolve(dir.isEmpty() ? name : dir + "/" + name));
        }
        if (!dir.isEmpty()) {
            for (String name : FINISH) {
                Files.deleteIfExists(folder.resolve(name));
            }
        }
    }

    /**
     * A resumed folder must hold this very design: its resolved scenario (which carries the seed,
     * replicates and every --set) is compared with the one written when the folder was started.
     */
    private static void checkSameDesign(Path resolved, DesignSpec d) throws IOException {
        String then = Files.isRegularFile(resolved) ? Files.readString(resolved, StandardCharsets.UTF_8) : null;
        if (!d.scenario().canonicalYaml().equals(then)) {
            throw new UserInputException(resolved.getParent() + " was started with "
                    + (then == null ? "other designs" : "another scenario or options for design " + d.name()
                            + " (its " + RESOLVED + " differs)")
                    + "; resume it with the arguments it was started with");
        }
    }

    /** Counterfactual arms computed in this session (a resumed folder's earlier ones not counted). */
    public long counterfactualArms() {
        return counterfactualArms;
    }

    /** Runs the folder held when the session started (a resumed folder; 0 for a new one). */
    public long storedBefore() {
        return storedBefore;
    }

    /**
     * Test seam: the {@code n+1}-th table flush of the (first) store fails as on a full disk
     * ({@link RunStore#injectFaultAfterFlushes}; a CSV file gets half its rows first); every run is
     * then committed as it arrives. Proves that after a failed write nothing more is recorded as stored.
     */
    public void injectWriteFault(int n) {
        store.injectFaultAfterFlushes(n);
    }

    /** Test seam: commits at least every {@code millis} ms instead of every few seconds. */
    public void commitEveryMillis(long millis) {
        store.commitEvery(millis * 1_000_000L);
    }

    /** Whether a write to the folder failed (the plan cannot complete in this session). */
    public boolean writeFailed() {
        return store.isFailed();
    }

    /** {@code parquet} or {@code csv}. */
    public String storage() {
        return store.format();
    }

    /** The plan being executed (for adaptive replication, of the rounds so far). */
    public RunPlan plan() {
        return plan;
    }

    /**
     * Continues with {@code next}, the same runs with others planned (the next round of adaptive
     * replication); the stored runs stay.
     */
    public void replan(RunPlan next) {
        if (!next.runIndex().equals(index)) {
            throw new IllegalArgumentException("a session continues only with a plan of its own runs");
        }
        plan = next;
    }

    /** The runs stored so far, as {@link RunIndex#index} bits. */
    public BitSet stored() {
        return (BitSet) stored.clone();
    }

    /** Planned runs still to do. */
    public long remaining() {
        return plan.plannedCount() - storedPlanned();
    }

    /** Stored runs that are planned (a shard's or an adaptive round's runs; every run otherwise). */
    private long storedPlanned() {
        long n = 0;
        for (int i = stored.nextSetBit(0); i >= 0; i = stored.nextSetBit(i + 1)) {
            if (plan.planned(index.firstPoint() + i / index.replications(), i % index.replications())) {
                n++;
            }
        }
        return n;
    }

    /** The stored runs of points [from, to), in no particular order. */
    public void readRuns(int from, int to, RunStore.RunRows rows) throws IOException {
        store.readRuns(from, to, rows);
    }

    /** Starts the folder's {@code points} table in the store's format (a sweep's summaries). */
    public RunStore.PointRows points() throws IOException {
        return store.points();
    }

    public Path dir() {
        return folder.dir();
    }

    public ResultsFolder folder() {
        return folder;
    }

    /**
     * Executes every planned run not stored yet (or until a stop is requested), storing each as it
     * arrives, committing whole runs every few seconds, then telling {@code observer} (progress, a
     * test's interrupt); on any exit, what was stored is committed (unless a write failed: then
     * nothing more is written). This is the one place runs are executed into a folder.
     */
    public Outcome run(RunExecutor executor, StopSignal stop, RunExecutor.Sink observer)
            throws IOException, InterruptedException {
        CounterfactualCache cache = new CounterfactualCache();
        long[] done = {0};
        try {
            executor.execute(plan.pending(stored, cache, stop), cache, (run, result) -> {
                int point = run.design().point();
                store.write(point, run.replicate(), run.runSeed(), result);
                stored.set(index.index(point, run.replicate()));
                done[0]++;
                store.commitIfDue();
                observer.accept(run, result);
            });
        } finally {
            // After a failed write nothing more is committed (RunStore#isFailed).
            if (!store.isFailed()) {
                store.commit();
            }
        }
        counterfactualArms += cache.computations();
        return new Outcome(storedBefore, done[0], storedPlanned(), plan.plannedCount(), cache.computations());
    }

    /**
     * {@link #run} for {@code run}, {@code compare} and {@code attribute}: every run of the experiment, and then each
     * design's metrics by replicate (the stored runs' read back), for the summaries; stopped early,
     * an {@link InterruptedException} says how far it got and where the runs are.
     */
    public List<DesignResults> execute(RunExecutor executor, StopSignal stop, RunExecutor.Sink observer)
            throws IOException, InterruptedException {
        if (experiment == null) {
            throw new IllegalStateException("execute(...) is for a session of designs; use run(...)");
        }
        List<DesignSpec> designs = experiment.designs();
        List<DesignResults> results = new ArrayList<>();
        for (DesignSpec d : designs) {
            results.add(new DesignResults(d, experiment.replications()));
        }
        if (storedBefore > 0) {
            readRuns(index.firstPoint(), index.firstPoint() + index.points(),
                    (point, replicate, metrics) -> results.get(point - index.firstPoint()).addStored(replicate, metrics));
        }
        Outcome outcome = run(executor, stop, (run, result) -> {
            results.get(run.design().point() - index.firstPoint()).add(run.replicate(), result);
            observer.accept(run, result);
        });
        if (!outcome.complete()) {
            throw new InterruptedException(outcome.stored() + " of " + outcome.total()
                    + " runs finished and written; they are in " + folder.dir());
        }
        return results;
    }

    /**
     * Writes each design's {@code summary.json} and the folder's {@code design} and {@code points}
     * tables; {@code parameters} (non-null with {@code --parameters}) adds prediction intervals.
     */
    public void writeSummaries(List<DesignSummary> summaries, Map<String, Object> parameters) throws IOException {
        if (designDirs.size() != summaries.size()) {
            throw new IllegalStateException("this session's summaries are its command's; use writeDesignTables");
        }
        for (int k = 0; k < summaries.size(); k++) {
            folder.writeSummary(designDirs.get(k), SummaryExport.of(summaries.get(k), experiment.masterSeed(),
                    experiment.replications(), parameters));
        }
        writeDesignTables(summaries);
    }

    /** Writes the folder's {@code design} and {@code points} tables only (a command writing its own summary). */
    public void writeDesignTables(List<DesignSummary> summaries) throws IOException {
        DesignTables.write(folder, summaries, experiment.masterSeed(), experiment.replications());
    }

    public void writeManifest(Manifest manifest) throws IOException {
        folder.writeManifest("", manifest);
    }

    /** Closes every writer and publishes the folder under its final name. */
    public Path commit() throws IOException {
        if (!ownsFolder) {
            throw new IllegalStateException("this session's folder is published by its command");
        }
        store.commit();
        closeStores();
        log.close();
        return folder.commit();
    }

    @Override
    public void close() throws IOException {
        try {
            // Stopped or failed: what was stored is committed (a failed store writes nothing more).
            if (store != null && !storeClosed && !store.isFailed()) {
                store.commit();
            }
            closeStores();
        } finally {
            if (ownsFolder) {
                folder.close();
            }
        }
    }

    private void closeStores() throws IOException {
        if (store != null && !storeClosed) {
            storeClosed = true;
            store.close();
        }
    }

    /** The manifest of a session: the build, command line, start, hash, master seed and executor. */
    public static Manifest manifest(List<String> args, Instant start, String hash, long masterSeed,
            RunExecutor executor) {
        return Manifest.start(BuildInfo.load(), args, start)
                .withScenario(hash, masterSeed, Seeds.SCHEME)
                .withExecution("mason-18/" + executor.name(), executor.threads());
    }
}
