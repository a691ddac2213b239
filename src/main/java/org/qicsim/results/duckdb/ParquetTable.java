package org.qicsim.results.duckdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * A small table of numbers as one Parquet file, written and read through DuckDB: posterior
 * samples ({@code posterior.parquet}) and anything else that is a few thousand rows of doubles.
 * The file is written to a temporary name and renamed once DuckDB has closed it, so a reader never
 * sees half a file. Values are stored as DOUBLE (the first {@code integerColumns} as BIGINT).
 */
public final class ParquetTable {
    private static final AtomicLong TABLE_IDS = new AtomicLong();

    /** The columns and rows of a table read back; every cell as a double (NaN for NULL). */
    public record Contents(List<String> columns, List<double[]> rows) {
    }

    private ParquetTable() {
    }

    /**
     * Writes {@code rows} (each of {@code columns.size()} values) to {@code file}, which must not exist.
     *
     * @param integerColumns how many leading columns hold whole numbers (BIGINT)
     */
    public static void write(DuckDb db, Path file, List<String> columns, int integerColumns, List<double[]> rows)
            throws IOException {
        if (Files.exists(file)) {
            throw new IOException(file + " exists; qicsim never overwrites");
        }
        String table = "qicsim_table_" + TABLE_IDS.incrementAndGet();
        StringBuilder ddl = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            ddl.append(i == 0 ? "" : ", ").append(Sql.identifier(columns.get(i)))
                    .append(i < integerColumns ? " BIGINT" : " DOUBLE");
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            db.execute("CREATE TABLE " + Sql.identifier(table) + " (" + ddl + ")");
            try (DuckDBAppender appender = db.connection().createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
                for (double[] row : rows) {
                    if (row.length != columns.size()) {
                        throw new IllegalArgumentException("row has " + row.length + " values for " + columns.size()
                                + " columns");
                    }
                    appender.beginRow();
                    for (int i = 0; i < row.length; i++) {
                        if (Double.isNaN(row[i])) {
                            appender.appendNull();
                        } else if (i < integerColumns) {
                            appender.append((long) row[i]);
                        } else {
                            appender.append(row[i]);
                        }
                    }
                    appender.endRow();
                }
            }
            db.execute("COPY " + Sql.identifier(table) + " TO " + Sql.literal(tmp) + " (FORMAT parquet)");
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("DuckDB could not write " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                db.execute("DROP TABLE IF EXISTS " + Sql.identifier(table));
            } catch (SQLException e) {
                // The scratch table dies with the in-memory database.
            }
        }
    }

    /** Reads every column of a Parquet file, rows in file order. */
    public static Contents read(DuckDb db, Path file) throws IOException {
        try (Statement s = db.connection().createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM read_parquet(" + Sql.literal(file) + ")")) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i));
            }
            List<double[]> rows = new ArrayList<>();
            while (rs.next()) {
                double[] row = new double[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    Object v = rs.getObject(i + 1);
                    row[i] = v instanceof Number n ? n.doubleValue() : Double.NaN;
                }
                rows.add(row);
            }
            return new Contents(List.copyOf(columns), rows);
        } catch (SQLException e) {
            throw new IOException("cannot read " + file + " as Parquet: " + e.getMessage(), e);
        }
    }
}
