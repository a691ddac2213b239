package org.qicsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.qicsim.experiment.DesignResults;
import org.qicsim.experiment.Experiment;
import org.qicsim.experiment.ExperimentSession;
import org.qicsim.experiment.LocalPool;
import org.qicsim.experiment.RunExecutor;
import org.qicsim.experiment.StopSignal;
import org.qicsim.results.ResultsFolder;

/**
 * The command-line side of an {@link ExperimentSession} for {@code run}, {@code compare} and
 * {@code attribute}: a local
 * pool, a progress bar that is gone before anything is printed, Ctrl-C stopping between runs (exit
 * 130 with only whole runs in the {@code .partial} folder), then the command's own files and the
 * publication of the folder.
 */
final class ExperimentFolder {

    private ExperimentFolder() {
    }

    /** What a command writes once every run is in, before the folder is published. */
    @FunctionalInterface
    interface Finish<T> {
        T write(ExperimentSession session, RunExecutor executor, List<DesignResults> designs) throws IOException;
    }

    /** The published folder and what {@link Finish} returned. */
    record Completed<T>(Path folder, T value) {
    }

    /** Opens the command's session (see {@link ExperimentSession#open}). */
    @FunctionalInterface
    interface Opener {
        ExperimentSession open() throws IOException;
    }

    static <T> Completed<T> execute(ResultsFolder folder, Experiment experiment, boolean subfolders, String task,
            GlobalOptions options, InterruptOption interrupt, Finish<T> finish) throws IOException, InterruptedException {
        return execute(() -> ExperimentSession.open(folder, experiment, subfolders), experiment, task, options,
                interrupt, finish);
    }

    /** As above, the session opened by {@code opener} ({@code attribute}'s, identified by its own files). */
    static <T> Completed<T> execute(Opener opener, Experiment experiment, String task, GlobalOptions options,
            InterruptOption interrupt, Finish<T> finish) throws IOException, InterruptedException {
        StopSignal stop = new StopSignal();
        StopOnInterrupt ctrlC = StopOnInterrupt.install(stop, "qicsim-" + task.split(" ")[0] + "-stop");
        try (ExperimentSession session = opener.open();
                LocalPool pool = new LocalPool(options.threads())) {
            List<DesignResults> designs;
            long remaining = experiment.runs().size() - session.storedBefore();
            try (Progress progress = Progress.start(task, remaining, options)) {
                designs = session.execute(pool, stop, interrupt.counting(stop, (run, result) -> progress.step()));
            } catch (InterruptedException e) {
                throw new InterruptedException(e.getMessage() + "; finish with: qicsim " + task.split(" ")[0]
                        + " <the same arguments> --resume " + session.dir());
            }
            T value = finish.write(session, pool, designs);
            return new Completed<>(session.commit(), value);
        } finally {
            // After the folder's files are closed: only whole runs in them.
            ctrlC.close();
        }
    }
}
