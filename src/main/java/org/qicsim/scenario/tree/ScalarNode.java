package org.qicsim.scenario.tree;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A scalar with the type YAML gave it. The value is a {@link String}, a {@link Long} (or
 * {@link BigInteger} when it does not fit), a {@link Double}, a {@link Boolean}, or null.
 * A quoted {@code "5"} stays a string: YAML decides the type, not the consumer.
 */
public record ScalarNode(Location location, Kind kind, Object value) implements Node {

    /** The YAML type of a scalar. */
    public enum Kind { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

    public ScalarNode {
        Objects.requireNonNull(kind, "kind");
        boolean ok = switch (kind) {
            case STRING -> value instanceof String;
            case INTEGER -> value instanceof Long || value instanceof BigInteger;
            case FLOAT -> value instanceof Double;
            case BOOLEAN -> value instanceof Boolean;
            case NULL -> value == null;
        };
        if (!ok) {
            throw new IllegalArgumentException("scalar of kind " + kind + " cannot hold " + value);
        }
    }

    /** The scalar of the right kind for a plain Java value (String, integral Number, Double, Boolean, null). */
    public static ScalarNode of(Location location, Object value) {
        if (value == null) {
            return new ScalarNode(location, Kind.NULL, null);
        }
        if (value instanceof String s) {
            return new ScalarNode(location, Kind.STRING, s);
        }
        if (value instanceof Boolean b) {
            return new ScalarNode(location, Kind.BOOLEAN, b);
        }
        if (value instanceof Double || value instanceof Float) {
            return new ScalarNode(location, Kind.FLOAT, ((Number) value).doubleValue());
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64
                    ? new ScalarNode(location, Kind.INTEGER, big.longValue())
                    : new ScalarNode(location, Kind.INTEGER, big);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return new ScalarNode(location, Kind.INTEGER, ((Number) value).longValue());
        }
        throw new IllegalArgumentException("not a scalar value: " + value.getClass().getName());
    }

    @Override
    public String describe() {
        return describeValue(value);
    }

    /** How messages show a plain value: {@code string "x"}, {@code number 1.5}, {@code true}, {@code null}. */
    public static String describeValue(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "string \"" + s + "\"";
        }
        if (value instanceof Boolean b) {
            return "boolean " + b;
        }
        if (value instanceof Double d) {
            return "number " + Numbers.plain(d);
        }
        if (value instanceof Number n) {
            return "number " + n;
        }
        return value.toString();
    }
}
