package org.qicsim.results.duckdb;

import java.nio.file.Path;
import java.util.List;

/** Quoting for the SQL this package builds; user SQL is never rewritten. */
final class Sql {
    private Sql() {
    }

    /** A string literal: single quotes, embedded quotes doubled. */
    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /**
     * A path as a string literal: absolute and with forward slashes, which DuckDB accepts on
     * every platform and which keep backslashes out of the SQL.
     */
    static String literal(Path p) {
        return literal(p.toAbsolutePath().normalize().toString().replace('\\', '/'));
    }

    /** A list literal of paths, {@code ['a', 'b']}. */
    static String list(List<Path> paths) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < paths.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(literal(paths.get(i)));
        }
        return sb.append(']').toString();
    }

    /** A quoted identifier. */
    static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
