package org.qicsim.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.KeySpec;
import org.qicsim.scenario.Problem;
import org.qicsim.scenario.ScenarioSchema;
import org.qicsim.scenario.ValueType;
import org.qicsim.scenario.tree.LocatedTreeParser;
import org.qicsim.scenario.tree.MapNode;
import org.qicsim.scenario.tree.Node;
import org.qicsim.scenario.tree.ScalarNode;
import org.qicsim.scenario.tree.TreeSyntaxException;

/**
 * The design levers a participant may set: every {@code collaborative.*} key of the scenario schema
 * except {@code collaborative.enabled} (a design always has a collaborative; "no collaborative" is
 * the comparator). Form controls are generated from {@link ScenarioSchema}: type, range, enum values
 * and description; a submitted value is accepted only if it has the key's type and passes the
 * key's own check, so no free text reaches the scenario (strings only as one of an enum's values).
 */
final class Levers {

    static final String PREFIX = "collaborative.";

    /** One form control. {@code value} is the session scenario's value (Double, Long, Boolean, String or null). */
    record Lever(String path, String section, String label, String type, Double min, Double max, boolean minOpen,
            boolean maxOpen, boolean nullable, List<String> values, String doc, Object value) {
    }

    private static final List<KeySpec> KEYS;

    static {
        List<KeySpec> keys = new ArrayList<>();
        for (KeySpec k : ScenarioSchema.all()) {
            if (k.path().startsWith(PREFIX) && !k.path().equals(PREFIX + "enabled")
                    && k.type() != ValueType.LIST && k.type() != ValueType.MAPPING && k.type() != ValueType.STRING) {
                keys.add(k);
            }
        }
        KEYS = List.copyOf(keys);
    }

    private Levers() {
    }

    static List<KeySpec> keys() {
        return KEYS;
    }

    /** The controls, with the values of the scenario whose canonical YAML is given. */
    static List<Lever> of(String canonicalYaml) {
        MapNode tree;
        try {
            tree = (MapNode) LocatedTreeParser.parseYaml(canonicalYaml, "session", 0);
        } catch (TreeSyntaxException e) {
            throw new IllegalStateException("a canonical scenario does not parse", e);
        }
        List<Lever> out = new ArrayList<>();
        for (KeySpec k : KEYS) {
            String rest = k.path().substring(PREFIX.length());
            int dot = rest.lastIndexOf('.');
            String section = dot < 0 ? "general" : rest.substring(0, dot);
            String label = dot < 0 ? rest : rest.substring(dot + 1);
            Node node = tree.at(k.path());
            Object value = node instanceof ScalarNode s ? plain(s.value()) : null;
            out.add(new Lever(k.path(), section, label, k.type().name().toLowerCase(java.util.Locale.ROOT), k.min(),
                    k.max(), k.minOpen(), k.maxOpen(), k.nullable(), k.enumValues(), k.doc(), value));
        }
        return out;
    }

    private static Object plain(Object v) {
        if (v instanceof BigInteger b) {
            return b.longValue();
        }
        if (v instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        return v;
    }

    /**
     * The submitted levers as overrides, in schema order. Unknown paths and values of the wrong
     * type are refused with 400 (they cannot come from the page); a value out of range gives a
     * located problem (origin {@code lever <path>}), all of them in one 422.
     */
    static List<KeyOverride> parse(Map<String, Object> submitted) {
        if (submitted == null) {
            throw ApiException.badRequest("missing levers");
        }
        Map<String, KeySpec> byPath = new LinkedHashMap<>();
        for (KeySpec k : KEYS) {
            byPath.put(k.path(), k);
        }
        for (String path : submitted.keySet()) {
            if (!byPath.containsKey(path)) {
                throw ApiException.badRequest("not a design lever: " + shorten(path));
            }
        }
        List<KeyOverride> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (KeySpec k : KEYS) {
            if (!submitted.containsKey(k.path())) {
                continue;
            }
            Object value = typed(k, submitted.get(k.path()));
            Optional<String> problem = k.check(value);
            String origin = "lever " + k.path();
            if (problem.isPresent()) {
                problems.add(new Problem(Problem.Severity.ERROR, origin, 1, 1, k.path(), problem.get()));
            } else {
                out.add(KeyOverride.of(k.path(), value, origin));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(422, "some levers are out of range", problems);
        }
        return out;
    }

    /** The JSON value as the key's Java type, or 400 if it has another type. */
    private static Object typed(KeySpec k, Object v) {
        if (v == null) {
            if (!k.nullable()) {
                throw ApiException.badRequest(k.path() + " needs a value (valid: " + k.validDescription() + ")");
            }
            return null;
        }
        switch (k.type()) {
            case NUMBER -> {
                if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
                    return n.doubleValue();
                }
            }
            case INTEGER -> {
                if (v instanceof Integer || v instanceof Long) {
                    return ((Number) v).longValue();
                }
                if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                        && Math.abs(n.doubleValue()) < 1e15) {
                    return (long) n.doubleValue();
                }
            }
            case BOOLEAN -> {
                if (v instanceof Boolean) {
                    return v;
                }
            }
            case ENUM -> {
                if (v instanceof String s && k.enumValues().contains(s)) {
                    return s;
                }
            }
            default -> throw new IllegalStateException("not a lever type: " + k.type());
        }
        throw ApiException.badRequest(k.path() + ": expected " + k.validDescription());
    }

    /** A user-supplied key, cut short so a huge one is not echoed whole. */
    static String shorten(String s) {
        String plain = s.replaceAll("[^A-Za-z0-9._-]", "?");
        return plain.length() > 60 ? plain.substring(0, 60) + "…" : plain;
    }
}
