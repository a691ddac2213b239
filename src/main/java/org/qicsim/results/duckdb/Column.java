package org.qicsim.results.duckdb;

/** A named, typed, nullable column of a results table. */
public record Column(String name, ColumnType type) {
    public Column {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a column needs a name");
        }
        if (type == null) {
            throw new IllegalArgumentException("column " + name + " needs a type");
        }
    }

    public static Column bigint(String name) {
        return new Column(name, ColumnType.BIGINT);
    }

    public static Column integer(String name) {
        return new Column(name, ColumnType.INTEGER);
    }

    public static Column dbl(String name) {
        return new Column(name, ColumnType.DOUBLE);
    }

    public static Column bool(String name) {
        return new Column(name, ColumnType.BOOLEAN);
    }

    public static Column varchar(String name) {
        return new Column(name, ColumnType.VARCHAR);
    }
}
