package org.qicsim.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.qicsim.experiment.calibrate.CalibrationTarget;

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
}
