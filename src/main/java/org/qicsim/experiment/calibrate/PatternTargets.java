package org.qicsim.experiment.calibrate;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a calibration finds the evaluator of a component pattern ({@code pattern: C1} in a
 * calibration file): the simulated-review runner of the pattern files in
 * {@code scenarios/patterns/}. It is built separately (issue 10, items 1–3); until it is wired in
 * here, every pattern target is refused as "not yet available" (exit 2) once the calibration file
 * has checked that it names a calibration-set pattern.
 *
 * <p>To wire it: return a {@link CalibrationTarget} whose {@code evaluate} runs the pattern's
 * simulated review with the given parameter overrides and seed on the given executor and returns
 * the review's summary statistics (e.g. median and quartiles of the simulated trial effects), the
 * published values, and their scales.
 */
public final class PatternTargets {
    private PatternTargets() {
    }

    /**
     * The evaluator of the calibration-set pattern {@code id} defined in {@code patternFile}, with
     * {@code replicates} replicates per evaluation; empty while no pattern runner is available.
     */
    public static Optional<CalibrationTarget> evaluator(String id, Path patternFile, int replicates) {
        return Optional.empty();
    }
}
