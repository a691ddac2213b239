package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.qicsim.patterns.ReviewHarness;
import org.qicsim.scenario.ResolvedScenario;

/**
 * A trial scores both arms on the practices the intervention arm promotes (docs/MODEL.md §14, §10 item
 * 78): the trace keeps each site's x_i·φ_i per practice and the promoted mask, month by month.
 */
class TrialScoringTest {

    /**
     * Invariant: in a whole run of michigan-like defaults, scoring a site on its own arm's promoted mask
     * gives exactly the compliance the arm records, every month and site, in the collaborative and the
     * counterfactual arm.
     */
    @Test
    void scoringOnTheArmsOwnMaskIsItsCompliance() {
        ResolvedScenario r = TestScenarios.resolved("sites.count=12", "horizonMonths=30");
        RunResult result = Run.execute(r.scenario(), r::collaborativeAt, 3L);
        for (ArmTrace arm : new ArmTrace[] {result.factual(), result.counterfactual()}) {
            int checked = 0;
            for (int t = 0; t < 30; t++) {
                for (int j = 0; j < arm.sites(); j++) {
                    double own = arm.compliance(t, j);
                    double scored = arm.compliance(t, j, arm.promoted(t));
                    if (Double.isNaN(own)) {
                        assertThat(scored).isNaN();
                    } else {
                        assertThat(scored).isCloseTo(own, within(1e-12));
                        checked++;
                    }
                }
            }
            assertThat(checked).isGreaterThan(300);
        }
    }

    /**
     * Planted: one site, practices {0, 1, 2}. The intervention promotes {0, 1} at follow-up, the
     * control its own {2}; the control's site holds practices 0 and 1 at fidelity 0.5 and nothing else,
     * the intervention's site 0 and 1 at fidelity 1. Scored on the intervention's practices the
     * difference is (1 − 0) − (0.5 − 0) = 0.5; scored each on its own it would be 1 − 0 = 1.
     */
    @Test
    void theControlIsScoredOnTheInterventionsPractices() {
        ArmTrace intervention = new ArmTrace(2, 1, 3);
        ArmTrace control = new ArmTrace(2, 1, 3);
        intervention.promoted[0] = 0b111;
        control.promoted[0] = 0b111;
        intervention.promoted[1] = 0b011;
        control.promoted[1] = 0b100;
        intervention.held[1][0] = 1.0;
        intervention.held[1][1] = 1.0;
        control.held[1][0] = 0.5;
        control.held[1][1] = 0.5;
        double[] d = ReviewHarness.siteDifferences(intervention, control, 0, 1);
        assertThat(d).containsExactly(0.5);
    }
}
