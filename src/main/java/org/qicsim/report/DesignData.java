package org.qicsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.qicsim.analysis.Estimate;
import org.qicsim.analysis.Estimates;

/**
 * One design of a run or compare folder, in the run layout under {@code prefix} ("" for a run
 * folder, {@code designs/<k>-<name>/} for a compare folder): its summary and the rows the charts
 * need.
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

    String file(String name) {
        return prefix + name;
    }

    boolean has(String file) {
        return dir.has(prefix + file);
    }

    CsvTable csv(String file) throws IOException {
        return dir.csv(prefix + file);
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
