package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.qicsim.scenario.Behaviour;
import org.qicsim.scenario.ResolvedScenario;

/** The remaining S10 rules of MODEL.md (issue 6): ties, the norm and its guard, regional meetings, recruitment. */
class CommunityRulesTest {
    private static final long SEED = 11L;
    private final Behaviour.Community b = TestScenarios.defaults().behaviour().community();

    private static QicSimulation simulation(String... sets) {
        ResolvedScenario s = TestScenarios.resolved(sets);
        World world = World.initialise(s.scenario(), new Streams(SEED, s.scenario().sites().count()));
        return new QicSimulation(world, s::collaborativeAt, Arm.COLLABORATIVE, SEED);
    }

    @Test
    void tiesStrengthenSymmetricallyAndScale() {
        Ties ties = new Ties(3);
        ties.strengthen(0, 1, 0.1);
        assertThat(ties.weight(0, 1)).isEqualTo(0.1).isEqualTo(ties.weight(1, 0));
        ties.strengthen(1, 0, 0.5);
        // w += 0.5·(1 − 0.1) = 0.55.
        assertThat(ties.weight(0, 1)).isCloseTo(0.55, within(1e-15));
        ties.strengthen(2, 2, 0.5);
        assertThat(ties.weight(2, 2)).isZero();
        ties.scale(0, 0.5);
        assertThat(ties.weight(1, 0)).isCloseTo(0.275, within(1e-15));
        // community_0 = (0.275 + 0)/(J − 1); density = mean over the three pairs.
        assertThat(ties.community(0)).isCloseTo(0.1375, within(1e-15));
        assertThat(ties.density()).isCloseTo(0.275 / 3, within(1e-15));
    }

    @Test
    void tiesDecayOnlyBetweenMembersAndALeaversTiesFreeze() {
        QicSimulation sim = simulation();
        sim.advanceTo(sim.scenario.startMonth() + 1);
        Site a = sim.sites[0];
        Site c = sim.sites[1];
        Site d = sim.sites[2];
        sim.ties.strengthen(a.index, c.index, 0.5);
        sim.ties.strengthen(a.index, d.index, 0.5);
        double ac = sim.ties.weight(a.index, c.index);
        double ad = sim.ties.weight(a.index, d.index);
        a.membership.member = true;
        c.membership.member = true;
        d.membership.member = false;
        sim.ties.decay(sim);
        assertThat(sim.ties.weight(a.index, c.index)).isCloseTo(ac * b.tieDecay(), within(1e-15));
        assertThat(sim.ties.weight(a.index, d.index)).isEqualTo(ad);
    }

    @Test
    void theNormIsZeroUntilPeersChangeEffortAndGuardedWithoutTies() {
        QicSimulation sim = simulation();
        sim.advanceTo(sim.scenario.startMonth() + 1);
        Site[] sites = sim.sites;
        for (Site s : sites) {
            s.membership.member = false;
        }
        Site j = sites[0];
        Site k = sites[1];
        Site l = sites[2];
        j.membership.member = true;
        k.membership.member = true;
        l.membership.member = true;
        Ties ties = new Ties(sites.length);
        // No ties at all: below the guard, the norm is 0 whatever peers do.
        k.drive.effortDeviation = 0.3;
        assertThat(ties.norm(sites, 0, b)).isZero();
        ties.strengthen(0, 1, 0.4);
        ties.strengthen(0, 2, 0.2);
        l.drive.effortDeviation = 0.0;
        // m_0 = (0.4·0.3 + 0.2·0)/(0.6) = 0.2; community_0 = 0.6/(J − 1); Norm = normScale·community·m.
        double community = 0.6 / (sites.length - 1);
        assertThat(ties.norm(sites, 0, b)).isCloseTo(b.normScale() * community * 0.2, within(1e-12));
        // A non-member peer does not count toward m_j.
        k.membership.member = false;
        assertThat(ties.norm(sites, 0, b)).isZero();
    }

    @Test
    void regionalMeetingsTieOnlyWithinARegionUntilThePlenary() {
        QicSimulation sim = simulation("collaborative.community.regionalGroups=4",
                "collaborative.community.crossGroupShare=0.34", "collaborative.community.siteVisitsPerYear=0",
                "collaborative.community.meetingsPerYear=3");
        int start = sim.scenario.startMonth();
        // Meeting 0 (month start) and 1 (start + 4) are regional; meeting 2 (start + 8) is a plenary.
        sim.advanceTo(start + 8);
        assertThat(crossRegionTies(sim)).isZero();
        assertThat(withinRegionTies(sim)).isPositive();
        sim.advanceTo(start + 9);
        assertThat(crossRegionTies(sim)).isPositive();
    }

    private static int crossRegionTies(QicSimulation sim) {
        int n = 0;
        for (Site a : sim.sites) {
            for (Site c : sim.sites) {
                if (a.index < c.index && sim.region(a) != sim.region(c) && sim.ties.weight(a.index, c.index) > 0) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int withinRegionTies(QicSimulation sim) {
        int n = 0;
        for (Site a : sim.sites) {
            for (Site c : sim.sites) {
                if (a.index < c.index && sim.region(a) == sim.region(c) && sim.ties.weight(a.index, c.index) > 0) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void fundedChampionsAreRecruitedAtTheLaunchAndAfterVacancies() {
        QicSimulation sim = simulation("collaborative.leadership.championProbability=1");
        int start = sim.scenario.startMonth();
        sim.advanceTo(start);
        long before = java.util.Arrays.stream(sim.sites).filter(s -> s.champion.filled()).count();
        sim.advanceTo(start + 1);
        // With championProbability 1 every member without a champion recruits one at the launch.
        for (Site s : sim.sites) {
            if (s.membership.member) {
                assertThat(s.champion.filled()).as("site %d", s.index).isTrue();
            }
        }
        assertThat(java.util.Arrays.stream(sim.sites).filter(s -> s.champion.filled()).count()).isGreaterThan(before);
        // Recruitment falls due every vacancyMonths after a vacancy (or the launch), not in between.
        Champion vacant = new Champion(true, 0.5);
        vacant.leave(start + 2);
        int v = sim.scenario.behaviour().community().vacancyMonths();
        sim.month = start + 2 + v;
        assertThat(Champions.recruitmentDue(Month.of(sim), vacant, v)).isTrue();
        sim.month = start + 3 + v;
        assertThat(Champions.recruitmentDue(Month.of(sim), vacant, v)).isFalse();
        sim.month = start + 2 + 2 * v;
        assertThat(Champions.recruitmentDue(Month.of(sim), vacant, v)).isTrue();
        Champion never = new Champion(false, 0.5);
        sim.month = start + v;
        assertThat(Champions.recruitmentDue(Month.of(sim), never, v)).isTrue();
    }

    @Test
    void trainingRaisesLeadershipTowardOne() {
        Champion c = new Champion(true, 0.4);
        c.train(b.trainingGain());
        assertThat(c.leadership()).isCloseTo(0.4 + b.trainingGain() * 0.6, within(1e-15));
        assertThat(c.presence()).isEqualTo(c.leadership());
        c.leave(20);
        assertThat(c.presence()).isZero();
    }
}
