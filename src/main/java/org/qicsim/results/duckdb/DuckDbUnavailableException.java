package org.qicsim.results.duckdb;

/**
 * DuckDB could not start here: typically its native library could not be unpacked into
 * {@code java.io.tmpdir} or loaded on this platform. Callers fall back to CSV and say so.
 */
public final class DuckDbUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public DuckDbUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
