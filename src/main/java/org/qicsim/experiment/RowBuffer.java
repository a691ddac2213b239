package org.qicsim.experiment;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file writer that holds what it is given until {@link #flush()}, then appends it in one write:
 * a CSV writer above it hands over whole rows, so rows reach the file only whole and only when the
 * sweep commits, never because a buffer happened to fill. (A plain buffered writer could put a run's
 * {@code runs} row on disk before its monthly rows; a killed process would then leave a run that
 * looks stored but is not.)
 */
final class RowBuffer extends Writer {
    private final OutputStream out;
    private final String name;
    private final StringBuilder pending = new StringBuilder(1 << 16);
    private boolean discarded;

    RowBuffer(Path file) throws IOException {
        this.out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        this.name = String.valueOf(file.getFileName());
    }

    /** The file's name, for messages. */
    String name() {
        return name;
    }

    /** After a failed write: what waits is dropped and nothing more is written. */
    void discard() {
        discarded = true;
        pending.setLength(0);
    }

    /** Test seam: writes the first half of what waits, as a write cut short by a full disk would. */
    void writeHalf() throws IOException {
        byte[] bytes = pending.toString().getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length / 2);
        out.flush();
    }

    /** Characters waiting for the next flush. */
    int pending() {
        return pending.length();
    }

    @Override
    public void write(char[] chars, int off, int len) {
        if (!discarded) {
            pending.append(chars, off, len);
        }
    }

    @Override
    public void write(String s) {
        if (!discarded) {
            pending.append(s);
        }
    }

    @Override
    public void flush() throws IOException {
        if (pending.length() > 0 && !discarded) {
            out.write(pending.toString().getBytes(StandardCharsets.UTF_8));
            pending.setLength(0);
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try (out) {
            flush();
        }
    }
}
