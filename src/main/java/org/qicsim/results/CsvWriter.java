package org.qicsim.results;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Streaming CSV in the encoding of MODEL.md §9: UTF-8 without BOM, {@code ,} separator, {@code \n}
 * line ends, a header row, locale-independent numbers. Rows are built cell by cell and written whole
 * when {@link #endRow()} checks the column count, so a half-built row never reaches the file.
 *
 * <ul>
 *   <li>doubles: {@link Double#toString(double)}, which always round-trips (shortest form from Java
 *       19; Java 17 occasionally prints one more digit); NaN is missing; ±∞ print as
 *       {@code Infinity}/{@code -Infinity}</li>
 *   <li>longs and ints: plain decimal; booleans: {@code true}/{@code false}</li>
 *   <li>strings: quoted per RFC 4180 when they contain {@code ,}, {@code "}, CR or LF (quotes
 *       doubled); an empty string is written {@code ""} to tell it from a missing value</li>
 *   <li>missing ({@code null}, NaN): an empty cell</li>
 * </ul>
 */
public final class CsvWriter implements TrackedOutput {

    private final Writer out;
    private final int columns;
    private final StringBuilder row = new StringBuilder(256);
    private int cellsInRow;
    private long rows;
    private boolean open = true;

    /** Writes to {@code out} (not closed by the caller afterwards: {@link #close()} closes it). */
    public CsvWriter(Writer out, List<String> header) throws IOException {
        if (header.isEmpty()) {
            throw new IllegalArgumentException("a CSV needs at least one column");
        }
        this.out = out;
        this.columns = header.size();
        for (String name : header) {
            cell(name);
        }
        writeRow();
    }

    /** Creates {@code file}, which must not exist, and writes the header. */
    public static CsvWriter create(Path file, List<String> header) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(
                Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                StandardCharsets.UTF_8), 1 << 16);
        try {
            return new CsvWriter(writer, header);
        } catch (IOException | RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    public CsvWriter cell(String value) {
        if (value == null) {
            return missing();
        }
        separate();
        if (value.isEmpty()) {
            row.append("\"\"");
        } else if (needsQuotes(value)) {
            row.append('"').append(value.replace("\"", "\"\"")).append('"');
        } else {
            row.append(value);
        }
        return this;
    }

    public CsvWriter cell(double value) {
        if (Double.isNaN(value)) {
            return missing();
        }
        separate();
        row.append(Double.toString(value));
        return this;
    }

    public CsvWriter cell(long value) {
        separate();
        row.append(value);
        return this;
    }

    public CsvWriter cell(boolean value) {
        separate();
        row.append(value ? "true" : "false");
        return this;
    }

    /** An empty cell. */
    public CsvWriter missing() {
        separate();
        return this;
    }

    /**
     * Adds a cell by type: {@code null}, {@link CharSequence}, {@link Double}/{@link Float},
     * {@link Long}/{@link Integer}/{@link Short}/{@link Byte}, {@link Boolean}. Anything else is a
     * programming error: a writer does not decide how a value is shown.
     */
    public CsvWriter cellOf(Object value) {
        if (value == null) {
            return missing();
        } else if (value instanceof CharSequence) {
            return cell(value.toString());
        } else if (value instanceof Double || value instanceof Float) {
            return cell(((Number) value).doubleValue());
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return cell(((Number) value).longValue());
        } else if (value instanceof Boolean) {
            return cell(((Boolean) value).booleanValue());
        }
        throw new IllegalArgumentException("no CSV form for " + value.getClass().getName());
    }

    /** Ends the row; it must have exactly as many cells as the header. */
    public void endRow() throws IOException {
        ensureOpen();
        if (cellsInRow != columns) {
            int had = cellsInRow;
            discardRow();
            throw new IllegalStateException("row has " + had + " cells, header has " + columns);
        }
        writeRow();
        rows++;
    }

    /** One whole row, cells as in {@link #cellOf(Object)}. */
    public void row(Object... cells) throws IOException {
        try {
            for (Object value : cells) {
                cellOf(value);
            }
        } catch (RuntimeException e) {
            discardRow();
            throw e;
        }
        endRow();
    }

    /** Data rows written so far (the header not counted). */
    public long rows() {
        return rows;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    public void flush() throws IOException {
        ensureOpen();
        out.flush();
    }

    /** Closes the file. A partly built row is discarded. Idempotent. */
    @Override
    public void close() throws IOException {
        if (open) {
            open = false;
            out.close();
        }
    }

    private void writeRow() throws IOException {
        row.append('\n');
        out.write(row.toString());
        row.setLength(0);
        cellsInRow = 0;
    }

    private void discardRow() {
        row.setLength(0);
        cellsInRow = 0;
    }

    private void separate() {
        ensureOpen();
        if (cellsInRow > 0) {
            row.append(',');
        }
        cellsInRow++;
    }

    private void ensureOpen() {
        if (!open) {
            throw new IllegalStateException("CSV writer is closed");
        }
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
