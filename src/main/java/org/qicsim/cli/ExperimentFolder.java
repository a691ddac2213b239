package org.qicsim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.qicsim.experiment.DesignResults;
import org.qicsim.experiment.DesignSpec;
import org.qicsim.experiment.DesignTables;
import org.qicsim.experiment.DesignSummary;
import org.qicsim.experiment.Experiment;
import org.qicsim.experiment.LocalPool;
import org.qicsim.experiment.RunExecutor;
import org.qicsim.experiment.Seeds;
import org.qicsim.experiment.StopSignal;
import org.qicsim.experiment.SummaryExport;
import org.qicsim.results.BuildInfo;
import org.qicsim.results.Manifest;
import org.qicsim.results.ResultsFolder;
import org.qicsim.results.RunLog;
import org.qicsim.results.RunTables;

/**
 * Writes an experiment into a results folder (ARCHITECTURE.md "Results layout"): each design's
 * {@code scenario.resolved.yaml}, run tables and {@code summary.json} in the run layout (the folder
 * itself for {@code run}, {@code designs/<k>-<name>/} for {@code compare}), the {@code design} and
 * {@code points} tables of every design at the top ({@link DesignTables}), plus {@code log.txt} and
 * {@code manifest.json}. The folder appears under its final name only when everything is written.
 */
final class ExperimentFolder implements AutoCloseable {
    static final String RESOLVED = "scenario.resolved.yaml";

    private final ResultsFolder folder;
    private final RunLog log;
    private final List<DesignSpec> designs;
    private final List<String> designDirs = new ArrayList<>();
    private final List<RunTables> tables = new ArrayList<>();

    ExperimentFolder(ResultsFolder folder, Experiment experiment, boolean subfolders) throws IOException {
        this.folder = folder;
        this.log = folder.log();
        this.designs = experiment.designs();
        for (DesignSpec d : experiment.designs()) {
            String dir = subfolders ? folder.design(d.point(), d.name()) : "";
            designDirs.add(dir);
            Files.writeString(folder.resolve(dir.isEmpty() ? RESOLVED : dir + "/" + RESOLVED),
                    d.scenario().canonicalYaml(), StandardCharsets.UTF_8);
            tables.add(new RunTables(folder, dir));
        }
    }

    Path dir() {
        return folder.dir();
    }

    /** The sink that streams each run's rows to its design's tables. */
    RunExecutor.Sink sink(Progress progress) {
        return (run, result) -> {
            tables.get(designs.indexOf(run.design())).write(run.design().point(), run.replicate(),
                    Seeds.hex(run.runSeed()), result);
            progress.step();
        };
    }

    void writeSummaries(List<DesignSummary> summaries, long masterSeed, int replications) throws IOException {
        writeSummaries(summaries, masterSeed, replications, null);
    }

    /** As above; {@code parameters} (non-null with {@code --parameters}) adds prediction intervals. */
    void writeSummaries(List<DesignSummary> summaries, long masterSeed, int replications,
            java.util.Map<String, Object> parameters) throws IOException {
        for (int k = 0; k < summaries.size(); k++) {
            folder.writeSummary(designDirs.get(k), SummaryExport.of(summaries.get(k), masterSeed, replications,
                    parameters));
        }
        DesignTables.write(folder, summaries, masterSeed, replications);
    }

    void writeManifest(Manifest manifest) throws IOException {
        folder.writeManifest("", manifest);
    }

    ResultsFolder folder() {
        return folder;
    }

    /** Closes every writer and publishes the folder under its final name. */
    Path commit() throws IOException {
        for (RunTables t : tables) {
            t.close();
        }
        log.close();
        return folder.commit();
    }

    @Override
    public void close() throws IOException {
        folder.close();
    }

    /** What a command writes once every run is in, before the folder is published. */
    @FunctionalInterface
    interface Finish<T> {
        T write(ExperimentFolder results, RunExecutor executor, List<DesignResults> designs) throws IOException;
    }

    /** The published folder and what {@link Finish} returned. */
    record Completed<T>(Path folder, T value) {
    }

    /**
     * Runs an experiment into a results folder, the way {@code run} and {@code compare} do: a local
     * pool, a progress bar that is gone before anything is printed, Ctrl-C stopping between runs
     * (exit 130 with only whole runs in the {@code .partial} folder), then the command's own files
     * and the publication of the folder.
     */
    static <T> Completed<T> execute(ResultsFolder folder, Experiment experiment, boolean subfolders, String task,
            GlobalOptions options, InterruptOption interrupt, Finish<T> finish) throws IOException, InterruptedException {
        StopSignal stop = new StopSignal();
        StopOnInterrupt ctrlC = StopOnInterrupt.install(stop, "qicsim-" + task.split(" ")[0] + "-stop");
        try (ExperimentFolder results = new ExperimentFolder(folder, experiment, subfolders);
                LocalPool pool = new LocalPool(options.threads())) {
            List<DesignResults> designs;
            try (Progress progress = Progress.start(task, experiment.runs().size(), options)) {
                designs = experiment.execute(pool, interrupt.counting(stop, results.sink(progress)),
                        stop);
            } catch (InterruptedException e) {
                throw new InterruptedException(e.getMessage() + "; they are in " + results.dir());
            }
            T value = finish.write(results, pool, designs);
            return new Completed<>(results.commit(), value);
        } finally {
            // After the folder's files are closed: only whole runs in them.
            ctrlC.close();
        }
    }

    static Manifest manifest(List<String> args, Instant start, String hash, long masterSeed, RunExecutor executor) {
        return Manifest.start(BuildInfo.load(), args, start)
                .withScenario(hash, masterSeed, Seeds.SCHEME)
                .withExecution("mason-18/" + executor.name(), executor.threads());
    }
}
