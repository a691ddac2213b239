package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.qicsim.scenario.ResolvedScenario;

/**
 * A funded champion post ends with membership (issue 12 item 1; MODEL.md S9, S10): on planted
 * champions of a tiny world, a site that leaves loses the champion the collaborative recruited and keeps
 * one the world gave it, and E0 follows the champion's influence, which fades after a departure at
 * championInfluenceRate a month rather than at once.
 */
class ChampionPostTest {
    private static final long SEED = 5L;

    private static QicSimulation launched() {
        ResolvedScenario s = TestScenarios.resolved("sites.count=12", "collaborative.leadership.fundedChampions=true");
        World world = World.initialise(s.scenario(), new Streams(SEED, s.scenario().sites().count()));
        QicSimulation sim = new QicSimulation(world, s::collaborativeAt, Arm.COLLABORATIVE, SEED);
        sim.advanceTo(s.scenario().startMonth() + 1);
        return sim;
    }

    private static Site member(QicSimulation sim, boolean worldPost, int skip) {
        return Arrays.stream(sim.sites).filter(s -> s.membership.member && s.endowment.championPost() == worldPost)
                .skip(skip).findFirst().orElseThrow();
    }

    /** Plants an established champion: influence equal to c·L, E0 from it. */
    private static void establish(QicSimulation sim, Site s) {
        s.community.championInfluence = s.champion.presence();
        sim.championInfluenceChanged(s);
    }

    private static double e0(QicSimulation sim, Site s, double presence) {
        return Effort.baseline(sim.scenario.behaviour().effort(), s.effectiveCapacity, s.endowment.intrinsic0(), presence);
    }

    @Test
    void aLeaverLosesItsFundedChampionAndKeepsAWorldOne() {
        QicSimulation sim = launched();
        // A world champion (the site's own post, filled by the world).
        Site world = member(sim, true, 0);
        world.champion.appoint(0.6);
        establish(sim, world);
        // A funded champion in a post the collaborative created.
        Site created = member(sim, false, 0);
        created.champion.recruit(0.7);
        establish(sim, created);
        // A funded champion filling the site's own vacant post.
        Site filled = member(sim, true, 1);
        filled.champion.leave(sim.month - 1);
        filled.champion.recruit(0.8);
        establish(sim, filled);
        assertThat(created.drive.effort0).isEqualTo(e0(sim, created, 0.7)).isNotEqualTo(e0(sim, created, 0.0));

        for (Site s : new Site[] {world, created, filled}) {
            Participation.leave(s, sim.month);
            assertThat(s.membership.member).isFalse();
        }
        assertThat(world.champion.filled()).isTrue();
        assertThat(world.champion.presence()).isEqualTo(0.6);
        assertThat(world.drive.effort0).isEqualTo(e0(sim, world, 0.6));

        assertThat(created.champion.filled()).isFalse();
        assertThat(created.champion.hasPost()).as("a post the collaborative created goes").isFalse();
        assertThat(created.champion.presence()).isZero();
        assertThat(created.drive.effort0).as("influence has not faded yet").isEqualTo(e0(sim, created, 0.7));

        assertThat(filled.champion.filled()).isFalse();
        assertThat(filled.champion.hasPost()).as("the site's own post stays, vacant").isTrue();
        assertThat(filled.champion.vacantSince()).isEqualTo(sim.month);
        assertThat(filled.drive.effort0).isEqualTo(e0(sim, filled, 0.8));

        // Next month's world step closes championInfluenceRate of the gap to 0 (no successor within
        // vacancyMonths; the created post has none at all).
        double rate = sim.scenario.behaviour().community().championInfluenceRate();
        int left = sim.month;
        sim.advanceTo(left + 2); // runs month left + 1
        assertThat(sim.month).isEqualTo(left + 1);
        assertThat(created.community.championInfluence).isEqualTo(0.7 + rate * (0.0 - 0.7)).isGreaterThan(0.0);
        assertThat(created.drive.effort0).isEqualTo(e0(sim, created, created.community.championInfluence));
        assertThat(filled.community.championInfluence).isEqualTo(0.8 + rate * (0.0 - 0.8));
        assertThat(filled.drive.effort0).isEqualTo(e0(sim, filled, filled.community.championInfluence));

        // The created post never comes back from the world while the site is out (enrolment is off).
        sim.advanceTo(left + 36);
        assertThat(created.membership.member).isFalse();
        assertThat(created.champion.hasPost()).isFalse();
    }

    @Test
    void aChampionRecruitedAtTheLaunchBuildsInfluenceRatherThanJumping() {
        QicSimulation sim = launched();
        double rate = sim.scenario.behaviour().community().championInfluenceRate();
        assertThat(rate).isStrictlyBetween(0.0, 1.0);
        // Sites without a post of their own that the funding gave a champion in the launch month.
        Site[] recruits = Arrays.stream(sim.sites)
                .filter(s -> !s.endowment.championPost() && s.champion.filled() && s.champion.funded())
                .toArray(Site[]::new);
        assertThat(recruits).isNotEmpty();
        for (Site s : recruits) {
            // One world step since recruitment: Λ = rate·L as recruited (training at the launch meeting,
            // later in the month, may have raised L since; Λ follows it next month).
            double l = s.champion.leadership();
            assertThat(s.community.championInfluence).isPositive().isLessThanOrEqualTo(rate * l);
            assertThat(s.drive.effort0).isEqualTo(e0(sim, s, s.community.championInfluence)).isLessThan(e0(sim, s, l));
        }
    }

    @Test
    void aChampionInPostAtInitialisationIsEstablished() {
        ResolvedScenario s = TestScenarios.resolved("sites.count=12");
        World world = World.initialise(s.scenario(), new Streams(SEED, s.scenario().sites().count()));
        QicSimulation sim = new QicSimulation(world, s::collaborativeAt, Arm.COUNTERFACTUAL, SEED);
        assertThat(Arrays.stream(sim.sites).filter(x -> x.endowment.championPost())).isNotEmpty();
        for (Site site : sim.sites) {
            assertThat(site.community.championInfluence).isEqualTo(site.champion.presence());
            assertThat(site.drive.effort0).isEqualTo(e0(sim, site, site.champion.presence()));
        }
    }

    @Test
    void aWorldSuccessorIsNotFundedAndARecruitIs() {
        Champion c = new Champion(false, 0.0);
        c.recruit(0.5);
        assertThat(c.funded()).isTrue();
        assertThat(c.hasPost()).isTrue();
        c.leave(3);
        c.appoint(0.4);
        assertThat(c.funded()).isFalse();
        assertThat(c.membershipEnded(10)).isFalse();
        assertThat(c.filled()).isTrue();
    }
}
