package org.qicsim.patterns;

import java.util.List;

/**
 * A run table a pattern leaves behind (e.g. {@code trials.csv} of a simulated review): written into
 * the pattern's subfolder of the scorecard folder as {@code <name>.csv}. Cells are numbers, strings,
 * booleans or null (an empty cell).
 */
public record Table(String name, List<String> header, List<List<Object>> rows) {
    public Table {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        for (List<Object> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("row of " + row.size() + " cells under " + header.size() + " columns in " + name);
            }
        }
    }
}
