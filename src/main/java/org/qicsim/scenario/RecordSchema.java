package org.qicsim.scenario;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qicsim.scenario.tree.DidYouMean;
import org.qicsim.scenario.tree.ListNode;
import org.qicsim.scenario.tree.MapNode;
import org.qicsim.scenario.tree.Node;
import org.qicsim.scenario.tree.ScalarNode;

/**
 * The schema of an input file read by reflection from records, the one way qicsim declares the keys
 * of its files: keys and their order from the record components, sections from nested records,
 * ranges from {@link Range}, nullability from {@link Nullable}, keys a file must give from
 * {@link Required}, enum values from {@link YamlEnum} types, descriptions from {@link Doc}, and
 * defaults from a bundled YAML file with a value for every key that is not required. The scenario
 * ({@link ScenarioSchema}) and the experiment file are both declared this way, so both get the same
 * checks, "did you mean" and JSON Schema.
 */
public final class RecordSchema {

    private final SchemaSection root;
    private final Map<String, SchemaEntry> byPath = new LinkedHashMap<>();
    private final Map<String, Class<?>> javaTypes = new LinkedHashMap<>();
    private final List<KeySpec> all;

    private RecordSchema(Class<?> rootRecord, MapNode defaults) {
        root = section("", rootRecord, defaults);
        List<KeySpec> keys = new ArrayList<>();
        for (SchemaEntry entry : byPath.values()) {
            if (entry instanceof KeySpec spec) {
                keys.add(spec);
            }
        }
        all = List.copyOf(keys);
    }

    /**
     * Reads the schema of {@code rootRecord}; {@code defaults} must hold a value for every key that
     * is not {@link Required} and nothing else (a mismatch is a bug, so it throws at class load).
     */
    public static RecordSchema reflect(Class<?> rootRecord, MapNode defaults) {
        return new RecordSchema(rootRecord, defaults);
    }

    SchemaSection root() {
        return root;
    }

    Map<String, SchemaEntry> byPath() {
        return Collections.unmodifiableMap(byPath);
    }

    /** Every key, in record-declaration order. */
    public List<KeySpec> all() {
        return all;
    }

    /** The key at a dotted path; empty for unknown paths and sections. */
    public Optional<KeySpec> key(String dottedPath) {
        return byPath.get(dottedPath) instanceof KeySpec spec ? Optional.of(spec) : Optional.empty();
    }

    /** The key at a dotted path that the records declare (a missing one is a bug). */
    public KeySpec declared(String dottedPath) {
        return key(dottedPath).orElseThrow(() -> new IllegalArgumentException("no key " + dottedPath));
    }

    /** Whether a dotted path names a section (a mapping of keys). */
    public boolean isSection(String dottedPath) {
        return byPath.get(dottedPath) instanceof SchemaSection;
    }

    /** The names of a section's keys and subsections, in declaration order ({@code ""}: the top level). */
    public List<String> names(String sectionPath) {
        SchemaEntry entry = sectionPath.isEmpty() ? root : byPath.get(sectionPath);
        if (!(entry instanceof SchemaSection section)) {
            throw new IllegalArgumentException("no section " + sectionPath);
        }
        return List.copyOf(section.children().keySet());
    }

    /**
     * Adds to {@code problems} an error for every key of {@code map} that section {@code sectionPath}
     * does not declare, at the key, with the closest declared names and the valid ones.
     */
    public void checkKeys(MapNode map, String sectionPath, Problems problems) {
        List<String> names = names(sectionPath);
        for (MapNode.Entry e : map.entries().values()) {
            if (!names.contains(e.key())) {
                problems.error(e.keyLocation(), SchemaSection.join(sectionPath, e.key()), "unknown key \"" + e.key()
                        + "\"" + DidYouMean.phrase(DidYouMean.among(e.key(), names)) + " (valid: "
                        + String.join(", ", names) + ")");
            }
        }
    }

    /**
     * Checks the value of key {@code path} in {@code node} (a scalar; a mapping or list only where the
     * key's type is one) by the key's declared type and range, adding an error at the value.
     *
     * @return whether the value is valid
     */
    public boolean checkValue(String path, Node node, Problems problems) {
        KeySpec spec = declared(path);
        Optional<String> wrong;
        if (node instanceof ScalarNode scalar) {
            wrong = spec.check(scalar.value());
        } else if (node instanceof MapNode && spec.type() == ValueType.MAPPING
                || node instanceof ListNode && spec.type() == ValueType.LIST) {
            wrong = Optional.empty();
        } else {
            wrong = Optional.of("expected " + spec.type().expected() + ", got " + node.describe() + " (valid: "
                    + spec.validDescription() + ")");
        }
        wrong.ifPresent(message -> problems.error(node.location(), path, message));
        return wrong.isEmpty();
    }

    /** The JSON Schema (draft 2020-12) of the file, every mapping closed. */
    public String jsonSchema(String title, String description) {
        return JsonSchemaWriter.write(root, title, description, false);
    }

    /** The Java type of the record component behind a key. */
    Class<?> javaType(String path) {
        Class<?> type = javaTypes.get(path);
        if (type == null) {
            throw new IllegalArgumentException("not a key: " + path);
        }
        return type;
    }

    /**
     * The Java value of a YAML value already accepted by {@link KeySpec#check}: Double, Integer,
     * Long, Boolean, String, enum constant or null. A value that cannot convert is a bug.
     */
    static Object toJava(String path, Class<?> type, Object yamlValue) {
        Object v = KeySpec.normalise(yamlValue);
        if (v == null) {
            return null;
        }
        try {
            if (type == double.class || type == Double.class) {
                return ((Number) v).doubleValue();
            }
            if (type == int.class || type == Integer.class) {
                return v instanceof Double d ? Math.toIntExact((long) (double) d) : Math.toIntExact((Long) v);
            }
            if (type == long.class || type == Long.class) {
                return v instanceof Double d ? (long) (double) d : (Long) v;
            }
            if (type == boolean.class || type == Boolean.class) {
                return (Boolean) v;
            }
            if (type == String.class) {
                return (String) v;
            }
            if (type.isEnum()) {
                Object constant = enumConstant(type, (String) v);
                if (constant == null) {
                    throw new IllegalStateException(path + ": no constant spelt " + v);
                }
                return constant;
            }
        } catch (ClassCastException | ArithmeticException e) {
            throw new IllegalStateException(path + ": cannot bind " + v + " as " + type.getSimpleName(), e);
        }
        throw new IllegalStateException(path + ": unsupported key type " + type.getName());
    }

    private static Object enumConstant(Class<?> type, String yaml) {
        for (Object constant : type.getEnumConstants()) {
            if (((YamlEnum) constant).yamlName().equals(yaml)) {
                return constant;
            }
        }
        return null;
    }

    private SchemaSection section(String path, Class<?> recordType, MapNode defaults) {
        Doc doc = recordType.getAnnotation(Doc.class);
        String sectionDoc = doc == null ? "" : doc.value();
        Map<String, SchemaEntry> children = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent component : recordType.getRecordComponents()) {
            String name = component.getName();
            String childPath = SchemaSection.join(path, name);
            Node defaultNode = defaults == null ? null : defaults.get(name);
            boolean isRequired = component.isAnnotationPresent(Required.class);
            if (isRequired) {
                required.add(name);
                if (defaultNode != null && !component.getType().isRecord()) {
                    throw new IllegalStateException("the defaults give a value for " + childPath + ", which is required");
                }
            } else if (defaultNode == null) {
                throw new IllegalStateException("the defaults have no value for " + childPath);
            }
            SchemaEntry child;
            if (component.getType().isRecord()) {
                if (!(defaultNode instanceof MapNode map) && !isRequired) {
                    throw new IllegalStateException("defaults: " + childPath + " is not a mapping");
                }
                child = section(childPath, component.getType(), defaultNode instanceof MapNode map ? map : null);
            } else {
                child = key(childPath, component, sectionDoc, defaultNode);
            }
            children.put(name, child);
            byPath.put(childPath, child);
        }
        if (defaults != null) {
            for (String key : defaults.keys()) {
                if (!children.containsKey(key)) {
                    throw new IllegalStateException("the defaults have a key no record declares: "
                            + SchemaSection.join(path, key));
                }
            }
        }
        return new SchemaSection(path, recordType, sectionDoc, children, required);
    }

    private KeySpec key(String path, RecordComponent component, String sectionDoc, Node defaultNode) {
        Class<?> type = component.getType();
        javaTypes.put(path, type);
        ValueType valueType = valueType(path, type);
        Range range = component.getAnnotation(Range.class);
        Double min = range == null || range.min() == Double.NEGATIVE_INFINITY ? null : range.min();
        Double max = range == null || range.max() == Double.POSITIVE_INFINITY ? null : range.max();
        boolean minOpen = range != null && range.minOpen();
        boolean maxOpen = range != null && range.maxOpen();
        if (type == int.class || type == Integer.class) {
            // A value beyond 32 bits cannot bind, so the implicit bound is part of the range.
            min = min == null ? Integer.MIN_VALUE : min;
            max = max == null ? Integer.MAX_VALUE : max;
        }
        List<String> enumValues = new ArrayList<>();
        if (type.isEnum()) {
            for (Object constant : type.getEnumConstants()) {
                enumValues.add(((YamlEnum) constant).yamlName());
            }
        }
        Doc doc = component.getAnnotation(Doc.class);
        String text = doc != null ? doc.value() : sectionDoc.isEmpty() ? component.getName() : sectionDoc + ": " + component.getName();
        boolean nullable = component.isAnnotationPresent(Nullable.class);
        KeySpec withoutDefault = new KeySpec(path, valueType, min, max, minOpen, maxOpen, nullable, enumValues, null, text);
        Object defaultValue;
        if (defaultNode == null) {
            defaultValue = null; // a required key
        } else if (valueType == ValueType.LIST) {
            if (!(defaultNode instanceof ListNode list) || !list.items().isEmpty()) {
                throw new IllegalStateException("defaults: " + path + " must be an empty list");
            }
            defaultValue = List.of();
        } else if (valueType == ValueType.MAPPING) {
            if (!(defaultNode instanceof MapNode map) || !map.entries().isEmpty()) {
                throw new IllegalStateException("defaults: " + path + " must be an empty mapping");
            }
            defaultValue = Map.of();
        } else {
            if (!(defaultNode instanceof ScalarNode scalar)) {
                throw new IllegalStateException("defaults: " + path + " is not a scalar");
            }
            Optional<String> problem = withoutDefault.check(scalar.value());
            if (problem.isPresent()) {
                throw new IllegalStateException("defaults: " + path + ": " + problem.get());
            }
            defaultValue = toJava(path, type, scalar.value());
        }
        return new KeySpec(path, valueType, min, max, minOpen, maxOpen, nullable, enumValues, defaultValue, text);
    }

    private static ValueType valueType(String path, Class<?> type) {
        if (type == double.class || type == Double.class) {
            return ValueType.NUMBER;
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return ValueType.INTEGER;
        }
        if (type == boolean.class || type == Boolean.class) {
            return ValueType.BOOLEAN;
        }
        if (type == String.class) {
            return ValueType.STRING;
        }
        if (type.isEnum() && YamlEnum.class.isAssignableFrom(type)) {
            return ValueType.ENUM;
        }
        if (type == List.class) {
            return ValueType.LIST;
        }
        if (type == Map.class) {
            return ValueType.MAPPING;
        }
        throw new IllegalStateException(path + ": unsupported record component type " + type.getName());
    }
}
