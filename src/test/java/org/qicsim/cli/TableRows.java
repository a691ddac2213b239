package org.qicsim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.qicsim.results.duckdb.DuckDb;
import org.qicsim.results.duckdb.QueryRunner;
import org.qicsim.results.duckdb.QueryTable;
import org.qicsim.results.duckdb.ResultsTables;

/**
 * The rows of a results table keyed by their identity columns, each value as the exact text
 * {@link QueryRunner} gives it ({@code Double.toString}, which round-trips), for comparing two
 * folders value by value whatever order their rows were stored in.
 */
public final class TableRows {
    private TableRows() {
    }

    /** {@code table}'s rows by the values of {@code keys} joined with "/", read through the one reader. */
    public static Map<String, List<String>> of(Path folder, String table, List<String> keys) throws Exception {
        try (DuckDb db = DuckDb.openWithTemporarySpill()) {
            ResultsTables.register(db, folder);
            QueryTable t = new QueryRunner(db).query("SELECT * FROM " + table, Integer.MAX_VALUE);
            Map<String, List<String>> rows = new TreeMap<>();
            for (List<String> row : t.rows()) {
                StringBuilder key = new StringBuilder();
                for (String k : keys) {
                    key.append(row.get(t.columns().indexOf(k))).append('/');
                }
                if (rows.put(key.toString(), row) != null) {
                    throw new AssertionError("key " + key + " appears twice in " + table + " of " + folder);
                }
            }
            return rows;
        }
    }

    /** Column names of {@code table}. */
    public static List<String> columns(Path folder, String table) throws Exception {
        try (DuckDb db = DuckDb.openWithTemporarySpill()) {
            ResultsTables.register(db, folder);
            return new QueryRunner(db).query("SELECT * FROM " + table + " LIMIT 0", 0).columns();
        }
    }
}
