package org.qicsim.results.duckdb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The first rows of a query result, formatted as text cells (null for SQL NULL), with whether
 * each column is numeric and how many rows the query returned in all.
 */
public record QueryTable(List<String> columns, List<Boolean> numeric, List<List<String>> rows, long totalRows) {
    public QueryTable {
        columns = List.copyOf(columns);
        numeric = List.copyOf(numeric);
        List<List<String>> copy = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            // Cells may be null (SQL NULL), which List.copyOf would reject.
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    /** Whether rows were left out. */
    public boolean truncated() {
        return totalRows > rows.size();
    }
}
