package org.qicsim.results.duckdb;

import java.nio.file.Path;

/** Child-JVM entry point for {@link DuckDbTest}: reports whether DuckDb.open succeeds. */
public final class DuckDbProbe {
    private DuckDbProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (DuckDb db = DuckDb.open(Path.of(args[0]))) {
            db.execute("SELECT 1");
            System.out.println("AVAILABLE");
        } catch (DuckDbUnavailableException e) {
            System.out.println("UNAVAILABLE: " + e.getMessage());
        }
    }
}
