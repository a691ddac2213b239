package org.qicsim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.qicsim.experiment.StopSignal;

/**
 * Ctrl-C for commands that run experiments (ARCHITECTURE.md: exit 130, results consistent): a
 * shutdown hook requests a stop and waits, up to {@link #WAIT_SECONDS}, until the command says its
 * files hold only whole runs and its last words are printed. Declare it first in a
 * try-with-resources so it closes last.
 *
 * <p>The JVM halts as soon as its shutdown hooks return, whatever other threads are doing. The hook
 * therefore waits not only for the files to be closed ({@link #close()}) but for the command's
 * final output (the folder's path on stdout, the "interrupted … resume with …" message on stderr),
 * which {@link Main#execute} prints after the command returns and then reports through
 * {@link #outputPrinted()}. Releasing the hook at {@link #close()} raced with that printing and
 * lost it in about half of the interrupts.
 */
final class StopOnInterrupt implements AutoCloseable {
    /** How long Ctrl-C waits for the runs in flight to finish and be written. */
    static final long WAIT_SECONDS = 60;

    /** Stops whose hook is running and waits for the command's last output. */
    private static final List<StopSignal> AWAITING_OUTPUT = new ArrayList<>();

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
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
            stop.stopped();
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C came: the hook is running and the JVM halts once it returns; let it return only
            // after the command's last output is printed.
            synchronized (AWAITING_OUTPUT) {
                AWAITING_OUTPUT.add(stop);
            }
        }
    }

    /**
     * Called by {@link Main#execute} once the command's output and error messages are printed and
     * flushed: releases the shutdown hooks waiting for them.
     */
    static void outputPrinted() {
        List<StopSignal> waiting;
        synchronized (AWAITING_OUTPUT) {
            waiting = new ArrayList<>(AWAITING_OUTPUT);
            AWAITING_OUTPUT.clear();
        }
        waiting.forEach(StopSignal::stopped);
    }
}
