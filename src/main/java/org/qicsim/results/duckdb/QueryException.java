package org.qicsim.results.duckdb;

/**
 * A query DuckDB refused or failed, carrying DuckDB's own message (which names the missing table
 * or column and often suggests the intended one). The CLI reports it as a user error.
 */
public final class QueryException extends Exception {
    private static final long serialVersionUID = 1L;

    public QueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
