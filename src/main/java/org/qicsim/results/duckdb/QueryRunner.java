package org.qicsim.results.duckdb;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.qicsim.results.CsvWriter;

/**
 * Runs SQL against a {@link DuckDb} (usually over the views {@link ResultsTables} registered) and
 * renders the result as an aligned text table for stdout or as a CSV file.
 *
 * <p>Cells follow the results CSV conventions (MODEL.md §9): doubles by {@link Double#toString}
 * (locale-free, exact round trip), integers and decimals in plain digits, {@code true/false}, and
 * SQL NULL as an empty CSV cell ({@code NULL} in the text table, to tell it from empty text).
 * CSV is UTF-8 with {@code ,} and {@code \n}, a header row, and RFC 4180 quoting where needed.
 */
public final class QueryRunner {
    private final DuckDb db;

    public QueryRunner(DuckDb db) {
        this.db = db;
    }

    /** A runner over the tables of results folder {@code folder}. */
    public static QueryRunner over(DuckDb db, Path folder) throws IOException {
        ResultsTables.register(db, folder);
        return new QueryRunner(db);
    }

    /**
     * Runs {@code sql} and keeps its first {@code maxRows} rows, counting the rest. A statement
     * that returns no rows (say, a COPY) gives an empty table.
     */
    public QueryTable query(String sql, int maxRows) throws QueryException {
        try (PreparedStatement ps = prepare(sql)) {
            if (!ps.execute()) {
                return new QueryTable(List.of(), List.of(), List.of(), 0);
            }
            try (ResultSet rs = ps.getResultSet()) {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                List<String> columns = new ArrayList<>(n);
                List<Boolean> numeric = new ArrayList<>(n);
                for (int c = 1; c <= n; c++) {
                    columns.add(md.getColumnLabel(c));
                    numeric.add(isNumeric(md, c));
                }
                List<List<String>> rows = new ArrayList<>();
                long total = 0;
                while (rs.next()) {
                    if (total < maxRows) {
                        List<String> row = new ArrayList<>(n);
                        for (int c = 1; c <= n; c++) {
                            row.add(cell(rs, c));
                        }
                        rows.add(row);
                    }
                    total++;
                }
                return new QueryTable(columns, numeric, rows, total);
            }
        } catch (SQLException e) {
            throw new QueryException(e.getMessage(), e);
        }
    }

    /**
     * Prints the result of {@code sql} as an aligned table (numbers right-aligned) followed by a
     * row count, showing at most {@code maxRows} rows.
     *
     * @return the number of rows the query returned
     */
    public long printTable(String sql, Appendable out, int maxRows) throws QueryException, IOException {
        QueryTable t = query(sql, maxRows);
        out.append(TextTable.render(t));
        return t.totalRows();
    }

    /**
     * Streams the result of {@code sql} to CSV file {@code file}, written under a temporary name
     * and moved into place when complete; an existing {@code file} is never replaced.
     *
     * @return the number of data rows written
     * @throws FileAlreadyExistsException if {@code file} exists
     */
    public long writeCsv(String sql, Path file) throws QueryException, IOException {
        Path target = file.toAbsolutePath();
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(file.toString(), null, "will not overwrite it");
        }
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        long rows = 0;
        try (PreparedStatement ps = prepare(sql)) {
            boolean hasRows = ps.execute();
            try (ResultSet rs = hasRows ? ps.getResultSet() : null) {
                List<String> header = new ArrayList<>();
                int n = rs == null ? 0 : rs.getMetaData().getColumnCount();
                for (int c = 1; c <= n; c++) {
                    header.add(rs.getMetaData().getColumnLabel(c));
                }
                Files.deleteIfExists(tmp);
                if (n == 0) {
                    // No result set (a statement such as COPY): an empty file.
                    Files.createFile(tmp);
                } else {
                    try (CsvWriter csv = CsvWriter.create(tmp, header)) {
                        while (rs.next()) {
                            for (int c = 1; c <= n; c++) {
                                csv.cell(cell(rs, c));
                            }
                            csv.endRow();
                            rows++;
                        }
                    }
                }
            }
        } catch (SQLException e) {
            Files.deleteIfExists(tmp);
            throw new QueryException(e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        // Without REPLACE_EXISTING: a file that appeared meanwhile is not overwritten either.
        Files.move(tmp, target);
        return rows;
    }

    /**
     * The (point, replicate) pairs that have a row in {@code runs} of results folder
     * {@code folder}, in order; empty when the folder has no runs yet. A resumed sweep runs only
     * the pairs missing from this set.
     */
    public static SortedSet<RunKey> finishedRuns(DuckDb db, Path folder) throws IOException, QueryException {
        SortedSet<RunKey> done = new TreeSet<>();
        if (!ResultsTables.register(db, folder).contains("runs")) {
            return done;
        }
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT DISTINCT point, replicate FROM runs");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                done.add(new RunKey(rs.getLong(1), rs.getInt(2)));
            }
        } catch (SQLException e) {
            throw new QueryException(e.getMessage(), e);
        }
        return done;
    }

    /** Preparing first gives DuckDB's plain error message rather than the JDBC wrapper's. */
    private PreparedStatement prepare(String sql) throws SQLException {
        return db.connection().prepareStatement(sql);
    }

    private static boolean isNumeric(ResultSetMetaData md, int c) throws SQLException {
        return switch (md.getColumnType(c)) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.FLOAT, Types.REAL,
                    Types.DOUBLE, Types.DECIMAL, Types.NUMERIC -> true;
            // HUGEINT and the unsigned integers have no JDBC type of their own (INTERVAL must not match).
            default -> md.getColumnTypeName(c).endsWith("INT") || md.getColumnTypeName(c).endsWith("INTEGER");
        };
    }

    /** One cell as text per the class conventions; null for SQL NULL. */
    static String cell(ResultSet rs, int c) throws SQLException {
        Object v = rs.getObject(c);
        if (v == null) {
            return null;
        }
        if (v instanceof Double d) {
            return Double.toString(d);
        }
        if (v instanceof Float f) {
            return Float.toString(f);
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        if (v instanceof Number || v instanceof Boolean || v instanceof String) {
            return v.toString();
        }
        // Dates, lists, structs: DuckDB's own rendering.
        return rs.getString(c);
    }
}
