package org.qicsim.scenario;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qicsim.scenario.tree.DidYouMean;
import org.qicsim.scenario.tree.ListNode;
import org.qicsim.scenario.tree.MapNode;
import org.qicsim.scenario.tree.Node;
import org.qicsim.scenario.tree.ScalarNode;

/**
 * The scenario file's schema, read by reflection from the section records: keys and their order
 * from the record components, ranges from {@link Range}, nullability from {@link Nullable}, enum
 * values from the {@link YamlEnum} types, descriptions from {@link Doc}, defaults from the bundled
 * {@code defaults.yaml}. Nothing here is declared twice.
 */
public final class ScenarioSchema {

    private static final SchemaSection ROOT;
    private static final Map<String, SchemaEntry> BY_PATH = new LinkedHashMap<>();
    private static final Map<String, Class<?>> JAVA_TYPES = new LinkedHashMap<>();
    private static final List<KeySpec> ALL;

    static {
        ROOT = section("", Scenario.class, BundledDefaults.tree());
        List<KeySpec> keys = new ArrayList<>();
        for (SchemaEntry entry : BY_PATH.values()) {
            if (entry instanceof KeySpec spec) {
                keys.add(spec);
            }
        }
        ALL = List.copyOf(keys);
    }

    private ScenarioSchema() {
    }

    /** The key at a dotted path ({@code collaborative.feedback.display}); empty for unknown paths and sections. */
    public static Optional<KeySpec> key(String dottedPath) {
        return BY_PATH.get(dottedPath) instanceof KeySpec spec ? Optional.of(spec) : Optional.empty();
    }

    /** Whether a dotted path names a section (a mapping of keys), such as {@code sites.volume}. */
    public static boolean isSection(String dottedPath) {
        return BY_PATH.get(dottedPath) instanceof SchemaSection;
    }

    /** Every key, in record-declaration order ({@code extends} is not a key of the scenario; see {@link #jsonSchema()}). */
    public static List<KeySpec> all() {
        return ALL;
    }

    /** JSON Schema (draft 2020-12) of the scenario file, including {@code extends}. */
    public static String jsonSchema() {
        return JsonSchemaWriter.write(ROOT);
    }

    /**
     * Full paths a user may have meant by an unknown dotted path: keys of the same section close to
     * the misspelt step (case-insensitive, small edit distance), then keys of that name elsewhere.
     */
    public static List<String> suggest(String badPath) {
        String[] steps = badPath.split("\\.", -1);
        SchemaSection section = ROOT;
        int i = 0;
        while (i < steps.length && section.children().get(steps[i]) instanceof SchemaSection next) {
            section = next;
            i++;
        }
        Set<String> out = new LinkedHashSet<>();
        if (i >= steps.length || section.children().containsKey(steps[i])) {
            return List.of();
        }
        String rest = i + 1 < steps.length ? "." + String.join(".", List.of(steps).subList(i + 1, steps.length)) : "";
        for (String near : DidYouMean.among(steps[i], section.children().keySet())) {
            String candidate = SchemaSection.join(section.path(), near);
            out.add(BY_PATH.containsKey(candidate + rest) ? candidate + rest : candidate);
        }
        out.addAll(elsewhere(section.path(), steps[i] + rest));
        return List.copyOf(out);
    }

    /**
     * Paths outside {@code exceptUnder} that end with {@code tail} (compared ignoring case), for the
     * hint "this key exists, but in another section".
     */
    static List<String> elsewhere(String exceptUnder, String tail) {
        String foldedTail = "." + tail.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String path : BY_PATH.keySet()) {
            String folded = ("." + path).toLowerCase(Locale.ROOT);
            if (folded.endsWith(foldedTail) && !parentOf(path, tail).equals(exceptUnder)) {
                out.add(path);
            }
        }
        return out;
    }

    private static String parentOf(String path, String tail) {
        int cut = path.length() - tail.length() - 1;
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    /** The schema's root section (the {@link Scenario} record). */
    static SchemaSection root() {
        return ROOT;
    }

    /** Every key under a section path, in declaration order. */
    static List<KeySpec> keysUnder(String sectionPath) {
        List<KeySpec> out = new ArrayList<>();
        for (KeySpec spec : ALL) {
            if (spec.path().startsWith(sectionPath + ".")) {
                out.add(spec);
            }
        }
        return out;
    }

    /** The Java type of the record component behind a key. */
    static Class<?> javaType(String path) {
        Class<?> type = JAVA_TYPES.get(path);
        if (type == null) {
            throw new IllegalArgumentException("not a scenario key: " + path);
        }
        return type;
    }

    /**
     * The Java value of a YAML value already accepted by {@link KeySpec#check}: Double, Integer,
     * Long, Boolean, String, enum constant or null. A value that cannot convert is a bug.
     */
    static Object toJava(String path, Object yamlValue) {
        Class<?> type = javaType(path);
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

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String yaml) {
        return YamlEnum.fromYaml((Class) type, yaml);
    }

    private static SchemaSection section(String path, Class<?> recordType, MapNode defaults) {
        Doc doc = recordType.getAnnotation(Doc.class);
        String sectionDoc = doc == null ? "" : doc.value();
        Map<String, SchemaEntry> children = new LinkedHashMap<>();
        for (RecordComponent component : recordType.getRecordComponents()) {
            String name = component.getName();
            String childPath = SchemaSection.join(path, name);
            Node defaultNode = defaults == null ? null : defaults.get(name);
            if (defaultNode == null) {
                throw new IllegalStateException("defaults.yaml has no value for " + childPath);
            }
            SchemaEntry child;
            if (component.getType().isRecord()) {
                if (!(defaultNode instanceof MapNode map)) {
                    throw new IllegalStateException("defaults.yaml: " + childPath + " is not a mapping");
                }
                child = section(childPath, component.getType(), map);
            } else {
                child = key(childPath, component, sectionDoc, defaultNode);
            }
            children.put(name, child);
            BY_PATH.put(childPath, child);
        }
        if (defaults != null) {
            for (String key : defaults.keys()) {
                if (!children.containsKey(key)) {
                    throw new IllegalStateException("defaults.yaml has a key no record declares: "
                            + SchemaSection.join(path, key));
                }
            }
        }
        return new SchemaSection(path, recordType, sectionDoc, children);
    }

    private static KeySpec key(String path, RecordComponent component, String sectionDoc, Node defaultNode) {
        Class<?> type = component.getType();
        JAVA_TYPES.put(path, type);
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
        if (valueType == ValueType.LIST) {
            if (!(defaultNode instanceof ListNode list) || !list.items().isEmpty()) {
                throw new IllegalStateException("defaults.yaml: " + path + " must be an empty list");
            }
            defaultValue = List.of();
        } else {
            if (!(defaultNode instanceof ScalarNode scalar)) {
                throw new IllegalStateException("defaults.yaml: " + path + " is not a scalar");
            }
            Optional<String> problem = withoutDefault.check(scalar.value());
            if (problem.isPresent()) {
                throw new IllegalStateException("defaults.yaml: " + path + ": " + problem.get());
            }
            defaultValue = toJava(path, scalar.value());
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
        throw new IllegalStateException(path + ": unsupported record component type " + type.getName());
    }
}
