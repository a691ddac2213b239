package org.qicsim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.qicsim.model.RunResult;
import org.qicsim.results.duckdb.Column;

/**
 * The tables of a sweep folder and their rows, the same whether stored as Parquet or CSV: the run
 * layout's {@code runs}, {@code timeseries} and {@code sites} (MODEL.md §9: {@code point},
 * {@code replicate}, {@code runSeed} in hex, then {@code month} or {@code site}, then the values),
 * and {@code points} (one row per point and summarised metric). Missing values (NaN) are null, so
 * they become SQL NULL and empty CSV cells alike.
 */
public final class StoreTables {
    public static final String RUNS = "runs";
    public static final String TIMESERIES = "timeseries";
    public static final String SITES = "sites";
    public static final String POINTS = "points";
    public static final String SENSITIVITY = "sensitivity.csv";

    /** Column types of sites.csv (MODEL.md §9), by name; a new column must be typed here. */
    private static final Map<String, Column> SITE_TYPES = Map.ofEntries(
            Map.entry("region", Column.integer("region")),
            Map.entry("volume", Column.dbl("volume")),
            Map.entry("champion", Column.bool("champion")),
            Map.entry("member", Column.bool("member")),
            Map.entry("leftMonth", Column.integer("leftMonth")),
            Map.entry("baselineTrueRate", Column.dbl("baselineTrueRate")),
            Map.entry("finalTrueRate", Column.dbl("finalTrueRate")),
            Map.entry("baselineMeasuredRate", Column.dbl("baselineMeasuredRate")),
            Map.entry("finalMeasuredRate", Column.dbl("finalMeasuredRate")),
            Map.entry("reliability", Column.dbl("reliability")),
            Map.entry("payments", Column.dbl("payments")),
            Map.entry("gamingEver", Column.bool("gamingEver")));

    private StoreTables() {
    }

    public static List<Column> runs() {
        List<Column> c = identity();
        for (String m : RunResult.METRICS) {
            c.add(Column.dbl(m));
        }
        return c;
    }

    public static List<Column> timeseries() {
        List<Column> c = identity();
        c.add(Column.integer("month"));
        for (String m : RunResult.TIMESERIES_COLUMNS) {
            c.add(Column.dbl(m));
        }
        return c;
    }

    public static List<Column> sites() {
        List<Column> c = identity();
        c.add(Column.integer("site"));
        for (String name : RunResult.SITE_COLUMNS) {
            Column column = SITE_TYPES.get(name);
            if (column == null) {
                throw new IllegalStateException("sites column " + name + " has no type in " + StoreTables.class.getName());
            }
            c.add(column);
        }
        return c;
    }

    public static List<Column> points() {
        return List.of(Column.integer("point"), Column.varchar("metric"), Column.dbl("mean"), Column.dbl("sd"),
                Column.dbl("ciLow"), Column.dbl("ciHigh"), Column.integer("n"));
    }

    public static List<String> names(List<Column> columns) {
        List<String> names = new ArrayList<>(columns.size());
        for (Column c : columns) {
            names.add(c.name());
        }
        return names;
    }

    private static List<Column> identity() {
        return new ArrayList<>(List.of(Column.integer("point"), Column.integer("replicate"), Column.varchar("runSeed")));
    }

    /** The run's row of {@code runs}. */
    static Object[] runRow(int point, int replicate, long runSeed, RunResult result) {
        Object[] row = identity(point, replicate, runSeed, null, result.metrics().size());
        int i = 3;
        for (double v : result.metrics().values()) {
            row[i++] = value(v);
        }
        return row;
    }

    /** The run's row of {@code timeseries} for month t. */
    static Object[] timeseriesRow(int point, int replicate, long runSeed, RunResult result, int t) {
        double[] values = result.timeseriesRow(t);
        Object[] row = identity(point, replicate, runSeed, t, values.length);
        for (int i = 0; i < values.length; i++) {
            row[4 + i] = value(values[i]);
        }
        return row;
    }

    /** The run's row of {@code sites} for site j. */
    static Object[] siteRow(int point, int replicate, long runSeed, RunResult result, int j) {
        Object[] values = result.siteRow(j);
        Object[] row = identity(point, replicate, runSeed, j, values.length);
        for (int i = 0; i < values.length; i++) {
            row[4 + i] = values[i] instanceof Double d ? value(d) : values[i];
        }
        return row;
    }

    /** A row with its identity cells filled: point, replicate, runSeed, and month or site when given. */
    private static Object[] identity(int point, int replicate, long runSeed, Integer index, int values) {
        Object[] row = new Object[(index == null ? 3 : 4) + values];
        row[0] = point;
        row[1] = replicate;
        row[2] = Seeds.hex(runSeed);
        if (index != null) {
            row[3] = index;
        }
        return row;
    }

    private static Double value(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
