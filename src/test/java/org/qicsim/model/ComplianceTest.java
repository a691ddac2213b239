package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qicsim.scenario.ResolvedScenario;

/**
 * Compliance is adherence to the promoted practices (MODEL.md §9 and §10 item 66; shared/PATTERNS.md:
 * "in a trial the desired practice is the one the intervention promotes (the change package or
 * guideline)"): the change package's advised practices once it advises any, else the guideline (the
 * general evidence's optimum), which is also what the counterfactual arm, without a package, counts.
 */
class ComplianceTest {
    private static final long SEED = 5L;

    private static QicSimulation run(Arm arm, int months) {
        ResolvedScenario s = TestScenarios.resolved("sites.count=16");
        QicSimulation sim = new QicSimulation(World.initialise(s.scenario(), new Streams(SEED, 16)),
                s::collaborativeAt, arm, SEED);
        sim.advanceTo(months);
        return sim;
    }

    private static double byHand(Site s, int practices) {
        double sum = 0;
        for (int i = 0; i < s.fidelity.length; i++) {
            if ((practices >>> i & 1) == 1 && s.adopted(i)) {
                sum += s.fidelity[i];
            }
        }
        return sum / Integer.bitCount(practices);
    }

    @Test
    void beforeThePackageAdvisesAnythingTheGuidelineCounts() {
        QicSimulation sim = run(Arm.COLLABORATIVE, 6);
        assertThat(sim.centre == null || sim.centre.changePackage().advised() == 0).isTrue();
        int guideline = sim.landscape.commonOptimum();
        assertThat(guideline).isNotZero();
        assertThat(ProcessIndicator.promoted(sim)).isEqualTo(guideline);
        for (Site s : sim.sites) {
            assertThat(sim.trace.compliance(sim.month, s.index)).isEqualTo(byHand(s, guideline));
        }
    }

    @Test
    void onceThePackageAdvisesItsAdvisedPracticesCount() {
        QicSimulation sim = run(Arm.COLLABORATIVE, 12 + 24);
        int advised = sim.centre.changePackage().advised();
        assertThat(advised).isNotZero();
        assertThat(ProcessIndicator.promoted(sim)).isEqualTo(advised);
        int t = sim.month;
        for (Site s : sim.sites) {
            assertThat(sim.trace.compliance(t, s.index)).isEqualTo(byHand(s, advised));
        }
    }

    @Test
    void theCounterfactualArmCountsTheGuideline() {
        QicSimulation sim = run(Arm.COUNTERFACTUAL, 12 + 24);
        assertThat(ProcessIndicator.promoted(sim)).isEqualTo(sim.landscape.commonOptimum());
    }
}
