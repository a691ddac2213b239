package org.qicsim.cli;

import java.io.IOException;
import java.util.List;
import org.qicsim.experiment.DesignResults;
import org.qicsim.experiment.ExperimentSession;
import org.qicsim.experiment.LocalPool;
import org.qicsim.experiment.RunExecutor;
import org.qicsim.experiment.StopSignal;

/**
 * How a command executes an {@link ExperimentSession} on this machine ({@code run}, {@code compare},
 * {@code attribute}, {@code sweep}): a local pool of {@code --threads}, Ctrl-C requesting a stop
 * between runs ({@link StopOnInterrupt}), a progress bar for each stretch of runs (gone before
 * anything is printed), and the hidden {@code --interrupt-after N}, which stops as Ctrl-C would once
 * N runs are stored in this process. Declare it before the session in a try-with-resources, so the
 * session's files are closed (only whole runs in them) before the Ctrl-C hook is let go.
 */
final class LocalExecution implements AutoCloseable {
    private final GlobalOptions options;
    private final Long interruptAfter;
    private final StopSignal stop = new StopSignal();
    private final StopOnInterrupt ctrlC;
    private final LocalPool pool;
    private long storedHere;
    private boolean closed;

    private LocalExecution(String command, GlobalOptions options, Long interruptAfter) {
        this.options = options;
        this.interruptAfter = interruptAfter;
        this.ctrlC = StopOnInterrupt.install(stop, "qicsim-" + command + "-stop");
        try {
            this.pool = new LocalPool(options.threads());
        } catch (RuntimeException e) {
            ctrlC.close();
            throw e;
        }
    }

    /**
     * Installs the Ctrl-C hook and starts the pool.
     *
     * @param command the command's name (the hook thread's)
     */
    static LocalExecution start(String command, GlobalOptions options, InterruptOption interrupt) {
        return new LocalExecution(command, options, interrupt.after == null ? null : interrupt.after.longValue());
    }

    StopSignal stop() {
        return stop;
    }

    RunExecutor pool() {
        return pool;
    }

    /** {@link ExperimentSession#run} of the session's remaining runs, with a progress bar. */
    ExperimentSession.Outcome run(ExperimentSession session, String task) throws IOException, InterruptedException {
        try (Progress progress = Progress.start(task, session.remaining(), options)) {
            return session.run(pool, stop, observer(progress));
        }
    }

    /** {@link ExperimentSession#execute} of an experiment's remaining runs, with a progress bar. */
    List<DesignResults> execute(ExperimentSession session, String task) throws IOException, InterruptedException {
        try (Progress progress = Progress.start(task, session.remaining(), options)) {
            return session.execute(pool, stop, observer(progress));
        }
    }

    /** Called on the executing thread only (the session's sink). */
    private RunExecutor.Sink observer(Progress progress) {
        return (run, result) -> {
            progress.step();
            if (interruptAfter != null && ++storedHere >= interruptAfter) {
                stop.request();
            }
        };
    }

    /** Stops the pool, then lets the Ctrl-C hook go; a second call does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            pool.close();
        } finally {
            ctrlC.close();
        }
    }
}
