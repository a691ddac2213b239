package org.qicsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.qicsim.experiment.DesignResults;
import org.qicsim.experiment.Experiment;
import org.qicsim.experiment.ExperimentSession;
import org.qicsim.experiment.RunExecutor;
import org.qicsim.results.ResultsFolder;

/**
 * The command-line side of an {@link ExperimentSession} for {@code run}, {@code compare} and
 * {@code attribute}: its runs executed by {@link LocalExecution} (a local pool, a progress bar,
 * Ctrl-C stopping between runs: exit 130 with only whole runs in the {@code .partial} folder and the
 * {@code --resume} command to finish it), then the command's own files and the publication of the
 * folder.
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
        return execute(() -> ExperimentSession.open(folder, experiment, subfolders), task, options, interrupt, finish);
    }

    /** As above, the session opened by {@code opener} ({@code attribute}'s, identified by its own files). */
    static <T> Completed<T> execute(Opener opener, String task, GlobalOptions options, InterruptOption interrupt,
            Finish<T> finish) throws IOException, InterruptedException {
        String command = task.split(" ")[0];
        try (LocalExecution local = LocalExecution.start(command, options, interrupt);
                ExperimentSession session = opener.open()) {
            List<DesignResults> designs;
            try {
                designs = local.execute(session, task);
            } catch (InterruptedException e) {
                throw new InterruptedException(e.getMessage() + "; finish with: qicsim " + command
                        + " <the same arguments> --resume " + session.dir());
            }
            T value = finish.write(session, local.pool(), designs);
            return new Completed<>(session.commit(), value);
        }
    }
}
