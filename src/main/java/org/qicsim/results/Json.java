package org.qicsim.results;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * The JSON conventions of results folders: pretty-printed with two-space indents and {@code \n} line
 * ends whatever the platform, fields in the order they were added, non-finite numbers written as
 * {@code null} (missing), UTF-8, a final newline.
 */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")))
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private Json() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    /**
     * A JSON value for a Java value: {@code null}, {@link CharSequence}, {@link Boolean},
     * {@link Number} (NaN and ±∞ become {@code null}), {@link MetricSummary}, {@link Map} with string
     * keys (in its iteration order), {@link Iterable}, or an existing {@link JsonNode}.
     */
    static JsonNode valueOf(Object value) {
        if (value == null) {
            return NODES.nullNode();
        } else if (value instanceof JsonNode) {
            return (JsonNode) value;
        } else if (value instanceof CharSequence) {
            return NODES.textNode(value.toString());
        } else if (value instanceof Boolean) {
            return NODES.booleanNode((Boolean) value);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            return number(((Number) value).doubleValue());
        } else if (value instanceof MetricSummary) {
            return metric((MetricSummary) value);
        } else if (value instanceof Map) {
            ObjectNode node = object();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                if (!(e.getKey() instanceof String)) {
                    throw new IllegalArgumentException("JSON object keys must be strings, got " + e.getKey());
                }
                node.set((String) e.getKey(), valueOf(e.getValue()));
            }
            return node;
        } else if (value instanceof Iterable) {
            ArrayNode array = NODES.arrayNode();
            for (Object item : (Iterable<?>) value) {
                array.add(valueOf(item));
            }
            return array;
        }
        throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
    }

    static JsonNode number(double value) {
        return Double.isFinite(value) ? NODES.numberNode(value) : NODES.nullNode();
    }

    /**
     * {@code {mean, ciLow, ciHigh, sd, n}}, in that order; with a prediction interval
     * {@code {mean, ciLow, ciHigh, piLow, piHigh, sd, n}}.
     */
    static ObjectNode metric(MetricSummary m) {
        ObjectNode node = object();
        node.set("mean", number(m.mean()));
        node.set("ciLow", number(m.ciLow()));
        node.set("ciHigh", number(m.ciHigh()));
        if (m.hasPredictionInterval()) {
            node.set("piLow", number(m.piLow()));
            node.set("piHigh", number(m.piHigh()));
        }
        node.set("sd", number(m.sd()));
        node.put("n", m.n());
        return node;
    }

    static String toString(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise JSON", e);
        }
    }

    /** Writes {@code node} to a new file ({@code file} must not exist). */
    static void write(JsonNode node, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            out.write(toString(node).getBytes(StandardCharsets.UTF_8));
        }
    }

    static JsonNode read(Path file) throws IOException {
        return MAPPER.readTree(file.toFile());
    }
}
