package org.qicsim.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.qicsim.results.BuildInfo;
import org.qicsim.results.Manifest;
import org.qicsim.results.ResultsFolder;
import org.qicsim.results.RunLog;
import org.qicsim.results.UserInputException;

/**
 * One experiment executed into a results folder, the way {@code run}, {@code compare} and the
 * workshop's export do it: the plan ({@link Experiment}: designs × replicates) runs on an executor,
 * each run's rows are stored as they arrive (each design's {@code scenario.resolved.yaml} and run
 * tables, in the folder itself or in {@code designs/<k>-<name>/}, through the {@link RunStore} a
 * sweep uses: CSV, whole runs committed every few seconds, nothing more stored after a failed
 * write), and once every run is in, the
 * summaries are written ({@code summary.json} per design and the folder's {@code design} and
 * {@code points} tables, {@link DesignTables}), then the manifest; {@link #commit()} publishes the
 * folder. The commands only parse their arguments, add their own files and show progress.
 */
public final class ExperimentSession implements AutoCloseable {
    /** Each design's resolved scenario, from which {@code qicsim run} reproduces its data files. */
    public static final String RESOLVED = "scenario.resolved.yaml";

    private final ResultsFolder folder;
    private final Experiment experiment;
    private final RunLog log;
    private final List<String> designDirs = new ArrayList<>();
    private final List<RunStore> stores = new ArrayList<>();

    /** Per design, the runs the store held when the session started (a resumed folder), by replicate. */
    private final List<BitSet> storedBefore = new ArrayList<>();

    private ExperimentSession(ResultsFolder folder, Experiment experiment, boolean subfolders) throws IOException {
        this.folder = folder;
        this.experiment = experiment;
        this.log = folder.log();
        try {
            for (DesignSpec d : experiment.designs()) {
                String dir = subfolders ? folder.design(d.point(), d.name()) : "";
                designDirs.add(dir);
                Path resolved = folder.resolve(dir.isEmpty() ? RESOLVED : dir + "/" + RESOLVED);
                if (folder.isReopened()) {
                    checkSameDesign(resolved, d);
                    clearFinish(dir);
                } else {
                    Files.writeString(resolved, d.scenario().canonicalYaml(), StandardCharsets.UTF_8);
                }
                // run and compare keep CSV (report, the workshop's zip and users' scripts read runs.csv).
                stores.add(RunStore.open(folder, dir, new RunIndex(d.point(), 1, experiment.replications()), true, true,
                        true));
            }
        } catch (IOException | RuntimeException e) {
            try {
                closeStores();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Starts the session in {@code folder}: one design in the folder itself ({@code run}), or each
     * design in {@code designs/<k>-<name>/} when {@code subfolders} ({@code compare}).
     */
    public static ExperimentSession open(ResultsFolder folder, Experiment experiment, boolean subfolders)
            throws IOException {
        ExperimentSession session;
        try {
            session = new ExperimentSession(folder, experiment, subfolders);
        } catch (IOException | RuntimeException e) {
            // Refused (a resumed folder of other designs) or failed: the folder's lock is let go.
            try {
                folder.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        try {
            for (RunStore s : session.stores) {
                session.storedBefore.add(s.stored());
            }
        } catch (IOException | RuntimeException e) {
            try {
                session.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return session;
    }

    /**
     * The files a session writes once every run is in, derived from the runs: a process killed
     * while writing them leaves some behind, so a resumed folder drops them and writes them afresh
     * (every other file in it is the run store's, or the resolved scenarios).
     */
    private static final List<String> FINISH = List.of("summary.json", "design.csv", "points.csv", "compare.csv",
            "cea.csv", "ceac.csv", "manifest.json", "manifest.json.tmp");

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

    /** Runs the folder held when the session started (a resumed folder; 0 for a new one). */
    public long storedBefore() {
        long n = 0;
        for (BitSet b : storedBefore) {
            n += b.cardinality();
        }
        return n;
    }

    /**
     * Test seam: the {@code n+1}-th table flush of the first design's store fails as on a full disk
     * ({@link RunStore#injectFaultAfterFlushes}); every run is then committed as it arrives.
     */
    public void injectWriteFault(int n) {
        stores.get(0).injectFaultAfterFlushes(n);
    }

    public Path dir() {
        return folder.dir();
    }

    public ResultsFolder folder() {
        return folder;
    }

    /**
     * Executes the plan, storing every run's rows as it arrives and then telling {@code observer}
     * (progress, a test's interrupt); stops early as {@link Experiment#execute(RunExecutor,
     * RunExecutor.Sink, StopSignal)} does, with only whole runs stored.
     *
     * @return the per-design metrics, for the summaries
     */
    public List<DesignResults> execute(RunExecutor executor, StopSignal stop, RunExecutor.Sink observer)
            throws IOException, InterruptedException {
        List<DesignSpec> designs = experiment.designs();
        List<DesignResults> results = new ArrayList<>();
        for (int k = 0; k < designs.size(); k++) {
            DesignResults r = new DesignResults(designs.get(k), experiment.replications());
            if (!storedBefore.get(k).isEmpty()) {
                int point = designs.get(k).point();
                stores.get(k).readRuns(point, point + 1, (p, replicate, metrics) -> r.addStored(replicate, metrics));
            }
            results.add(r);
        }
        try {
            return experiment.execute(executor, (run, result) -> {
                RunStore store = stores.get(designs.indexOf(run.design()));
                store.write(run.design().point(), run.replicate(), run.runSeed(), result);
                store.commitIfDue();
                observer.accept(run, result);
            }, stop, results, run -> storedBefore.get(designs.indexOf(run.design())).get(run.replicate()));
        } catch (InterruptedException e) {
            throw new InterruptedException(e.getMessage() + "; they are in " + folder.dir());
        }
    }

    /**
     * Writes each design's {@code summary.json} and the folder's {@code design} and {@code points}
     * tables; {@code parameters} (non-null with {@code --parameters}) adds prediction intervals.
     */
    public void writeSummaries(List<DesignSummary> summaries, Map<String, Object> parameters) throws IOException {
        for (int k = 0; k < summaries.size(); k++) {
            folder.writeSummary(designDirs.get(k), SummaryExport.of(summaries.get(k), experiment.masterSeed(),
                    experiment.replications(), parameters));
        }
        DesignTables.write(folder, summaries, experiment.masterSeed(), experiment.replications());
    }

    public void writeManifest(Manifest manifest) throws IOException {
        folder.writeManifest("", manifest);
    }

    /** Closes every writer and publishes the folder under its final name. */
    public Path commit() throws IOException {
        for (RunStore s : stores) {
            s.commit();
        }
        closeStores();
        log.close();
        return folder.commit();
    }

    @Override
    public void close() throws IOException {
        try {
            // Stopped or failed: what was stored is committed (a failed store writes nothing more).
            for (RunStore s : stores) {
                if (!s.isFailed()) {
                    s.commit();
                }
            }
            closeStores();
        } finally {
            folder.close();
        }
    }

    private void closeStores() throws IOException {
        IOException first = null;
        for (RunStore s : stores) {
            try {
                s.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        stores.clear();
        if (first != null) {
            throw first;
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
