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
     * The trace holds the sites' practice: six months after the launch of a 12-site collaborative, for
     * the month just ended, every site scored on the promoted practices, on the guideline and on all
     * ten practices equals Σ_{i in mask, adopted} φ_i / #mask read from the site itself, within 1e−12;
     * and the arm's compliance is its score on the practices it promoted that month.
     */
    @Test
    void theTraceScoresTheSitesOwnPractice() {
        ResolvedScenario r = TestScenarios.resolved("sites.count=12");
        QicSimulation sim = new QicSimulation(World.initialise(r.scenario(), new Streams(3L, 12)),
                r::collaborativeAt, Arm.COLLABORATIVE, 3L);
        int t = r.scenario().startMonth() + 5;
        sim.advanceTo(t + 1);
        ArmTrace trace = sim.trace;
        int[] masks = {trace.promoted(t), sim.landscape.commonOptimum(), (1 << 10) - 1};
        assertThat(trace.promoted(t)).isEqualTo(ProcessIndicator.promoted(sim));
        for (Site s : sim.sites) {
            for (int mask : masks) {
                double sum = 0;
                for (int i = 0; i < 10; i++) {
                    sum += (mask >>> i & 1) == 1 && s.adopted(i) ? s.fidelity[i] : 0.0;
                }
                assertThat(trace.compliance(t, s.index, mask)).isCloseTo(sum / Integer.bitCount(mask), within(1e-12));
            }
            assertThat(trace.compliance(t, s.index)).isEqualTo(trace.compliance(t, s.index, trace.promoted(t)));
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
