package org.qicsim.experiment.sweep;

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
    private final StringBuilder pending = new StringBuilder(1 << 16);

    RowBuffer(Path file) throws IOException {
        this.out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Characters waiting for the next flush. */
    int pending() {
        return pending.length();
    }

    @Override
    public void write(char[] chars, int off, int len) {
        pending.append(chars, off, len);
    }

    @Override
    public void write(String s) {
        pending.append(s);
    }

    @Override
    public void flush() throws IOException {
        if (pending.length() > 0) {
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
