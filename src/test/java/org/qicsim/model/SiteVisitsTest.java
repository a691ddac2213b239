package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qicsim.scenario.ResolvedScenario;

/**
 * Whom the coordinating centre visits (MODEL.md §6 S10 site visits, §10 items 16 and 77): an outreach
 * programme ({@code everyMember}) visits each member in turn, as often as the yearly count allows.
 */
class SiteVisitsTest {
    private static final long SEED = 5L;

    /**
     * 16 members, all held in (participation mandatory), 32 visits a year under {@code everyMember}: in the
     * first 12 months after the launch every member is visited exactly twice, and none twice before every
     * member has been visited once. Visits are counted from each month's {@code lastVisitedMonth}; at most
     * 3 visits a month go to 16 members least-recently-visited first, so no member is visited twice in a month.
     */
    @Test
    void everyMemberVisitsEachMemberInTurn() {
        ResolvedScenario r = TestScenarios.resolved("sites.count=16", "collaborative.participationMandatory=true",
                "collaborative.community.siteVisitsPerYear=32", "collaborative.community.siteVisitTargeting=everyMember");
        QicSimulation sim = new QicSimulation(World.initialise(r.scenario(), new Streams(SEED, 16)),
                r::collaborativeAt, Arm.COLLABORATIVE, SEED);
        int launch = r.scenario().startMonth();
        int[] visits = new int[16];
        int visitedOnce = 0;
        boolean secondBeforeAllOnce = false;
        for (int t = launch; t < launch + 12; t++) {
            sim.advanceTo(t + 1);
            for (Site s : sim.sites) {
                if (s.exposure.lastVisitedMonth == t) {
                    visits[s.index]++;
                    if (visits[s.index] == 1) {
                        visitedOnce++;
                    } else if (visitedOnce < 16) {
                        secondBeforeAllOnce = true;
                    }
                }
            }
        }
        assertThat(visits).containsOnly(2);
        assertThat(secondBeforeAllOnce).isFalse();
    }

    /**
     * The same collaborative under {@code lowPerformers} cannot visit a member twice within 12 months, so
     * the 32 visits a year reach each of the 16 members once: the targeting rule, not the count, is what
     * {@code everyMember} changes.
     */
    @Test
    void lowPerformersVisitsAMemberAtMostOnceAYear() {
        ResolvedScenario r = TestScenarios.resolved("sites.count=16", "collaborative.participationMandatory=true",
                "collaborative.community.siteVisitsPerYear=32", "collaborative.community.siteVisitTargeting=lowPerformers");
        QicSimulation sim = new QicSimulation(World.initialise(r.scenario(), new Streams(SEED, 16)),
                r::collaborativeAt, Arm.COLLABORATIVE, SEED);
        int launch = r.scenario().startMonth();
        int[] visits = new int[16];
        for (int t = launch; t < launch + 12; t++) {
            sim.advanceTo(t + 1);
            for (Site s : sim.sites) {
                visits[s.index] += s.exposure.lastVisitedMonth == t ? 1 : 0;
            }
        }
        assertThat(visits).containsOnly(1);
    }
}
