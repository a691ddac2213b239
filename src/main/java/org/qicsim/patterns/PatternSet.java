package org.qicsim.patterns;

import java.util.Locale;

/**
 * The two sets of published patterns (shared/PATTERNS.md), never mixed: component targets that a
 * calibration may fit, and collaborative targets that are only ever predicted.
 */
public enum PatternSet {
    CALIBRATION, VALIDATION;

    /** The name used in pattern files and the scorecard. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
