package org.qicsim.results;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Copies log records to a results folder's {@code log.txt} while a command runs, in the console's
 * one-line format ({@link OneLineFormatter}). The handler accepts every level; what reaches it is
 * decided by the logger levels the command line sets. Attached to the root logger by default, so it
 * also records library warnings. {@link #close()} detaches it and closes the file.
 *
 * <p>A plain stream handler rather than {@link java.util.logging.FileHandler}, which would leave
 * {@code .lck} files in the folder; each record is flushed so a crash keeps the log.
 */
public final class RunLog implements TrackedOutput {

    private final Logger logger;
    private final StreamHandler handler;
    private boolean open = true;

    private RunLog(Logger logger, StreamHandler handler) {
        this.logger = logger;
        this.handler = handler;
    }

    /** Creates {@code file} (which must not exist) and attaches it to the root logger. */
    public static RunLog attach(Path file) throws IOException {
        return attach(file, Logger.getLogger(""));
    }

    /** Creates {@code file} (which must not exist) and attaches it to {@code logger}. */
    public static RunLog attach(Path file, Logger logger) throws IOException {
        return attach(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), file, logger);
    }

    /**
     * Attaches {@code file} to the root logger, appending to what it holds (created if missing):
     * a resumed command continues its folder's log.
     */
    public static RunLog append(Path file) throws IOException {
        return attach(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                file, Logger.getLogger(""));
    }

    private static RunLog attach(OutputStream out, Path file, Logger logger) throws IOException {
        StreamHandler handler;
        try {
            handler = new FlushingHandler(out);
            handler.setEncoding(StandardCharsets.UTF_8.name());
            handler.setLevel(Level.ALL);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            out.close();
            throw new IOException("cannot attach log to " + file, e);
        }
        logger.addHandler(handler);
        return new RunLog(logger, handler);
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** Detaches the handler and closes the file. Idempotent. */
    @Override
    public void close() {
        if (open) {
            open = false;
            logger.removeHandler(handler);
            handler.close();
        }
    }

    private static final class FlushingHandler extends StreamHandler {
        FlushingHandler(OutputStream out) {
            super(out, new OneLineFormatter());
        }

        @Override
        public synchronized void publish(LogRecord record) {
            super.publish(record);
            flush();
        }
    }
}
