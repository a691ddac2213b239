package org.qicsim.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code summary.json} (MODEL.md §9): free-form top-level fields (scenario name, hash, replications,
 * {@code costPerEventAverted}, …) in the order they were put, then
 * {@code metrics.NAME.{mean, ciLow, ciHigh, sd, n}} in the order the metrics were added. Missing
 * numbers are JSON {@code null}. It only formats what the experiment computed.
 */
public final class SummaryJson {

    /** The key holding the metrics; not available to {@link #put}. */
    public static final String METRICS = "metrics";

    private final Map<String, JsonNode> fields = new LinkedHashMap<>();
    private final Map<String, JsonNode> metrics = new LinkedHashMap<>();

    /**
     * Sets a top-level field. {@code value} may be {@code null}, a string, a boolean, a number (NaN and
     * ±∞ written as {@code null}), a {@link MetricSummary}, a {@code Map<String, ?>} (kept in its
     * iteration order, so pass a {@code LinkedHashMap}) or an {@code Iterable}, nested freely; e.g.
     * {@code put("costPerEventAverted", "dominated")} or a map {@code {mean, ciLow, ciHigh}}.
     */
    public SummaryJson put(String key, Object value) {
        if (METRICS.equals(key)) {
            throw new IllegalArgumentException("\"metrics\" is reserved; use metric(name, estimate)");
        }
        fields.put(key, Json.valueOf(value));
        return this;
    }

    /** Sets {@code metrics.NAME}; dotted names such as {@code responseShares.learn} are kept as one key. */
    public SummaryJson metric(String name, MetricSummary estimate) {
        metrics.put(name, Json.metric(estimate));
        return this;
    }

    public String toJson() {
        return Json.toString(toNode());
    }

    /** Writes the summary to a new file. */
    public void write(Path file) throws IOException {
        Json.write(toNode(), file);
    }

    private ObjectNode toNode() {
        ObjectNode node = Json.object();
        fields.forEach(node::set);
        ObjectNode metricsNode = node.putObject(METRICS);
        metrics.forEach(metricsNode::set);
        return node;
    }
}
