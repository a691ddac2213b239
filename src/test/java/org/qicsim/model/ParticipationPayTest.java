package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qicsim.scenario.ResolvedScenario;

/**
 * Participation pay for a completed year (issue 12 item 1; MODEL.md S6): {@code participation.annual}
 * is paid at the end of each collaborative year to every site that was a member throughout it and met
 * the attendance condition, including a site that leaves at that year's exit decision, and to no site
 * that left during the year. Planted on a tiny world with no performance pay, so a site's payments are
 * its participation pay alone.
 */
class ParticipationPayTest {
    private static final long SEED = 9L;
    private static final double ANNUAL = 30000.0;

    private static QicSimulation simulation(String... more) {
        String[] sets = new String[more.length + 4];
        sets[0] = "sites.count=10";
        sets[1] = "collaborative.incentives.performance.design=none";
        sets[2] = "collaborative.incentives.participation.annual=" + ANNUAL;
        sets[3] = "collaborative.incentives.participation.minAttendance=0";
        System.arraycopy(more, 0, sets, 4, more.length);
        ResolvedScenario s = TestScenarios.resolved(sets);
        World world = World.initialise(s.scenario(), new Streams(SEED, s.scenario().sites().count()));
        QicSimulation sim = new QicSimulation(world, s::collaborativeAt, Arm.COLLABORATIVE, SEED);
        sim.advanceTo(s.scenario().startMonth() + 1);
        return sim;
    }

    private static Site[] members(QicSimulation sim) {
        return java.util.Arrays.stream(sim.sites).filter(s -> s.membership.member).toArray(Site[]::new);
    }

    @Test
    void aSiteThatLeavesMidYearIsNotPaidForThatYearAndAStayerIs() {
        QicSimulation sim = simulation("collaborative.participationMandatory=true");
        Site[] members = members(sim);
        assertThat(members.length).isGreaterThanOrEqualTo(2);
        Site leaver = members[0];
        Site stayer = members[1];
        sim.advanceTo(sim.launchMonth + 6);
        Participation.leave(leaver, sim.month);
        // Through the last month of year 1 (its payment and exit decision) and into year 2.
        sim.advanceTo(sim.launchMonth + 13);
        assertThat(stayer.accounts.payments[1]).isEqualTo(ANNUAL);
        assertThat(leaver.accounts.payments[1]).isZero();
        assertThat(leaver.paymentsTotal).isZero();
        // Paid in the year's last month, in that year's accounts (in arrears, not at the anniversary).
        assertThat(stayer.accounts.payments[2]).isZero();
    }

    @Test
    void aSiteThatLeavesAtTheYearEndIsPaidForTheYearItCompleted() {
        // Every member leaves at the first year-end decision: exit probability at least σ(20) ≈ 1 − 2e−9.
        QicSimulation sim = simulation("behaviour.participation.intercept=20", "behaviour.participation.value=0",
                "behaviour.participation.trust=0", "behaviour.participation.community=0");
        Site[] members = members(sim);
        sim.advanceTo(sim.launchMonth + 13);
        for (Site s : members) {
            assertThat(s.membership.member).isFalse();
            assertThat(s.membership.leftMonth).isEqualTo(sim.launchMonth + 11);
            assertThat(s.accounts.payments[1]).as("site %d", s.index).isEqualTo(ANNUAL);
        }
    }

    @Test
    void theAttendanceConditionCoversTheWholeYear() {
        // With minAttendance 1 only sites that attended every meeting held in year 1 are paid.
        QicSimulation sim = simulation("collaborative.participationMandatory=true",
                "collaborative.incentives.participation.minAttendance=1");
        sim.advanceTo(sim.launchMonth + 12);
        int paid = 0;
        for (Site s : members(sim)) {
            boolean all = s.accounts.attended[1] == s.accounts.held[1];
            assertThat(s.accounts.payments[1]).as("site %d", s.index).isEqualTo(all ? ANNUAL : 0.0);
            paid += all ? 1 : 0;
            assertThat(s.accounts.held[1]).isPositive();
        }
        assertThat(paid).isLessThan(members(sim).length);
    }
}
