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

    private static final RecordSchema SCHEMA = RecordSchema.reflect(Scenario.class, BundledDefaults.tree());
    private static final SchemaSection ROOT = SCHEMA.root();
    private static final Map<String, SchemaEntry> BY_PATH = SCHEMA.byPath();
    private static final List<KeySpec> ALL = SCHEMA.all();

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
        return SCHEMA.javaType(path);
    }

    /**
     * The Java value of a YAML value already accepted by {@link KeySpec#check}: Double, Integer,
     * Long, Boolean, String, enum constant or null. A value that cannot convert is a bug.
     */
    static Object toJava(String path, Object yamlValue) {
        return RecordSchema.toJava(path, javaType(path), yamlValue);
    }
}
