package org.qicsim.results.duckdb;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Streams rows of a fixed schema into a folder of Parquet parts, {@code part-000001.parquet},
 * {@code part-000002.parquet}, …, with memory bounded by the chunk size whatever the number of
 * rows. Rows go through a DuckDB appender into a scratch table; every {@code chunkRows} rows, and
 * on {@link #flush()} and {@link #close()}, the table is copied to the next part and emptied.
 *
 * <p>Each part is written under a temporary name ({@code part-000007.parquet.tmp}) and renamed
 * only once DuckDB has finished and closed it, so a part that exists is complete: an interrupt
 * (Ctrl-C, a killed JVM) loses at most the rows not yet flushed and never leaves a half-written
 * part behind a reader's {@code part-*.parquet}. Opening a writer on a folder that already holds
 * parts (a resumed sweep) removes leftover temporary files and continues the numbering.
 *
 * <p>Not thread-safe: the thread that owns the {@link DuckDb} calls every method.
 */
public final class ParquetChunkWriter implements AutoCloseable {

    /** Default rows per part: small enough to bound memory, large enough for good row groups. */
    public static final int DEFAULT_CHUNK_ROWS = 100_000;

    static final String TMP_SUFFIX = ".tmp";
    private static final Pattern PART = Pattern.compile("part-(\\d+)\\.parquet");
    private static final AtomicLong TABLE_IDS = new AtomicLong();

    /** Test seam: runs between the completed COPY and the rename. */
    interface RenameHook {
        void beforeRename(Path tmp) throws IOException;
    }

    private final DuckDb db;
    private final Path folder;
    private final List<Column> schema;
    private final int chunkRows;
    private final String table;
    private final List<Path> parts = new ArrayList<>();
    private DuckDBAppender appender;
    private int nextPart;
    private int buffered;
    private long written;
    private boolean closed;
    private RenameHook hook = tmp -> { };

    private ParquetChunkWriter(DuckDb db, Path folder, List<Column> schema, int chunkRows, int nextPart) {
        this.db = db;
        this.folder = folder;
        this.schema = schema;
        this.chunkRows = chunkRows;
        this.nextPart = nextPart;
        this.table = "qicsim_chunk_" + TABLE_IDS.incrementAndGet();
    }

    /**
     * Opens a writer on {@code folder} (created if missing).
     *
     * @param chunkRows rows per Parquet part (at least 1)
     */
    public static ParquetChunkWriter open(DuckDb db, Path folder, List<Column> schema, int chunkRows)
            throws IOException {
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows must be >= 1, not " + chunkRows);
        }
        List<Column> columns = List.copyOf(schema);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a schema needs at least one column");
        }
        Set<String> names = new HashSet<>();
        StringBuilder ddl = new StringBuilder();
        for (Column c : columns) {
            // Column names are case-insensitive in DuckDB.
            if (!names.add(c.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("column " + c.name() + " appears twice");
            }
            ddl.append(ddl.length() == 0 ? "" : ", ").append(Sql.identifier(c.name())).append(' ').append(c.type().name());
        }
        Files.createDirectories(folder);
        int next = prepareFolder(folder) + 1;
        ParquetChunkWriter w = new ParquetChunkWriter(db, folder, columns, chunkRows, next);
        try {
            db.execute("CREATE TABLE " + Sql.identifier(w.table) + " (" + ddl + ")");
        } catch (SQLException e) {
            throw new IOException("DuckDB: " + e.getMessage(), e);
        }
        return w;
    }

    /** Deletes leftover temporary parts and returns the highest existing part number (0 if none). */
    private static int prepareFolder(Path folder) throws IOException {
        int max = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path p : files) {
                String name = p.getFileName().toString();
                if (name.startsWith("part-") && name.endsWith(".parquet" + TMP_SUFFIX)) {
                    Files.deleteIfExists(p);
                    continue;
                }
                Matcher m = PART.matcher(name);
                if (m.matches()) {
                    max = Math.max(max, Integer.parseInt(m.group(1)));
                }
            }
        }
        return max;
    }

    void setRenameHook(RenameHook hook) {
        this.hook = hook;
    }

    /**
     * Appends one row: one value per column, null for missing; BIGINT takes Long or Integer,
     * INTEGER takes Integer, DOUBLE takes Double (or any Number), BOOLEAN takes Boolean and
     * VARCHAR takes String. Writes a part when the chunk is full.
     */
    public void append(Object... row) throws IOException {
        if (closed) {
            throw new IllegalStateException("writer is closed");
        }
        if (row.length != schema.size()) {
            throw new IllegalArgumentException("row has " + row.length + " values for " + schema.size() + " columns");
        }
        // Check the whole row first so a bad value never leaves the appender mid-row.
        for (int i = 0; i < row.length; i++) {
            check(schema.get(i), row[i]);
        }
        try {
            if (appender == null) {
                appender = db.connection().createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
            }
            appender.beginRow();
            for (int i = 0; i < row.length; i++) {
                appendValue(schema.get(i).type(), row[i]);
            }
            appender.endRow();
        } catch (SQLException e) {
            throw new IOException("DuckDB: " + e.getMessage(), e);
        }
        buffered++;
        if (buffered >= chunkRows) {
            flush();
        }
    }

    private static void check(Column c, Object v) {
        boolean ok = switch (c.type()) {
            case BIGINT -> v == null || v instanceof Long || v instanceof Integer;
            case INTEGER -> v == null || v instanceof Integer;
            case DOUBLE -> v == null || v instanceof Number;
            case BOOLEAN -> v == null || v instanceof Boolean;
            case VARCHAR -> v == null || v instanceof String;
        };
        if (!ok) {
            throw new IllegalArgumentException("column " + c.name() + " (" + c.type() + ") cannot hold a "
                    + v.getClass().getSimpleName() + ": " + v);
        }
    }

    private void appendValue(ColumnType type, Object v) throws SQLException {
        if (v == null) {
            appender.appendNull();
            return;
        }
        switch (type) {
            case BIGINT -> appender.append(((Number) v).longValue());
            case INTEGER -> appender.append(((Integer) v).intValue());
            case DOUBLE -> appender.append(((Number) v).doubleValue());
            case BOOLEAN -> appender.append(((Boolean) v).booleanValue());
            case VARCHAR -> appender.append((String) v);
        }
    }

    /** Writes the buffered rows, if any, as the next complete part. */
    public void flush() throws IOException {
        if (buffered == 0) {
            return;
        }
        Path target = folder.resolve(String.format(Locale.ROOT, "part-%06d.parquet", nextPart));
        Path tmp = folder.resolve(target.getFileName() + TMP_SUFFIX);
        try {
            if (appender != null) {
                appender.flush();
                appender.close();
                appender = null;
            }
            db.execute("COPY " + Sql.identifier(table) + " TO " + Sql.literal(tmp) + " (FORMAT parquet)");
            hook.beforeRename(tmp);
            // COPY has closed the file: the rename publishes a complete part in one step.
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            db.execute("DELETE FROM " + Sql.identifier(table));
        } catch (SQLException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("DuckDB could not write " + target + ": " + e.getMessage(), e);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        parts.add(target);
        nextPart++;
        written += buffered;
        buffered = 0;
    }

    /** Rows written to complete parts so far. */
    public long rowsWritten() {
        return written;
    }

    /** Rows appended but not yet in a part. */
    public int rowsBuffered() {
        return buffered;
    }

    /** The parts this writer has written, in order. */
    public List<Path> parts() {
        return List.copyOf(parts);
    }

    public Path folder() {
        return folder;
    }

    /** Flushes the remaining rows and drops the scratch table. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flush();
        } finally {
            try {
                if (appender != null) {
                    appender.close();
                }
                db.execute("DROP TABLE IF EXISTS " + Sql.identifier(table));
            } catch (SQLException e) {
                throw new IOException("DuckDB: " + e.getMessage(), e);
            }
        }
    }
}
