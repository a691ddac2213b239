package org.qicsim.patterns;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qicsim.experiment.RunExecutor;
import org.qicsim.experiment.calibrate.CalibrationTarget;
import org.qicsim.experiment.calibrate.PatternTargets;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.ScenarioException;

/**
 * A component pattern (a simulated review, docs/MODEL.md §14) as a calibration target
 * (docs/CALIBRATION.md): one evaluation draws and runs the review's trials with the calibration's
 * parameter values applied to both arms, and compares the simulated median and quartiles of the
 * trial effects with the published ones. The scale of each statistic is the published IQR's width,
 * so a miss of one IQR counts as 1; where a review publishes no IQR (C6) only the median is used,
 * with half its magnitude as the scale (about the width of criterion (a)'s band, 0.67× to 1.5×). Each
 * expressible moderator adds its sign as a statistic ({@link #moderatorStatistic}), so a calibration
 * fits all three of PATTERNS.md's criteria: median, quartiles and moderator signs.
 * Only calibration-set review patterns can be targets; the calibration file refuses validation ones.
 */
public final class ReviewTarget implements CalibrationTarget {
    /**
     * The fewest residual degrees of freedom (trials − moderators − 1) at which an evaluation counts
     * the moderators' signs; below it the regression is left out (its t would be mostly noise, or it
     * could not be fitted at all), and the evaluation is compared on median and quartiles only.
     */
    static final int MIN_RESIDUAL_DF = 10;

    private final Pattern pattern;
    private final ReviewSpec review;
    private final int trials;
    private final double signTarget;

    private ReviewTarget(Pattern pattern, ReviewSpec review, int trials, double signTarget) {
        this.pattern = pattern;
        this.review = review;
        this.trials = trials;
        this.signTarget = signTarget;
    }

    /**
     * The target of the pattern in {@code patternFile} with {@code trials} trials per evaluation
     * (the pattern's own count when not positive); empty when the pattern is not a review with a
     * published median (not expressible, or a design-space share such as P6).
     */
    public static Optional<CalibrationTarget> of(String id, Path patternFile, int trials) throws ScenarioException {
        return of(id, patternFile, trials, PatternTargets.DEFAULT_SIGN_TARGET);
    }

    /** As {@link #of(String, Path, int)}, each moderator's sign matched to a t of {@code signTarget}. */
    public static Optional<CalibrationTarget> of(String id, Path patternFile, int trials, double signTarget)
            throws ScenarioException {
        if (!(signTarget > 0)) {
            throw new IllegalArgumentException("signTarget must be > 0, was " + signTarget);
        }
        Pattern pattern = PatternLoader.load(patternFile);
        if (!(pattern.body() instanceof ReviewSpec review) || review.published() == null) {
            return Optional.empty();
        }
        return Optional.of(new ReviewTarget(pattern, review, trials > 0 ? trials : pattern.replicates(), signTarget));
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
        List<String> names = new ArrayList<>();
        List<double[]> rows = new ArrayList<>(); // simulated, observed, scale, share
        if (iqr == null) {
            names.add(id() + " median");
            rows.add(new double[] {outcome.median(), published.median(), 0.5 * StrictMath.abs(published.median()), share});
        } else {
            double scale = iqr[1] - iqr[0];
            names.addAll(List.of(id() + " median", id() + " q1", id() + " q3"));
            rows.add(new double[] {outcome.median(), published.median(), scale, share});
            rows.add(new double[] {outcome.q1(), iqr[0], scale, share});
            rows.add(new double[] {outcome.q3(), iqr[1], scale, share});
        }
        List<ReviewHarness.Coefficient> moderators = outcome.coefficients();
        if (trials - moderators.size() - 1 < MIN_RESIDUAL_DF) {
            moderators = List.of(); // too few trials for the regression's t to mean anything
        }
        for (ReviewHarness.Coefficient c : moderators) {
            names.add(id() + " moderator " + c.moderator().name());
            rows.add(new double[] {moderatorStatistic(c.moderator().sign(), c.estimate(), c.standardError()),
                signTarget, signTarget, share});
        }
        double[][] columns = new double[4][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < 4; j++) {
                columns[j][i] = rows.get(i)[j];
            }
        }
        return new Evaluation(names, columns[0], columns[1], columns[2], columns[3]);
    }

    /**
     * A moderator's sign as a statistic (PATTERNS.md criterion (c): the review's regression of the
     * trial effects on the moderator has a 95% CI that excludes 0 in the published direction). It is
     * the coefficient's t-value in the published direction, scaled from this evaluation's trials to the
     * pattern's own count (a coefficient's standard error falls as one over the root of the trial count,
     * so a review of the pattern's size would see t·√(count / trials)), clipped above at
     * the sign target ({@link PatternTargets#DEFAULT_SIGN_TARGET} unless the calibration sets another): the reviews report a
     * direction, not a size, so every t beyond the target is
     * as good as observed. Its variance in one evaluation is about count / trials, which the stochastic
     * share brings back to about 1, a t-value's own. NaN where the regression could not be fitted.
     */
    double moderatorStatistic(int sign, double estimate, double standardError) {
        double t = sign * estimate / standardError * StrictMath.sqrt((double) pattern.replicates() / trials);
        return Double.isNaN(t) ? Double.NaN : Math.min(signTarget, t);
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
