package org.qicsim.experiment.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qicsim.experiment.doe.DesignException;
import org.qicsim.experiment.doe.Distribution;
import org.qicsim.experiment.doe.Domain;
import org.qicsim.experiment.doe.Factor;
import org.qicsim.scenario.KeySpec;
import org.qicsim.scenario.Problems;
import org.qicsim.scenario.ScenarioSchema;
import org.qicsim.scenario.ValueType;
import org.qicsim.scenario.tree.DidYouMean;
import org.qicsim.scenario.tree.ListNode;
import org.qicsim.scenario.tree.Location;
import org.qicsim.scenario.tree.MapNode;
import org.qicsim.scenario.tree.Node;
import org.qicsim.scenario.tree.ScalarNode;

/**
 * Reads one entry of {@code factors:} into a {@link FactorEntry}, checking it against the scenario
 * key it varies with the scenario's own rules ({@link KeySpec#check}): every listed value, both
 * ends of a range, and the support of a distribution must be valid values of the key, so a sweep
 * never builds a point its scenario would refuse. Three forms:
 * <pre>
 *   KEY: [v1, v2, ...]                          values (also {values: [...]})
 *   KEY: {min: a, max: b, levels: m}            a range; levels for grid and oneAtATime
 *   KEY: {distribution: normal, mean: m, sd: s, lower: a, upper: b}
 *        uniform(min, max), normal(mean, sd[, lower, upper]), lognormal(median, spread),
 *        triangular(min, mode, max), beta(a, b, min, max)
 * </pre>
 */
final class FactorParser {

    /** Parameters of each distribution, required first; normal's truncation bounds are optional. */
    private static final Map<String, List<String>> DISTRIBUTIONS = new LinkedHashMap<>();
    private static final List<String> OPTIONAL = List.of("lower", "upper");

    static {
        DISTRIBUTIONS.put("uniform", List.of("min", "max"));
        DISTRIBUTIONS.put("normal", List.of("mean", "sd"));
        DISTRIBUTIONS.put("lognormal", List.of("median", "spread"));
        DISTRIBUTIONS.put("triangular", List.of("min", "mode", "max"));
        DISTRIBUTIONS.put("beta", List.of("a", "b", "min", "max"));
    }

    private static final String FORMS = "a list of values, a range {min, max, levels} or a distribution "
            + "{distribution: uniform|normal|lognormal|triangular|beta, ...}";

    private final Problems problems;

    FactorParser(Problems problems) {
        this.problems = problems;
    }

    /** The factor, or null after adding its problems. */
    FactorEntry parse(String path, Location keyAt, Node value) {
        KeySpec key = key(path, keyAt);
        if (key == null) {
            return null;
        }
        Domain domain;
        if (value instanceof ListNode list) {
            domain = values(key, list);
        } else if (value instanceof MapNode map) {
            domain = mapping(key, map);
        } else {
            problems.error(value.location(), path, "expected " + FORMS + ", got " + value.describe());
            return null;
        }
        if (domain == null) {
            return null;
        }
        FactorEntry entry;
        try {
            entry = new FactorEntry(new Factor(path, domain, key.type() == ValueType.INTEGER), key, keyAt, value);
        } catch (DesignException e) {
            Location at = value instanceof MapNode map && e.parameter() != null && map.has(e.parameter())
                    ? map.get(e.parameter()).location() : value.location();
            problems.error(at, path, e.getMessage());
            return null;
        }
        return entry;
    }

    private KeySpec key(String path, Location keyAt) {
        Optional<KeySpec> spec = ScenarioSchema.key(path);
        if (spec.isEmpty()) {
            if (ScenarioSchema.isSection(path)) {
                problems.error(keyAt, path, path + " is a section; a factor varies one key (valid: a key path "
                        + "such as " + firstKeyUnder(path) + ")");
            } else {
                problems.error(keyAt, path, "unknown key \"" + path + "\"" + DidYouMean.phrase(ScenarioSchema.suggest(path))
                        + " (valid: a dotted key path, as listed by qicsim schema --list)");
            }
            return null;
        }
        KeySpec key = spec.get();
        if (path.equals("seed") || path.equals("replications")) {
            problems.error(keyAt, path, path + " belongs to the experiment (set it at the top of the file); "
                    + "it cannot vary between points");
            return null;
        }
        if (key.type() != ValueType.NUMBER && key.type() != ValueType.INTEGER && key.type() != ValueType.BOOLEAN
                && key.type() != ValueType.ENUM) {
            problems.error(keyAt, path, path + " takes " + key.type().expected() + " and cannot be a factor "
                    + "(valid: keys taking numbers, integers, booleans or names from a list)");
            return null;
        }
        return key;
    }

    private static String firstKeyUnder(String section) {
        for (KeySpec k : ScenarioSchema.all()) {
            if (k.path().startsWith(section + ".")) {
                return k.path();
            }
        }
        return section + ".KEY";
    }

    private Domain values(KeySpec key, ListNode list) {
        if (list.items().isEmpty()) {
            problems.error(list.location(), key.path(), "the value list is empty (valid: one or more values: "
                    + key.validDescription() + ")");
            return null;
        }
        List<Object> values = new ArrayList<>();
        boolean ok = true;
        for (Node item : list.items()) {
            if (!(item instanceof ScalarNode scalar)) {
                problems.error(item.location(), key.path(), "expected a value, got " + item.describe()
                        + " (valid: " + key.validDescription() + ")");
                ok = false;
                continue;
            }
            Optional<String> wrong = key.check(scalar.value());
            if (wrong.isPresent()) {
                problems.error(item.location(), key.path(), wrong.get());
                ok = false;
            }
            values.add(scalar.value());
        }
        return ok ? new Domain.Values(values) : null;
    }

    private Domain mapping(KeySpec key, MapNode map) {
        if (map.has("values")) {
            if (!only(key, map, List.of("values"), "a value list")) {
                return null;
            }
            Node v = map.get("values");
            if (v instanceof ListNode list) {
                return values(key, list);
            }
            problems.error(v.location(), key.path(), "expected a list of values, got " + v.describe());
            return null;
        }
        if (map.has("distribution")) {
            return distribution(key, map);
        }
        if (map.has("min") || map.has("max")) {
            return range(key, map);
        }
        problems.error(map.location(), key.path(), "expected " + FORMS + "; this mapping has none of values, "
                + "min/max or distribution");
        return null;
    }

    private Domain range(KeySpec key, MapNode map) {
        if (!numeric(key, map, "a range")) {
            return null;
        }
        boolean ok = only(key, map, List.of("min", "max", "levels"), "a range");
        Double min = valueOfKey(key, map, "min", true);
        Double max = valueOfKey(key, map, "max", true);
        Integer levels = 0;
        if (map.has("levels")) {
            levels = integer(key, map, "levels");
        }
        if (!ok || min == null || max == null || levels == null) {
            return null;
        }
        return new Domain.Interval(min, max, levels);
    }

    private Domain distribution(KeySpec key, MapNode map) {
        if (!numeric(key, map, "a distribution")) {
            return null;
        }
        Node nameNode = map.get("distribution");
        String name = nameNode instanceof ScalarNode s && s.value() instanceof String text ? text : null;
        if (name == null || !DISTRIBUTIONS.containsKey(name)) {
            problems.error(nameNode.location(), key.path(), "unknown distribution "
                    + (name == null ? nameNode.describe() : "\"" + name + "\"")
                    + (name == null ? "" : DidYouMean.phrase(DidYouMean.among(name, DISTRIBUTIONS.keySet())))
                    + " (valid: " + String.join(", ", DISTRIBUTIONS.keySet()) + ")");
            return null;
        }
        List<String> required = DISTRIBUTIONS.get(name);
        List<String> allowed = new ArrayList<>(List.of("distribution"));
        allowed.addAll(required);
        if (name.equals("normal")) {
            allowed.addAll(OPTIONAL);
        }
        boolean ok = only(key, map, allowed, "a " + name + " distribution");
        Map<String, Double> p = new LinkedHashMap<>();
        for (String parameter : required) {
            if (!map.has(parameter)) {
                problems.error(map.location(), key.path(), "a " + name + " distribution needs " + parameter
                        + " (valid: " + String.join(", ", required) + ")");
                ok = false;
                continue;
            }
            // Parameters that are values of the key (bounds of the support) are checked as such.
            boolean isValue = parameter.equals("min") || parameter.equals("max") || parameter.equals("mode");
            Double v = isValue ? valueOfKey(key, map, parameter, false) : number(key, map, parameter);
            ok &= v != null;
            p.put(parameter, v);
        }
        Double lower = map.has("lower") ? valueOfKey(key, map, "lower", false) : null;
        Double upper = map.has("upper") ? valueOfKey(key, map, "upper", false) : null;
        ok &= !(map.has("lower") && lower == null) && !(map.has("upper") && upper == null);
        if (!ok) {
            return null;
        }
        return switch (name) {
            case "uniform" -> new Distribution.Uniform(p.get("min"), p.get("max"));
            case "normal" -> normal(key, map, p.get("mean"), p.get("sd"), lower, upper);
            case "lognormal" -> lognormal(key, nameNode, p.get("median"), p.get("spread"));
            case "triangular" -> new Distribution.Triangular(p.get("min"), p.get("mode"), p.get("max"));
            case "beta" -> new Distribution.Beta(p.get("a"), p.get("b"), p.get("min"), p.get("max"));
            default -> throw new IllegalStateException(name);
        };
    }

    /** A normal must be truncated inside the key's range, or some points would be invalid scenarios. */
    private Domain normal(KeySpec key, MapNode map, double mean, double sd, Double lower, Double upper) {
        List<String> missing = new ArrayList<>();
        if (key.min() != null && lower == null) {
            missing.add("lower");
        }
        if (key.max() != null && upper == null) {
            missing.add("upper");
        }
        if (!missing.isEmpty()) {
            problems.error(map.get("distribution").location(), key.path(), "a normal distribution is unbounded but "
                    + key.path() + " is " + key.interval() + "; truncate it with " + String.join(" and ", missing)
                    + " inside that range");
            return null;
        }
        return new Distribution.Normal(mean, sd, lower == null ? Double.NEGATIVE_INFINITY : lower,
                upper == null ? Double.POSITIVE_INFINITY : upper);
    }

    /** A lognormal takes every value in (0, ∞): the key must allow all of them. */
    private Domain lognormal(KeySpec key, Node at, double median, double spread) {
        if (key.max() != null || (key.min() != null && key.min() > 0)) {
            problems.error(at.location(), key.path(), "a lognormal distribution takes every value in (0, ∞) but "
                    + key.path() + " is " + key.interval() + "; use uniform, triangular, beta or a truncated normal");
            return null;
        }
        return new Distribution.LogNormal(median, spread);
    }

    private boolean numeric(KeySpec key, MapNode map, String what) {
        if (key.type() == ValueType.NUMBER || key.type() == ValueType.INTEGER) {
            return true;
        }
        problems.error(map.location(), key.path(), key.path() + " takes " + key.validDescription()
                + "; " + what + " needs a numeric key, so list the values instead");
        return false;
    }

    /** Refuses keys of {@code map} outside {@code allowed}; true when there are none. */
    private boolean only(KeySpec key, MapNode map, List<String> allowed, String what) {
        boolean ok = true;
        for (MapNode.Entry e : map.entries().values()) {
            if (!allowed.contains(e.key())) {
                problems.error(e.keyLocation(), key.path() + "." + e.key(), "unknown key \"" + e.key() + "\" in "
                        + what + DidYouMean.phrase(DidYouMean.among(e.key(), allowed)) + " (valid: "
                        + String.join(", ", allowed) + ")");
                ok = false;
            }
        }
        return ok;
    }

    /** A parameter that is a value of the key: a number the key accepts. */
    private Double valueOfKey(KeySpec key, MapNode map, String parameter, boolean required) {
        Node node = map.get(parameter);
        if (node == null) {
            if (required) {
                problems.error(map.location(), key.path(), "a range needs min and max (missing " + parameter + ")");
            }
            return null;
        }
        Object v = node instanceof ScalarNode s ? s.value() : null;
        Optional<String> wrong = key.check(node instanceof ScalarNode ? v : List.of());
        if (wrong.isPresent()) {
            problems.error(node.location(), key.path() + "." + parameter, wrong.get());
            return null;
        }
        if (!(v instanceof Number n)) {
            problems.error(node.location(), key.path() + "." + parameter, "expected a number, got " + node.describe());
            return null;
        }
        return n.doubleValue();
    }

    private Double number(KeySpec key, MapNode map, String parameter) {
        Node node = map.get(parameter);
        if (node instanceof ScalarNode s && s.value() instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        problems.error(node.location(), key.path() + "." + parameter, "expected a finite number, got " + node.describe());
        return null;
    }

    private Integer integer(KeySpec key, MapNode map, String parameter) {
        Node node = map.get(parameter);
        if (node instanceof ScalarNode s && s.value() instanceof Long n && n >= 2 && n <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        problems.error(node.location(), key.path() + "." + parameter, "expected an integer ≥ 2, got "
                + node.describe());
        return null;
    }
}
