package org.qicsim.scenario;

import java.util.regex.Pattern;
import org.qicsim.scenario.tree.Location;
import org.qicsim.scenario.tree.Numbers;

/**
 * A command-line override of one key, merged last (after defaults, the {@code extends} chain and
 * the file). {@code valueYaml} is parsed as a YAML scalar or flow value ({@code 0.2},
 * {@code topDecile}, {@code null}, {@code {median: 10, spread: 1}}); problems with it are located
 * at file {@code origin} (e.g. {@code --set #2}), line 1, column {@code column} (where the value
 * starts in the option's argument).
 *
 * <p>Note for callers in other packages: importing this type shadows {@code java.lang.Override}
 * in that file; refer to it by its qualified name there, or write {@code @Override}.
 */
public record KeyOverride(String path, String valueYaml, String origin, int column) {

    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*");

    /**
     * Parses the argument of the k-th {@code --set} option, {@code key.path=value}.
     *
     * @param oneBasedIndex the position of this {@code --set} among all of them, 1 for the first
     */
    public static KeyOverride parseSet(String keyEqualsValue, int oneBasedIndex) throws ScenarioException {
        String origin = "--set #" + oneBasedIndex;
        int equals = keyEqualsValue.indexOf('=');
        if (equals < 0) {
            throw new ScenarioException(Problem.error(new Location(origin, 1, 1), "",
                    "expected key.path=value, got \"" + keyEqualsValue + "\""));
        }
        String path = keyEqualsValue.substring(0, equals);
        if (!PATH.matcher(path).matches()) {
            throw new ScenarioException(Problem.error(new Location(origin, 1, 1), path,
                    "\"" + path + "\" is not a key path (valid: keys joined by dots, e.g. sites.count=40)"));
        }
        return new KeyOverride(path, keyEqualsValue.substring(equals + 1), origin, equals + 2);
    }

    /**
     * An override from a typed option such as {@code --seed 7} ({@code origin "--seed"}); the value
     * is a Number, String, Boolean, {@link YamlEnum} constant or null.
     */
    public static KeyOverride of(String path, Object value, String origin) {
        return new KeyOverride(path, yamlText(value), origin, 1);
    }

    private static String yamlText(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Double || value instanceof Float) {
            return Numbers.yaml(((Number) value).doubleValue());
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof YamlEnum e) {
            return e.yamlName();
        }
        if (value instanceof String s) {
            return CanonicalYaml.quote(s);
        }
        throw new IllegalArgumentException("cannot override " + value.getClass().getName() + " values");
    }
}
