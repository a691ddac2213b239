package org.qicsim.scenario;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.qicsim.scenario.tree.Numbers;

/**
 * The canonical YAML of a bound scenario, and of its world (MODEL.md §3): every key, in
 * record-declaration order, block style, two-space indent; doubles in their shortest round-trip
 * form with a decimal point, integers as integers, enums in their YAML spelling, strings
 * double-quoted, {@code schedule} in month order. Two files that mean the same scenario (keys
 * reordered, defaults written out, an {@code extends} chain) give the same text and so the same hash.
 */
final class CanonicalYaml {

    /** Top-level keys that identify a run but are not part of its world. */
    private static final Set<String> NOT_WORLD = Set.of("name", "description", "seed", "replications",
            "collaborative", "schedule");

    /**
     * The behaviour constants the counterfactual arm reads (MODEL.md §3 "World"): effort and fidelity
     * of non-members and leavers (with routinisation and abandonment, S7), and champion succession.
     */
    private static final Map<String, List<String>> WORLD_BEHAVIOUR = Map.of(
            "effort", List.of("intercept", "motivationWeight", "championWeight", "fallRate"),
            "learning", List.of("fidelityGain", "fidelityDecay", "fidelityChampion", "routineMonths",
                    "routineProtection", "abandonFidelity"),
            "community", List.of("vacancyMonths", "successorLeadershipA", "successorLeadershipB",
                    "championInfluenceRate"));

    private CanonicalYaml() {
    }

    static String scenario(Scenario scenario) {
        StringBuilder out = new StringBuilder();
        writeRecord(out, scenario, 0);
        return out.toString();
    }

    static String world(Scenario scenario) {
        StringBuilder out = new StringBuilder();
        for (RecordComponent component : RecordBinder.components(Scenario.class)) {
            String name = component.getName();
            if (NOT_WORLD.contains(name)) {
                continue;
            }
            Object value = RecordBinder.read(component, scenario);
            if (name.equals("behaviour")) {
                out.append("behaviour:\n");
                // Group order follows the Behaviour record, key order each group's record.
                for (RecordComponent group : RecordBinder.components(Behaviour.class)) {
                    List<String> keys = WORLD_BEHAVIOUR.get(group.getName());
                    if (keys == null) {
                        continue;
                    }
                    Object groupValue = RecordBinder.read(group, value);
                    out.append("  ").append(group.getName()).append(":\n");
                    for (RecordComponent key : RecordBinder.components(groupValue.getClass())) {
                        if (keys.contains(key.getName())) {
                            out.append("    ").append(key.getName()).append(": ")
                                    .append(scalar(RecordBinder.read(key, groupValue))).append('\n');
                        }
                    }
                }
            } else {
                writeComponent(out, name, value, 0);
            }
        }
        return out.toString();
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static void writeRecord(StringBuilder out, Object record, int indent) {
        for (RecordComponent component : RecordBinder.components(record.getClass())) {
            writeComponent(out, component.getName(), RecordBinder.read(component, record), indent);
        }
    }

    private static void writeComponent(StringBuilder out, String name, Object value, int indent) {
        String pad = " ".repeat(indent);
        if (value instanceof Record record) {
            out.append(pad).append(name).append(":\n");
            writeRecord(out, record, indent + 2);
        } else if (value instanceof List<?> list) {
            writeSchedule(out, name, list, pad);
        } else {
            out.append(pad).append(name).append(": ").append(scalar(value)).append('\n');
        }
    }

    private static void writeSchedule(StringBuilder out, String name, List<?> entries, String pad) {
        if (entries.isEmpty()) {
            out.append(pad).append(name).append(": []\n");
            return;
        }
        out.append(pad).append(name).append(":\n");
        for (Object item : entries) {
            ScheduleEntry entry = (ScheduleEntry) item;
            out.append(pad).append("  - fromMonth: ").append(entry.fromMonth()).append('\n');
            out.append(pad).append("    set:\n");
            for (Map.Entry<String, Object> setting : entry.set().entrySet()) {
                out.append(pad).append("      ").append(setting.getKey()).append(": ")
                        .append(scalar(setting.getValue())).append('\n');
            }
        }
    }

    /** A scalar in canonical form. */
    static String scalar(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Double d) {
            return Numbers.yaml(d);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof YamlEnum e) {
            return e.yamlName();
        }
        if (value instanceof String s) {
            return quote(s);
        }
        throw new IllegalStateException("no canonical form for " + value.getClass().getName());
    }

    /** A YAML double-quoted string; escapes are those YAML 1.1 and 1.2 share. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (ch < 0x20 || ch == 0x7F || ch == 0x85 || ch == 0x2028 || ch == 0x2029 || ch == 0xFEFF) {
                        out.append(String.format(Locale.ROOT, "\\u%04X", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
