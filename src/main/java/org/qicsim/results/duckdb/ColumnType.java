package org.qicsim.results.duckdb;

/** The column types results tables use; every column is nullable. */
public enum ColumnType {
    BIGINT,
    INTEGER,
    DOUBLE,
    BOOLEAN,
    VARCHAR
}
