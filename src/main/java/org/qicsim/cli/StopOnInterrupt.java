package org.qicsim.cli;

import java.util.concurrent.TimeUnit;
import org.qicsim.experiment.StopSignal;

/**
 * Ctrl-C for commands that run experiments (ARCHITECTURE.md: exit 130, results consistent): a
 * shutdown hook requests a stop and waits, up to {@link #WAIT_SECONDS}, until the command says its
 * files hold only whole runs. Closing it (after the command's files are closed) gives that word and
 * removes the hook. Declare it first in a try-with-resources so it closes last.
 */
final class StopOnInterrupt implements AutoCloseable {
    /** How long Ctrl-C waits for the runs in flight to finish and be written. */
    static final long WAIT_SECONDS = 60;

    private final StopSignal stop;
    private final Thread hook;

    private StopOnInterrupt(StopSignal stop, String name) {
        this.stop = stop;
        this.hook = new Thread(() -> {
            stop.request();
            try {
                stop.awaitStopped(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
    }

    static StopOnInterrupt install(StopSignal stop, String name) {
        StopOnInterrupt s = new StopOnInterrupt(stop, name);
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    @Override
    public void close() {
        stop.stopped();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C came: the hook is running and the JVM exits once it returns.
        }
    }
}
