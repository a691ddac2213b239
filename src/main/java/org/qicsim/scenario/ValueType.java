package org.qicsim.scenario;

/** The type a scenario key takes in YAML (and in the JSON Schema). */
public enum ValueType {
    NUMBER("a number"),
    INTEGER("an integer"),
    BOOLEAN("a boolean (true or false)"),
    STRING("a string"),
    /** A string from a fixed list; the Java side is a {@link YamlEnum}. */
    ENUM("one of the listed values"),
    MAPPING("a mapping"),
    LIST("a list");

    private final String expected;

    ValueType(String expected) {
        this.expected = expected;
    }

    /** How a message names a value of this type after "expected". */
    public String expected() {
        return expected;
    }

    /** The lower-case name used by {@code qicsim schema --list}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
