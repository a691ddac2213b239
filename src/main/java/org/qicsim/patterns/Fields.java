package org.qicsim.patterns;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.qicsim.scenario.Problems;
import org.qicsim.scenario.tree.DidYouMean;
import org.qicsim.scenario.tree.ListNode;
import org.qicsim.scenario.tree.MapNode;
import org.qicsim.scenario.tree.Node;
import org.qicsim.scenario.tree.ScalarNode;

/**
 * Reads the values of one map of a pattern file, recording each problem at the node that caused it
 * and returning null for a missing or invalid value, so that one pass reports everything.
 */
final class Fields {
    final MapNode map;
    final String prefix;
    final Problems problems;

    Fields(MapNode map, String prefix, Problems problems) {
        this.map = map;
        this.prefix = prefix;
        this.problems = problems;
    }

    String path(String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    /** Unknown keys, each with a did-you-mean and the valid keys. */
    void checkKeys(List<String> valid, String context) {
        for (String key : map.keys()) {
            if (!valid.contains(key)) {
                problems.error(map.entry(key).keyLocation(), path(key), "unknown key \"" + key + "\"" + context
                        + DidYouMean.phrase(DidYouMean.among(key, valid)) + " (valid: " + String.join(", ", valid) + ")");
            }
        }
    }

    private Node required(String key, String what) {
        Node node = map.get(key);
        if (node == null) {
            problems.error(map.location(), path(key), "missing key " + key + " (" + what + ")");
        }
        return node;
    }

    String text(String key) {
        Node node = required(key, "text");
        return node == null ? null : asText(key, node);
    }

    String optionalText(String key) {
        Node node = map.get(key);
        return node == null ? null : asText(key, node);
    }

    private String asText(String key, Node node) {
        if (node instanceof ScalarNode s && s.value() instanceof String t && !t.isBlank()) {
            return t;
        }
        problems.error(node.location(), path(key), "expected text, got " + node.describe());
        return null;
    }

    Double number(String key) {
        Node node = required(key, "a number");
        return node == null ? null : asNumber(key, node);
    }

    Double optionalNumber(String key) {
        Node node = map.get(key);
        return node == null ? null : asNumber(key, node);
    }

    private Double asNumber(String key, Node node) {
        if (node instanceof ScalarNode s && s.value() instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isFinite(d)) {
                return d;
            }
        }
        problems.error(node.location(), path(key), "expected a number, got " + node.describe());
        return null;
    }

    Integer integer(String key, int min, int max) {
        Node node = required(key, "a whole number");
        return node == null ? null : asInteger(key, node, min, max);
    }

    Integer optionalInteger(String key, int min, int max) {
        Node node = map.get(key);
        return node == null ? null : asInteger(key, node, min, max);
    }

    private Integer asInteger(String key, Node node, int min, int max) {
        if (node instanceof ScalarNode s && s.value() instanceof Long n) {
            if (n >= min && n <= max) {
                return n.intValue();
            }
            problems.error(node.location(), path(key), n + " is out of range (valid: " + min + " to " + max + ")");
            return null;
        }
        problems.error(node.location(), path(key), "expected a whole number, got " + node.describe());
        return null;
    }

    Long optionalLong(String key) {
        Node node = map.get(key);
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode s && s.value() instanceof Long n) {
            return n;
        }
        problems.error(node.location(), path(key), "expected a whole number, got " + node.describe());
        return null;
    }

    Boolean optionalBoolean(String key) {
        Node node = map.get(key);
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode s && s.value() instanceof Boolean b) {
            return b;
        }
        problems.error(node.location(), path(key), "expected true or false, got " + node.describe());
        return null;
    }

    /** A pair [low, high] with low ≤ high, or null when absent. */
    double[] optionalPair(String key) {
        Node node = map.get(key);
        if (node == null) {
            return null;
        }
        if (node instanceof ListNode list && list.items().size() == 2
                && list.items().stream().allMatch(n -> n instanceof ScalarNode s && s.value() instanceof Number)) {
            double a = ((Number) ((ScalarNode) list.items().get(0)).value()).doubleValue();
            double b = ((Number) ((ScalarNode) list.items().get(1)).value()).doubleValue();
            if (a <= b) {
                return new double[] {a, b};
            }
            problems.error(node.location(), path(key), "expected [low, high] with low <= high, got [" + a + ", " + b + "]");
            return null;
        }
        problems.error(node.location(), path(key), "expected a pair of numbers [low, high], got " + node.describe());
        return null;
    }

    /** One of the constants, by their file spelling. */
    <E extends Enum<E>> E choice(String key, E[] values, Function<E, String> spelling) {
        Node node = required(key, "one of " + names(values, spelling));
        if (node == null) {
            return null;
        }
        List<String> names = names(values, spelling);
        if (node instanceof ScalarNode s && s.value() instanceof String t) {
            for (E e : values) {
                if (spelling.apply(e).equals(t)) {
                    return e;
                }
            }
            problems.error(node.location(), path(key), "unknown value \"" + t + "\"" + DidYouMean.phrase(DidYouMean.among(t, names))
                    + " (valid: " + String.join(", ", names) + ")");
            return null;
        }
        problems.error(node.location(), path(key), "expected one of " + String.join(", ", names) + ", got " + node.describe());
        return null;
    }

    private static <E> List<String> names(E[] values, Function<E, String> spelling) {
        List<String> out = new ArrayList<>();
        Arrays.stream(values).forEach(v -> out.add(spelling.apply(v)));
        return out;
    }

    /** A nested map (its keys checked against {@code valid} unless null), or null. */
    Fields map(String key, List<String> valid) {
        Node node = required(key, "a map");
        if (node == null) {
            return null;
        }
        if (!(node instanceof MapNode m)) {
            problems.error(node.location(), path(key), "expected a map, got " + node.describe());
            return null;
        }
        Fields f = new Fields(m, path(key), problems);
        if (valid != null) {
            f.checkKeys(valid, "");
        }
        return f;
    }

    /** A file named relative to {@code dir}, which must exist. */
    Path file(String key, Path dir) {
        String name = text(key);
        if (name == null) {
            return null;
        }
        Path file = dir.resolve(name).normalize();
        if (!Files.isRegularFile(file)) {
            problems.error(map.get(key).location(), path(key), "no such file " + name + " (relative to the pattern file)");
            return null;
        }
        return file;
    }

    /** A run statistic's name ({@link RunStatistics#names()}). */
    String statistic(String key) {
        String name = text(key);
        if (name != null && !RunStatistics.names().contains(name)) {
            problems.error(map.get(key).location(), path(key), "unknown statistic \"" + name + "\""
                    + DidYouMean.phrase(DidYouMean.among(name, RunStatistics.names())) + " (valid: "
                    + String.join(", ", RunStatistics.names()) + ")");
            return null;
        }
        return name;
    }

    /** The name of a design declared in the pattern. */
    String design(String key, List<String> designs) {
        String name = text(key);
        if (name != null && !designs.contains(name)) {
            problems.error(map.get(key).location(), path(key), "unknown design \"" + name + "\""
                    + DidYouMean.phrase(DidYouMean.among(name, designs)) + " (valid: " + String.join(", ", designs) + ")");
            return null;
        }
        return name;
    }
}
