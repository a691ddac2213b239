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

    @Test
    void aProcessedReportPutsInForceTheGapTheSiteBelievesCredibilityTimesD() {
        ResolvedScenario r = TestScenarios.resolved("sites.count=8");
        QicSimulation sim = new QicSimulation(World.initialise(r.scenario(), new Streams(SEED, r.scenario().sites().count())),
                r::collaborativeAt, Arm.COLLABORATIVE, SEED);
        sim.advanceTo(r.scenario().startMonth() + 1);
        Site s = sim.sites[0];
        Report doubted = new Report(1, sim.month, 0.2, 0, false, 0.0, 0.25, 0.1, 0.1, 2.0);
        Report believed = new Report(1, sim.month, 0.2, 0, false, 0.0, 1.0, 0.1, 0.1, 2.0);
        assertThat(doubted.believedGap()).isEqualTo(0.5);
        assertThat(believed.believedGap()).isEqualTo(2.0);

        FeedbackResponse.apply(sim, s, doubted, Decision.respond(Response.LEARN));
        assertThat(s.feedback.response).isEqualTo(Response.LEARN);
        assertThat(s.feedback.responseGap).as("a quarter-credible report moves the site a quarter as much").isEqualTo(0.5);
        // An unprocessed report leaves the response in force and its believed gap as they were.
        FeedbackResponse.apply(sim, s, believed, Decision.NOT_PROCESSED);
        assertThat(s.feedback.responseGap).isEqualTo(0.5);
        FeedbackResponse.apply(sim, s, believed, Decision.respond(Response.LEARN));
        assertThat(s.feedback.responseGap).isEqualTo(2.0);
    }

    /**
     * Credibility is a degree of belief: weights that take the weighted sum beyond [0, 1] (a lead weight
     * of 1 with the others at their defaults) never make a site believe more than the whole reported gap,
     * nor its opposite (docs/MODEL.md §10 item 83).
     */
    @Test
    void theBelievedGapNeverExceedsTheReportedGapNorReversesIt() {
        Report over = new Report(1, 30, 0.2, 0, false, 0.0, 1.55, 0.1, 0.1, 2.0);
        Report under = new Report(1, 30, 0.2, 0, false, 0.0, -0.3, 0.1, 0.1, 2.0);
        assertThat(over.believedGap()).isEqualTo(2.0);
        assertThat(under.believedGap()).isEqualTo(0.0);
        double led = credibility("sites.count=8", "collaborative.leadership.clinicianLed=true",
                "collaborative.leadership.clinicalLeadCredibility=1", "behaviour.credibility.lead=1");
        assertThat(led).as("the weighted sum itself is not clipped: it is also a utility term").isGreaterThan(1.0);
    }
}
