package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qicsim.scenario.ResolvedScenario;

/**
 * Whom the coordinating centre visits (MODEL.md §6 S10 site visits, §10 items 16 and 77): an outreach
 * programme ({@code everyMember}) visits each member in turn, as often as the yearly count allows.
 */
class SiteVisitsTest {
    private static final long SEED = 5L;

    /**
     * The members visited in each of the first 12 months after the launch, in index order, with 16
     * members held in (participation mandatory) and 32 visits a year under {@code targeting}. Read from
     * each month's {@code lastVisitedMonth}: at most 3 visits a month, so a member visited twice in one
     * month would show once (neither targeting does that with 16 members).
     */
    private static List<List<Integer>> visitedByMonth(String targeting) {
        ResolvedScenario r = TestScenarios.resolved("sites.count=16", "collaborative.participationMandatory=true",
                "collaborative.community.siteVisitsPerYear=32", "collaborative.community.siteVisitTargeting=" + targeting);
        QicSimulation sim = new QicSimulation(World.initialise(r.scenario(), new Streams(SEED, 16)),
                r::collaborativeAt, Arm.COLLABORATIVE, SEED);
        int launch = r.scenario().startMonth();
        List<List<Integer>> months = new ArrayList<>();
        for (int t = launch; t < launch + 12; t++) {
            sim.advanceTo(t + 1);
            List<Integer> visited = new ArrayList<>();
            for (Site s : sim.sites) {
                if (s.exposure.lastVisitedMonth == t) {
                    visited.add(s.index);
                }
            }
            months.add(visited);
        }
        return months;
    }

    private static int[] counts(List<List<Integer>> months) {
        int[] visits = new int[16];
        months.forEach(m -> m.forEach(j -> visits[j]++));
        return visits;
    }

    /**
     * Under {@code everyMember} the 32 visits of the first year visit every member exactly twice, and no
     * member a second time before every member has had its first visit.
     */
    @Test
    void everyMemberVisitsEachMemberInTurn() {
        List<List<Integer>> months = visitedByMonth("everyMember");
        assertThat(counts(months)).containsOnly(2);
        int[] seen = new int[16];
        int once = 0;
        for (List<Integer> month : months) {
            for (int j : month) {
                seen[j]++;
                once += seen[j] == 1 ? 1 : 0;
                assertThat(seen[j] == 1 || once == 16).as("member %d visited again before all had one visit", j).isTrue();
            }
        }
    }

    /**
     * The same collaborative under {@code lowPerformers} cannot visit a member twice within 12 months, so
     * its 32 visits a year reach each of the 16 members once: the targeting rule, not the count, is what
     * {@code everyMember} changes.
     */
    @Test
    void lowPerformersVisitsAMemberAtMostOnceAYear() {
        assertThat(counts(visitedByMonth("lowPerformers"))).containsOnly(1);
    }
}
