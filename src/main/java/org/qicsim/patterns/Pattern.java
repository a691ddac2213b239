package org.qicsim.patterns;

import java.nio.file.Path;

/**
 * One published pattern as data (a file {@code scenarios/patterns/<id>.yaml}): what it is, where it
 * comes from, which set it belongs to, how it is run and the criterion it is judged by, written from
 * shared/PATTERNS.md before any run.
 *
 * @param id         the pattern's id ({@code C1}, {@code P5}, {@code M-P3-negative-design}); the file's name
 * @param set        calibration (component targets) or validation (everything a calibration never sees)
 * @param kind       how it is run
 * @param metric     what the headline estimate measures, in words
 * @param criterion  the criterion as PATTERNS.md (or MODEL.md) states it, for readers
 * @param replicates replicates per design, or trials of a simulated review
 * @param seed       master seed of its runs
 * @param file       the file it was read from
 */
public record Pattern(String id, String title, String source, PatternSet set, Kind kind, String metric,
        String criterion, int replicates, long seed, Body body, Path file) {

    /** How a pattern is run. */
    public enum Kind {
        /** A simulated review: many two-arm trials with drawn settings ({@link ReviewSpec}). */
        REVIEW("review"),
        /** Designs × replicates under common random numbers, judged by checks ({@link ChecksSpec}). */
        REPLICATES("replicates"),
        /** Switching off each feature of scenarios/features.yaml ({@link FeaturesSpec}). */
        FEATURES("features"),
        /** Today's model cannot express it ({@link NotExpressibleSpec}). */
        NOT_EXPRESSIBLE("notExpressible");

        private final String yamlName;

        Kind(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }

    /** The kind-specific part of a pattern. */
    public sealed interface Body permits ReviewSpec, ChecksSpec, FeaturesSpec, NotExpressibleSpec {
    }

    /** A pattern today's model cannot express, and why. */
    public record NotExpressibleSpec(String reason) implements Body {
    }
}
