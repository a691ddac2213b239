package org.qicsim.scenario;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.qicsim.scenario.tree.DidYouMean;
import org.qicsim.scenario.tree.Numbers;
import org.qicsim.scenario.tree.ScalarNode;

/**
 * One scenario key (a leaf: a record component holding a value), as declared on the records:
 * its dotted path, type, range ({@code min}/{@code max} null when unbounded), nullability, enum
 * values (YAML spelling), default from {@code defaults.yaml} (the bound Java value: Double,
 * Integer, Long, Boolean, String, enum constant, empty list, or null) and description.
 */
public record KeySpec(String path, ValueType type, Double min, Double max, boolean minOpen, boolean maxOpen,
        boolean nullable, List<String> enumValues, Object defaultValue, String doc) implements SchemaEntry {

    /** Longest {@code name}: it becomes a folder name, and file systems limit a name to 255 bytes. */
    static final int MAX_NAME = 100;
    /** {@code name} must be usable as a folder name on every platform. */
    static final Pattern NAME_PATTERN = Pattern.compile("[a-z0-9][a-z0-9._-]{0," + (MAX_NAME - 1) + "}");

    public KeySpec {
        enumValues = List.copyOf(enumValues);
    }

    /**
     * What is wrong with {@code value} for this key, or empty when it is valid. Accepts plain Java
     * values as well as YAML ones (any Number, String, Boolean, a {@link YamlEnum} constant, Map,
     * List, null), so that sweeps can check factor levels with the scenario's own rules.
     * A {@code schedule} value is only checked to be a list here; its entries are checked on load.
     */
    public Optional<String> check(Object value) {
        Object v = normalise(value);
        if (v == null) {
            return nullable || type == ValueType.MAPPING
                    ? Optional.empty()
                    : Optional.of("null is not allowed (valid: " + validDescription() + ")");
        }
        return switch (type) {
            case NUMBER -> checkNumber(v);
            case INTEGER -> checkInteger(v);
            case BOOLEAN -> v instanceof Boolean ? Optional.empty() : wrongType(v);
            case STRING -> checkString(v);
            case ENUM -> checkEnum(v);
            case LIST -> v instanceof List ? Optional.empty() : wrongType(v);
            case MAPPING -> v instanceof Map ? Optional.empty() : wrongType(v);
        };
    }

    /** The default as canonical YAML writes it: {@code 0.13}, {@code topDecile}, {@code null}, {@code []}. */
    public String defaultYaml() {
        return defaultValue instanceof List<?> ? "[]" : CanonicalYaml.scalar(defaultValue);
    }

    /** The range in interval notation: {@code [0, 1]}, {@code (0, 1]}, {@code ≥ 0}; empty when unbounded. */
    public String interval() {
        if (min != null && max != null) {
            return (minOpen ? "(" : "[") + Numbers.plain(min) + ", " + Numbers.plain(max) + (maxOpen ? ")" : "]");
        }
        if (min != null) {
            return (minOpen ? "> " : "≥ ") + Numbers.plain(min);
        }
        if (max != null) {
            return (maxOpen ? "< " : "≤ ") + Numbers.plain(max);
        }
        return "";
    }

    /** What a valid value looks like, for the {@code (valid: …)} part of messages. */
    public String validDescription() {
        String base = switch (type) {
            case NUMBER -> interval().isEmpty() ? "a number" : "a number in " + interval();
            case INTEGER -> interval().isEmpty() ? "an integer" : "an integer in " + interval();
            case BOOLEAN -> "true or false";
            case STRING -> path.equals("name") ? "a string matching " + NAME_PATTERN.pattern() : "a string";
            case ENUM -> String.join(", ", enumValues);
            case LIST -> "a list";
            case MAPPING -> "a mapping";
        };
        return nullable ? base + ", or null" : base;
    }

    /** Plain Java values in the forms YAML produces: Long/BigInteger, Double, String, Boolean, Map, List. */
    static Object normalise(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof BigDecimal big) {
            return big.doubleValue();
        }
        if (value instanceof YamlEnum e) {
            return e.yamlName();
        }
        return value;
    }

    private Optional<String> wrongType(Object v) {
        return Optional.of("expected " + type.expected() + ", got " + describe(v) + " (valid: " + validDescription() + ")");
    }

    private static String describe(Object v) {
        if (v instanceof Map) {
            return "a mapping";
        }
        if (v instanceof List) {
            return "a list";
        }
        return ScalarNode.describeValue(v);
    }

    private Optional<String> checkNumber(Object v) {
        if (!(v instanceof Long || v instanceof BigInteger || v instanceof Double)) {
            return wrongType(v);
        }
        double d = ((Number) v).doubleValue();
        if (!Double.isFinite(d)) {
            return Optional.of("expected a finite number, got " + describe(v) + " (valid: " + validDescription() + ")");
        }
        return checkRange(d, Numbers.plain(d));
    }

    private Optional<String> checkInteger(Object v) {
        if (v instanceof Double d) {
            // JSON Schema's "integer" admits 2.0; 1.5 is not an integer however it is spelt.
            if (!Double.isFinite(d) || d != Math.rint(d)) {
                return Optional.of("expected an integer, got " + describe(v) + " (valid: " + validDescription() + ")");
            }
            if (Math.abs(d) >= 0x1p63) {
                return Optional.of(Numbers.plain(d) + " is too large for a 64-bit integer");
            }
            return checkRange(d, Numbers.plain(d));
        }
        if (v instanceof BigInteger big) {
            return Optional.of(big + " is too large for a 64-bit integer (valid: " + validDescription() + ")");
        }
        if (!(v instanceof Long l)) {
            return wrongType(v);
        }
        return checkRange(l.doubleValue(), l.toString());
    }

    private Optional<String> checkRange(double d, String shown) {
        boolean below = min != null && (minOpen ? d <= min : d < min);
        boolean above = max != null && (maxOpen ? d >= max : d > max);
        if (below || above) {
            return Optional.of(shown + " is out of range (valid: " + interval() + ")");
        }
        return Optional.empty();
    }

    private Optional<String> checkString(Object v) {
        if (!(v instanceof String s)) {
            return wrongType(v);
        }
        if (path.equals("name") && s.length() > MAX_NAME) {
            return Optional.of("a name of " + s.length() + " characters is too long: it names the results folder "
                    + "(valid: at most " + MAX_NAME + " characters matching " + NAME_PATTERN.pattern() + ")");
        }
        if (path.equals("name") && !NAME_PATTERN.matcher(s).matches()) {
            return Optional.of("\"" + s + "\" is not a valid name: lower-case letters, digits, '.', '_' and '-', "
                    + "starting with a letter or digit (valid: " + NAME_PATTERN.pattern() + ")");
        }
        return Optional.empty();
    }

    private Optional<String> checkEnum(Object v) {
        if (!(v instanceof String s)) {
            return Optional.of("expected one of " + String.join(", ", enumValues) + ", got " + describe(v));
        }
        if (enumValues.contains(s)) {
            return Optional.empty();
        }
        return Optional.of("unknown value \"" + s + "\"" + DidYouMean.phrase(DidYouMean.among(s, enumValues))
                + " (valid: " + validDescription() + ")");
    }
}
