package org.qicsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.qicsim.analysis.Estimate;
import org.qicsim.analysis.Estimates;

/**
 * One design of a run or compare folder: its summary under {@code prefix} ("" for a run folder,
 * {@code designs/<k>-<name>/} for a compare folder) and the rows the charts need, from the folder's
 * tables ({@code runs.csv}, {@code timeseries.csv}, {@code sites.csv}), a compare design's being
 * the rows whose {@code point} is its number k. A compare folder of the older layout kept those
 * tables under the prefix too; they are read there when present.
 */
final class DesignData {
    final int position;
    final String name;
    final String prefix;
    final JsonNode summary;
    private final ResultsDir dir;

    DesignData(ResultsDir dir, int position, String prefix) throws IOException {
        this.dir = dir;
        this.position = position;
        this.prefix = prefix;
        this.summary = dir.has(prefix + "summary.json") ? dir.json(prefix + "summary.json") : null;
        String fromSummary = summary == null ? null : summary.path("scenario").asText(null);
        String folderName = prefix.isEmpty() ? "design" : prefix.substring(prefix.indexOf('-') + 1, prefix.length() - 1);
        this.name = fromSummary != null ? fromSummary : folderName;
    }

    /** The run tables, kept at the top of the folder for every design. */
    private static final List<String> TABLES = List.of("runs.csv", "timeseries.csv", "sites.csv");

    /** Whether {@code name} is read from the folder's table, filtered by point (not the prefix's file). */
    private boolean shared(String name) {
        return !prefix.isEmpty() && TABLES.contains(name) && !dir.has(prefix + name);
    }

    String file(String name) {
        return shared(name) ? name : prefix + name;
    }

    boolean has(String file) {
        return dir.has(file(file));
    }

    CsvTable csv(String file) throws IOException {
        CsvTable table = dir.csv(file(file));
        return shared(file) ? table.where("point", Integer.toString(position)) : table;
    }

    /** The keys that pick this design's rows of {@code file} for a {@link Source}, then {@code keyValues}. */
    String[] rowKeys(String file, String... keyValues) {
        if (!shared(file)) {
            return keyValues;
        }
        String[] keys = new String[keyValues.length + 2];
        keys[0] = "point";
        keys[1] = Integer.toString(position);
        System.arraycopy(keyValues, 0, keys, 2, keyValues.length);
        return keys;
    }

    /** {@code metrics.NAME.FIELD} of summary.json, NaN when absent or null. */
    double metric(String metric, String field) {
        return summary == null ? Double.NaN : ResultsDir.number(summary.path("metrics").path(metric).get(field));
    }

    boolean hasMetricField(String metric, String field) {
        return summary != null && summary.path("metrics").path(metric).has(field);
    }

    Source metricSource(String metric, String field) {
        return Source.json(file("summary.json"), "metrics", metric, field);
    }

    /** Monthly mean and 95% interval of a timeseries column over replicates, by month. */
    TreeMap<Integer, Estimate> monthly(String column) throws IOException {
        TreeMap<Integer, List<Double>> byMonth = new TreeMap<>();
        for (CsvTable.Row row : csv("timeseries.csv").rows()) {
            byMonth.computeIfAbsent((int) row.number("month"), m -> new ArrayList<>()).add(row.number(column));
        }
        TreeMap<Integer, Estimate> out = new TreeMap<>();
        byMonth.forEach((month, values) -> out.put(month,
                Estimates.of(values.stream().mapToDouble(Double::doubleValue).toArray())));
        return out;
    }
}
