package org.qicsim.experiment.calibrate;

import java.nio.file.Path;
import java.util.Optional;
import org.qicsim.scenario.ScenarioException;

/**
 * Where a calibration finds the evaluator of a component pattern ({@code pattern: C1} in a
 * calibration file): the simulated-review runner of the pattern files in {@code scenarios/patterns/}
 * ({@code org.qicsim.patterns.ReviewTarget}). The runner lives in a package that depends on this
 * one, so the command line passes it in as a factory; {@link #NONE} (no runner) refuses every
 * pattern target as "not available in this build" (exit 2), once the calibration file has checked
 * that it names a calibration-set pattern.
 */
@FunctionalInterface
public interface PatternTargets {

    /**
     * The t-value, at the pattern's own trial count, a review's moderator sign is matched to unless a
     * target sets {@code signTarget:}: the scorecard passes a sign when its review's t exceeds about
     * 1.97, and a review's t varies by about 1 around its expectation, so an expected t of 3 passes
     * about 85% of reviews (PATTERNS.md criterion (c); docs/CALIBRATION.md "Moderator signs"). It is
     * also the statistic's scale: missing it entirely (t = 0) counts as 1, like missing a review's
     * median by the published IQR. 3 suits one moderator, but nine judged together all pass at an
     * expected t of 3 in only about 0.85⁹ = 0.23 of scorecards, at 4 in about 0.98⁹ = 0.83
     * (docs/MODEL.md §11).
     */
    double DEFAULT_SIGN_TARGET = 3.0;

    /** No pattern runner: every pattern target is refused. */
    PatternTargets NONE = (id, patternFile, replicates, signTarget) -> Optional.empty();

    /**
     * The evaluator of the calibration-set pattern {@code id} defined in {@code patternFile}, with
     * {@code replicates} simulated trials (or replicates) per evaluation, each moderator's sign matched
     * to a t of {@code signTarget} (docs/CALIBRATION.md "Moderator signs"); empty when this pattern
     * cannot be evaluated (say, it is not expressible in today's model).
     *
     * @throws ScenarioException if the pattern file is invalid
     */
    Optional<CalibrationTarget> evaluator(String id, Path patternFile, int replicates, double signTarget)
            throws ScenarioException;
}
