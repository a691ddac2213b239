package org.qicsim.results.duckdb;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.qicsim.results.UserInputException;

/** Quoting for the SQL this package builds; user SQL is never rewritten. */
final class Sql {
    private static final Pattern GLOB = Pattern.compile("[*?\\[\\]{}]");

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

    /**
     * A list literal of paths, {@code ['a', 'b']}, for DuckDB's {@code read_parquet}/{@code read_csv}.
     * These read every path as a glob pattern, and DuckDB has no way to quote one, so a path holding
     * {@code * ? [ ] { }} would silently add the files of sibling folders: it is refused.
     */
    static String list(List<Path> paths) {
        for (Path p : paths) {
            String text = p.toAbsolutePath().normalize().toString();
            if (GLOB.matcher(text).find()) {
                throw new UserInputException("cannot read " + p + ": its path holds one of * ? [ ] { }, which DuckDB "
                        + "reads as a file pattern (other folders' files would be mixed in); rename or move the folder");
            }
        }
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
