package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.qicsim.scenario.ResolvedScenario;

/**
 * S5 credibility of a report (docs/MODEL.md S5, §10 item 74): the clinical lead's credibility Kcc
 * counts only in a collaborative led by clinicians (Ivers et al. 2012: feedback from a supervisor or
 * respected colleague changes practice more).
 */
class CredibilityTest {
    private static final long SEED = 5L;

    private static double credibility(String... sets) {
        ResolvedScenario r = TestScenarios.resolved(sets);
        QicSimulation sim = new QicSimulation(World.initialise(r.scenario(), new Streams(SEED, r.scenario().sites().count())),
                r::collaborativeAt, Arm.COLLABORATIVE, SEED);
        sim.advanceTo(r.scenario().startMonth() + 1);
        return FeedbackResponse.credibility(sim, sim.collaborative, 0.5);
    }

    @Test
    void theClinicalLeadsCredibilityCountsOnlyWhenClinicianLed() {
        double led = credibility("sites.count=8", "collaborative.leadership.clinicianLed=true",
                "collaborative.leadership.clinicalLeadCredibility=0.8");
        double notLed = credibility("sites.count=8", "collaborative.leadership.clinicianLed=false",
                "collaborative.leadership.clinicalLeadCredibility=0.8");
        double lead = TestScenarios.defaults().behaviour().credibility().lead();
        assertThat(lead).isPositive();
        assertThat(led - notLed).isCloseTo(lead * 0.8, within(1e-12));
        // Without a clinical lead its credibility changes nothing.
        assertThat(credibility("sites.count=8", "collaborative.leadership.clinicianLed=false",
                "collaborative.leadership.clinicalLeadCredibility=0.2")).isEqualTo(notLed);
    }
}
