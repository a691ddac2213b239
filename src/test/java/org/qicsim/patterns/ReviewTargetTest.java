package org.qicsim.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qicsim.experiment.LocalPool;
import org.qicsim.experiment.calibrate.CalibrationTarget;
import org.qicsim.experiment.calibrate.PatternTargets;

/**
 * A simulated review as a calibration target (docs/CALIBRATION.md): its statistics are compared with
 * the published ones as a review of the pattern's own trial count would give them, so the variance of
 * one evaluation is scaled by evaluation trials over that count.
 */
class ReviewTargetTest {
    private static ReviewTarget target(String id, int trials) throws Exception {
        CalibrationTarget t = ReviewTarget.of(id, Path.of("scenarios/patterns/" + id + ".yaml"), trials).orElseThrow();
        return (ReviewTarget) t;
    }

    @Test
    void theStochasticShareIsEvaluationTrialsOverThePatternsOwnCountAtMostOne() throws Exception {
        // C1 runs 300 trials in the scorecard, C5 150 (scenarios/patterns/C1.yaml, C5.yaml).
        assertThat(target("C1", 30).stochasticShare()).isEqualTo(0.1);
        assertThat(target("C5", 30).stochasticShare()).isEqualTo(0.2);
        assertThat(target("C5", 150).stochasticShare()).isEqualTo(1.0);
        assertThat(target("C5", 600).stochasticShare()).isEqualTo(1.0);
        assertThat(target("C5", 0).stochasticShare()).as("0 trials: the pattern's own count").isEqualTo(1.0);
    }

    @Test
    void aModeratorsSignIsItsTScaledToThePatternsCountInThePublishedDirectionClippedAtTheTarget() throws Exception {
        ReviewTarget c1 = target("C1", 30); // 300 trials in the scorecard: t scales by sqrt(10)
        double root10 = Math.sqrt(10);
        assertThat(c1.moderatorStatistic(1, 0.002, 0.01)).isCloseTo(0.2 * root10, within(1e-12));
        assertThat(c1.moderatorStatistic(-1, 0.002, 0.01)).as("the wrong direction is negative")
                .isCloseTo(-0.2 * root10, within(1e-12));
        assertThat(c1.moderatorStatistic(-1, -0.005, 0.01)).isCloseTo(0.5 * root10, within(1e-12));
        assertThat(c1.moderatorStatistic(1, 0.01, 0.01)).as("t = 3.16 at 300 trials: as good as observed")
                .isEqualTo(PatternTargets.DEFAULT_SIGN_TARGET);
        assertThat(c1.moderatorStatistic(1, Double.NaN, Double.NaN)).isNaN();
        assertThat(target("C1", 300).moderatorStatistic(1, 0.002, 0.001)).isEqualTo(2.0);
    }

    /**
     * An evaluation with enough trials for the regression adds each expressible moderator's sign to the
     * median (C5: one moderator, no IQR), observed at the target, on its scale, with the review's share;
     * with too few trials it is left out.
     */
    @Test
    void anEvaluationCountsTheModeratorsOnlyWithEnoughTrials() throws Exception {
        CalibrationTarget.Evaluation enough;
        CalibrationTarget.Evaluation few;
        try (LocalPool pool = new LocalPool(2)) {
            enough = target("C5", 1 + 1 + ReviewTarget.MIN_RESIDUAL_DF).evaluate(List.of(), 5, pool);
            few = target("C5", ReviewTarget.MIN_RESIDUAL_DF).evaluate(List.of(), 5, pool);
        }
        assertThat(enough.names()).containsExactly("C5 median", "C5 moderator low baseline compliance");
        assertThat(enough.observed()[1]).isEqualTo(PatternTargets.DEFAULT_SIGN_TARGET);
        assertThat(enough.scales()[1]).isEqualTo(PatternTargets.DEFAULT_SIGN_TARGET);
        assertThat(enough.stochasticShares()[1]).isEqualTo(12.0 / 150);
        assertThat(enough.simulated()[1]).isFinite().isLessThanOrEqualTo(PatternTargets.DEFAULT_SIGN_TARGET);
        assertThat(few.names()).containsExactly("C5 median");
    }

    /**
     * A calibration's own sign target (docs/CALIBRATION.md "Moderator signs"): the moderator's t is
     * clipped at it and observed at it, on it as scale; the same seed gives the same unclipped t, and the
     * median is untouched.
     */
    @Test
    void aSignTargetOfFourClipsAndObservesTheModeratorAtFour() throws Exception {
        ReviewTarget four = (ReviewTarget) ReviewTarget.of("C1", Path.of("scenarios/patterns/C1.yaml"), 300, 4.0)
                .orElseThrow();
        assertThat(four.moderatorStatistic(1, 0.0035, 0.001)).isEqualTo(3.5);
        assertThat(target("C1", 300).moderatorStatistic(1, 0.0035, 0.001)).isEqualTo(PatternTargets.DEFAULT_SIGN_TARGET);
        assertThat(four.moderatorStatistic(1, 0.005, 0.001)).isEqualTo(4.0);
        CalibrationTarget.Evaluation at3;
        CalibrationTarget.Evaluation at4;
        int trials = 1 + 1 + ReviewTarget.MIN_RESIDUAL_DF;
        try (LocalPool pool = new LocalPool(2)) {
            at3 = target("C5", trials).evaluate(List.of(), 5, pool);
            at4 = ReviewTarget.of("C5", Path.of("scenarios/patterns/C5.yaml"), trials, 4.0).orElseThrow()
                    .evaluate(List.of(), 5, pool);
        }
        assertThat(at4.observed()[1]).isEqualTo(4.0);
        assertThat(at4.scales()[1]).isEqualTo(4.0);
        assertThat(at4.simulated()[0]).isEqualTo(at3.simulated()[0]);
        assertThat(at4.simulated()[1]).isEqualTo(Math.min(4.0, at4.simulated()[1]))
                .isGreaterThanOrEqualTo(at3.simulated()[1]);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ReviewTarget.of("C5",
                Path.of("scenarios/patterns/C5.yaml"), trials, 0.0))).isInstanceOf(IllegalArgumentException.class);
    }
}
