package org.qicsim.patterns;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.qicsim.experiment.RunExecutor;
import org.qicsim.experiment.calibrate.CalibrationTarget;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.ScenarioException;

/**
 * A component pattern (a simulated review, docs/MODEL.md §14) as a calibration target
 * (docs/CALIBRATION.md): one evaluation draws and runs the review's trials with the calibration's
 * parameter values applied to both arms, and compares the simulated median and quartiles of the
 * trial effects with the published ones. The scale of each statistic is the published IQR's width,
 * so a miss of one IQR counts as 1; where a review publishes no IQR (C6) only the median is used,
 * with half its magnitude as the scale (about the width of criterion (a)'s band, 0.67× to 1.5×).
 * Only calibration-set review patterns can be targets; the calibration file refuses validation ones.
 */
public final class ReviewTarget implements CalibrationTarget {
    private final Pattern pattern;
    private final ReviewSpec review;
    private final int trials;

    private ReviewTarget(Pattern pattern, ReviewSpec review, int trials) {
        this.pattern = pattern;
        this.review = review;
        this.trials = trials;
    }

    /**
     * The target of the pattern in {@code patternFile} with {@code trials} trials per evaluation
     * (the pattern's own count when not positive); empty when the pattern is not a review with a
     * published median (not expressible, or a design-space share such as P6).
     */
    public static Optional<CalibrationTarget> of(String id, Path patternFile, int trials) throws ScenarioException {
        Pattern pattern = PatternLoader.load(patternFile);
        if (!(pattern.body() instanceof ReviewSpec review) || review.published() == null) {
            return Optional.empty();
        }
        return Optional.of(new ReviewTarget(pattern, review, trials > 0 ? trials : pattern.replicates()));
    }

    @Override
    public String id() {
        return pattern.id();
    }

    @Override
    public int runsPerEvaluation() {
        // A trial is the intervention run with its counterfactual, plus a usual-care run when the
        // control is a scenario of its own rather than the counterfactual arm.
        return review.control() == null ? trials : 2 * trials;
    }

    @Override
    public Evaluation evaluate(List<KeyOverride> parameters, long seed, RunExecutor executor)
            throws InterruptedException, IOException, ScenarioException {
        ReviewHarness.Outcome outcome = ReviewHarness.run(review, parameters, seed, trials, executor);
        ReviewSpec.Published published = review.published();
        double[] iqr = published.iqr();
        double share = stochasticShare();
        if (iqr == null) {
            double scale = 0.5 * StrictMath.abs(published.median());
            return new Evaluation(List.of(id() + " median"), new double[] {outcome.median()},
                    new double[] {published.median()}, new double[] {scale}, new double[] {share});
        }
        double scale = iqr[1] - iqr[0];
        return new Evaluation(List.of(id() + " median", id() + " q1", id() + " q3"),
                new double[] {outcome.median(), outcome.q1(), outcome.q3()},
                new double[] {published.median(), iqr[0], iqr[1]}, new double[] {scale, scale, scale},
                new double[] {share, share, share});
    }

    /**
     * The review's statistics are compared with the published ones as a review of the pattern's own
     * trial count would give them (the scorecard's review, {@code replicates} trials), while an
     * evaluation runs {@code trials}: a median's or quartile's variance falls as one over the trial
     * count, so the variance of one evaluation is scaled by trials / the pattern's count (at most 1).
     */
    double stochasticShare() {
        return Math.min(1.0, (double) trials / pattern.replicates());
    }
}
