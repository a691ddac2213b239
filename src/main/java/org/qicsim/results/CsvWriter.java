package org.qicsim.results;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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
        this(out, header.size());
        for (String name : header) {
            cell(name);
        }
        writeRow();
    }

    /** A writer continuing a file whose header is already there. */
    private CsvWriter(Writer out, int columns) {
        if (columns == 0) {
            throw new IllegalArgumentException("a CSV needs at least one column");
        }
        this.out = out;
        this.columns = columns;
    }

    /** Creates {@code file}, which must not exist, and writes the header. */
    public static CsvWriter create(Path file, List<String> header) throws IOException {
        Writer writer = open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            return new CsvWriter(writer, header);
        } catch (IOException | RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    /**
     * Makes {@code file}, written earlier with {@code header} (a resumed sweep without DuckDB),
     * ready to be continued: a last line cut short by a crash is dropped, so the file holds whole
     * rows only. Then write to it with {@link #continuing} when this returns true, or with a new
     * writer (which writes the header) when the file is missing or empty.
     *
     * @return whether the file holds the header (and perhaps rows)
     * @throws IOException if the file's header differs from {@code header}
     */
    public static boolean readyToAppend(Path file, List<String> header) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        truncateAfterLastNewline(file);
        if (Files.size(file) == 0) {
            return false;
        }
        String first;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            first = in.readLine();
        }
        String expected = headerLine(header);
        if (!expected.equals(first + "\n")) {
            throw new IOException(file + " has the header \"" + first + "\", not \"" + expected.strip() + "\"");
        }
        return true;
    }

    /** A writer adding rows to output that already holds the header row (see {@link #readyToAppend}). */
    public static CsvWriter continuing(Writer out, List<String> header) {
        return new CsvWriter(out, header.size());
    }

    /** The header row as {@link #CsvWriter(Writer, List)} writes it, with its newline. */
    private static String headerLine(List<String> header) throws IOException {
        StringWriter text = new StringWriter();
        new CsvWriter(text, header).flush();
        return text.toString();
    }

    /** Cuts a trailing partial line; a file is written in whole rows, so anything after the last newline is one. */
    private static void truncateAfterLastNewline(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long end = channel.size();
            ByteBuffer block = ByteBuffer.allocate(1 << 16);
            while (end > 0) {
                long start = Math.max(0, end - block.capacity());
                block.clear().limit((int) (end - start));
                while (block.hasRemaining()) {
                    if (channel.read(block, start + block.position()) < 0) {
                        throw new IOException("unexpected end of " + file);
                    }
                }
                for (int i = block.limit() - 1; i >= 0; i--) {
                    if (block.get(i) == '\n') {
                        channel.truncate(start + i + 1);
                        return;
                    }
                }
                end = start;
            }
            channel.truncate(0);
        }
    }

    private static Writer open(Path file, StandardOpenOption... options) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file, options), StandardCharsets.UTF_8),
                1 << 16);
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
