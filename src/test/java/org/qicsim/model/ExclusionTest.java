package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qicsim.scenario.ResolvedScenario;

/**
 * Exclusion after a detected gaming acts through the site (issue 12 item 3; MODEL.md §6 S2, S5,
 * §10 item 60): a member still excluded at a feedback cycle forfeits the performance pay of that
 * cycle's collaborative year, and its report at that cycle carries the exclusion as threat. A
 * detection is planted in month launch + 10 (collaborative year 1) with audits off, so nothing else
 * detects; quarterly cycles put the next one at launch + 12, the first month of year 2. Two worlds
 * on the same seed differ only in {@code exclusionCycles}, so everything up to that cycle is the same.
 */
class ExclusionTest {
    private static final long SEED = 5L;

    private static QicSimulation detectedAt(int exclusionCycles) {
        ResolvedScenario s = TestScenarios.resolved("sites.count=10", "collaborative.participationMandatory=true",
                "collaborative.measurement.auditRate=0", "collaborative.feedback.everyMonths=3",
                "behaviour.gaming.exclusionCycles=" + exclusionCycles);
        World world = World.initialise(s.scenario(), new Streams(SEED, s.scenario().sites().count()));
        QicSimulation sim = new QicSimulation(world, s::collaborativeAt, Arm.COLLABORATIVE, SEED);
        sim.advanceTo(s.scenario().startMonth() + 11);
        Site site = firstMember(sim);
        Audit.detect(sim, Month.of(sim), site, s.scenario().behaviour().gaming());
        // Through month launch + 12 (the cycle that opens year 2).
        sim.advanceTo(sim.launchMonth + 13);
        return sim;
    }

    private static Site firstMember(QicSimulation sim) {
        for (Site s : sim.sites) {
            if (s.membership.member) {
                return s;
            }
        }
        throw new AssertionError("no member");
    }

    @Test
    void anExclusionThatReachesTheNextYearForfeitsItsPayAndRaisesTheReportsThreat() {
        QicSimulation excluded = detectedAt(4);
        QicSimulation released = detectedAt(0);
        Site a = firstMember(excluded);
        Site b = firstMember(released);
        assertThat(a.index).isEqualTo(b.index);
        // Both forfeit the year of the detection.
        assertThat(a.accounts.forfeited[1]).isTrue();
        assertThat(b.accounts.forfeited[1]).isTrue();
        // Only the exclusion that covers the cycle at launch + 12 reaches year 2's pay.
        assertThat(a.accounts.forfeited[2]).isTrue();
        assertThat(b.accounts.forfeited[2]).isFalse();
        // The report of that cycle carries the exclusion: threat one higher, the rest the same world.
        assertThat(a.feedback.report.month()).isEqualTo(excluded.launchMonth + 12);
        assertThat(b.feedback.report.month()).isEqualTo(released.launchMonth + 12);
        assertThat(a.feedback.report.threat()).isEqualTo(b.feedback.report.threat() + 1.0);
        // Other members are not excluded and their reports agree across the two worlds.
        for (Site s : excluded.sites) {
            if (s.membership.member && s.index != a.index) {
                assertThat(s.accounts.forfeited[2]).isFalse();
                assertThat(s.feedback.report.threat()).isEqualTo(released.sites[s.index].feedback.report.threat());
            }
        }
    }
}
