package org.qicsim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Writes the scenario schema as JSON Schema draft 2020-12, for editors (completion, inline errors)
 * and other tools. Every mapping is closed ({@code additionalProperties: false}), as the loader is.
 */
final class JsonSchemaWriter {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonSchemaWriter() {
    }

    static String write(SchemaSection root) {
        return write(root, "qicsim scenario", "A qicsim scenario file (MODEL.md §8). Every key is optional: omitted "
                + "keys take their defaults. Paths in extends are relative to the file that names them.", true);
    }

    /**
     * The schema of a file declared by records ({@link RecordSchema}); {@code scenarioFile} adds the
     * scenario's {@code extends} and {@code schedule} forms.
     */
    static String write(SchemaSection root, String title, String description, boolean scenarioFile) {
        ObjectNode schema = JSON.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("title", title);
        schema.put("description", description);
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        for (SchemaEntry child : root.children().values()) {
            properties.set(lastStep(child.path()), entry(child, scenarioFile));
            if (scenarioFile && child.path().equals("description")) {
                // extends sits with the identity keys, where MODEL.md §8 writes it.
                ObjectNode extendsKey = properties.putObject("extends");
                extendsKey.set("type", JSON.arrayNode().add("string").add("null"));
                extendsKey.put("description", "Scenario file this one builds on, relative to this file "
                        + "(deep merge of mappings; lists replace)");
            }
        }
        required(schema, root);
        schema.put("additionalProperties", false);
        try {
            return MAPPER.writeValueAsString(schema) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JSON Schema", e);
        }
    }

    private static void required(ObjectNode node, SchemaSection section) {
        if (!section.required().isEmpty()) {
            ArrayNode names = node.putArray("required");
            section.required().forEach(names::add);
        }
    }

    private static ObjectNode entry(SchemaEntry entry, boolean scenarioFile) {
        if (entry instanceof SchemaSection section) {
            ObjectNode node = JSON.objectNode();
            node.put("type", "object");
            if (!section.doc().isEmpty()) {
                node.put("description", section.doc());
            }
            ObjectNode properties = node.putObject("properties");
            for (SchemaEntry child : section.children().values()) {
                properties.set(lastStep(child.path()), entry(child, scenarioFile));
            }
            required(node, section);
            node.put("additionalProperties", false);
            return node;
        }
        KeySpec spec = (KeySpec) entry;
        return scenarioFile && spec.type() == ValueType.LIST ? schedule(spec) : leaf(spec, true);
    }

    private static ObjectNode leaf(KeySpec spec, boolean withDefault) {
        ObjectNode node = JSON.objectNode();
        String type = switch (spec.type()) {
            case NUMBER -> "number";
            case INTEGER -> "integer";
            case BOOLEAN -> "boolean";
            case STRING, ENUM -> "string";
            case MAPPING -> "object";
            case LIST -> "array";
        };
        if (spec.nullable()) {
            node.set("type", JSON.arrayNode().add(type).add("null"));
        } else {
            node.put("type", type);
        }
        if (spec.type() == ValueType.ENUM) {
            ArrayNode values = node.putArray("enum");
            spec.enumValues().forEach(values::add);
            if (spec.nullable()) {
                values.addNull();
            }
        }
        if (spec.path().equals("name")) {
            node.put("pattern", "^" + KeySpec.NAME_PATTERN.pattern() + "$");
        }
        bound(node, spec.min(), spec.minOpen() ? "exclusiveMinimum" : "minimum", spec.type());
        bound(node, spec.max(), spec.maxOpen() ? "exclusiveMaximum" : "maximum", spec.type());
        if (withDefault && (spec.defaultValue() != null || spec.nullable())) {
            putDefault(node, spec.defaultValue());
        }
        node.put("description", spec.doc());
        return node;
    }

    private static void bound(ObjectNode node, Double value, String keyword, ValueType type) {
        if (value == null) {
            return;
        }
        if (type == ValueType.INTEGER) {
            node.put(keyword, value.longValue());
        } else {
            node.put(keyword, value);
        }
    }

    private static void putDefault(ObjectNode node, Object value) {
        if (value == null) {
            node.putNull("default");
        } else if (value instanceof Double d) {
            node.put("default", d);
        } else if (value instanceof Integer i) {
            node.put("default", i);
        } else if (value instanceof Long l) {
            node.put("default", l);
        } else if (value instanceof Boolean b) {
            node.put("default", b);
        } else if (value instanceof YamlEnum e) {
            node.put("default", e.yamlName());
        } else if (value instanceof List<?> list && list.isEmpty()) {
            node.putArray("default");
        } else if (value instanceof java.util.Map<?, ?> map && map.isEmpty()) {
            node.putObject("default");
        } else {
            node.put("default", value.toString());
        }
    }

    /** {@code schedule}: entries {fromMonth, set: {collaborative.* path: value}}, each value per its key. */
    private static ObjectNode schedule(KeySpec spec) {
        ObjectNode node = JSON.objectNode();
        node.put("type", "array");
        node.putArray("default");
        node.put("description", spec.doc() + ": entries {fromMonth, set: {collaborative.* key: value}}, "
                + "applied cumulatively in month order");
        ObjectNode item = node.putObject("items");
        item.put("type", "object");
        ObjectNode properties = item.putObject("properties");
        ObjectNode fromMonth = properties.putObject("fromMonth");
        fromMonth.put("type", "integer");
        fromMonth.put("minimum", 0);
        fromMonth.put("description", "First month (0-based) the settings apply; below horizonMonths");
        ObjectNode set = properties.putObject("set");
        set.put("type", "object");
        set.put("minProperties", 1);
        set.put("description", "Dotted collaborative.* keys and their values from fromMonth on");
        ObjectNode setProperties = set.putObject("properties");
        for (KeySpec key : ScenarioSchema.keysUnder("collaborative")) {
            setProperties.set(key.path(), leaf(key, false));
        }
        set.put("additionalProperties", false);
        item.set("required", JSON.arrayNode().add("fromMonth").add("set"));
        item.put("additionalProperties", false);
        return node;
    }

    private static String lastStep(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
