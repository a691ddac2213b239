package org.qicsim.cli;

import java.io.PrintWriter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.qicsim.results.OneLineFormatter;

/**
 * Routes {@code java.util.logging} to the command's stderr writer in the one-line format, at the level
 * chosen by {@code --quiet}/{@code --verbose}/{@code --debug}, for the duration of one command.
 *
 * <p>The root logger is set to the finer of the console level and INFO, and the console handler to
 * the console level, so a results folder's {@code log.txt} gets INFO messages even under
 * {@code --quiet}. {@link #close()} restores the previous configuration, so commands run in tests
 * leave no handlers behind.
 */
final class CliLogging implements AutoCloseable {

    private final Logger root = Logger.getLogger("");
    private final Handler[] previousHandlers;
    private final Level previousLevel;
    private final Handler console;

    private CliLogging(PrintWriter err, Level consoleLevel) {
        previousHandlers = root.getHandlers();
        previousLevel = root.getLevel();
        for (Handler h : previousHandlers) {
            root.removeHandler(h);
        }
        console = new WriterHandler(err);
        console.setLevel(consoleLevel);
        root.addHandler(console);
        root.setLevel(consoleLevel.intValue() < Level.INFO.intValue() ? consoleLevel : Level.INFO);
    }

    static CliLogging configure(PrintWriter err, Level consoleLevel) {
        return new CliLogging(err, consoleLevel);
    }

    @Override
    public void close() {
        root.removeHandler(console);
        console.close();
        for (Handler h : previousHandlers) {
            root.addHandler(h);
        }
        root.setLevel(previousLevel);
    }

    /** A handler writing formatted records to a {@link PrintWriter} (picocli's {@code getErr()}). */
    private static final class WriterHandler extends Handler {
        private final PrintWriter out;

        WriterHandler(PrintWriter out) {
            this.out = out;
            setFormatter(new OneLineFormatter());
        }

        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                String line = getFormatter().format(record);
                synchronized (out) {
                    out.print(line);
                    out.flush();
                }
            }
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() {
            // The writer belongs to the command line; only flush it.
            out.flush();
        }
    }
}
