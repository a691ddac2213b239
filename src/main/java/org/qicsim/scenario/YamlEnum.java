package org.qicsim.scenario;

import java.util.Locale;

/**
 * Scenario enums are written in YAML in lowerCamelCase ({@code topDecile}, {@code funnel99}) and in
 * Java as UPPER_SNAKE constants ({@code TOP_DECILE}, {@code FUNNEL99}). One rule maps the two, so no
 * enum carries its own spelling table.
 */
public interface YamlEnum {
    String name();

    /** The YAML spelling of this constant. */
    default String yamlName() {
        return yamlName(name());
    }

    static String yamlName(String constant) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char ch : constant.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                out.append(upper ? ch : Character.toLowerCase(ch));
                upper = false;
            }
        }
        return out.toString();
    }

    /** The constant of {@code type} spelled {@code yaml}, or null. */
    static <E extends Enum<E>> E fromYaml(Class<E> type, String yaml) {
        for (E constant : type.getEnumConstants()) {
            if (yamlName(constant.name()).equals(yaml)) {
                return constant;
            }
        }
        return null;
    }

    /** Lower-case key used only for case-insensitive "did you mean" matching. */
    static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
