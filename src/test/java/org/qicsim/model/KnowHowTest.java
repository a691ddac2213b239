package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.qicsim.model.Streams.Stream;
import org.qicsim.scenario.Behaviour;
import org.qicsim.scenario.Collaborative;
import org.qicsim.scenario.ResolvedScenario;

/**
 * Socialisation through package know-how (issue 12 item 1; MODEL.md §6 S10 "Socialisation", S7 act
 * step): a contact closes part of the know-how gap and changes no practice; know-how fades monthly;
 * it changes practice only when an acting site aligns a departing practice with probability K.
 */
class KnowHowTest {
    private static final long SEED = 11L;

    private static QicSimulation at(int monthsAfterLaunch) {
        ResolvedScenario s = TestScenarios.resolved("sites.count=16");
        World world = World.initialise(s.scenario(), new Streams(SEED, s.scenario().sites().count()));
        QicSimulation sim = new QicSimulation(world, s::collaborativeAt, Arm.COLLABORATIVE, SEED);
        sim.advanceTo(s.scenario().startMonth() + 1 + monthsAfterLaunch);
        return sim;
    }

    @Test
    void aContactClosesPartOfTheGapAndChangesNoPractice() {
        QicSimulation sim = at(0);
        Site s = sim.sites[0];
        double gain = visitGain(sim);
        assertThat(gain).isStrictlyBetween(0.0, 1.0);
        s.community.knowHow = 0.4;
        int bundle = s.bundle;
        LocalTest test = s.test;
        Socialisation.contact(sim, Month.of(sim), s, sim.keys.of(Stream.MEETINGS, s.index), 1.0);
        assertThat(s.community.knowHow).isEqualTo(0.4 + gain * (1.0 - 0.4));
        assertThat(s.bundle).isEqualTo(bundle);
        assertThat(s.test).isSameAs(test);
    }

    @Test
    void aMeetingTeachesItsReachOfWhatAVisitTeaches() {
        // Two sites at the same know-how: one gets a visit (reach 1), the other a meeting at reach 0.3.
        QicSimulation sim = at(0);
        double gain = visitGain(sim);
        Site visited = sim.sites[0];
        Site met = sim.sites[1];
        visited.community.knowHow = 0.4;
        met.community.knowHow = 0.4;
        Socialisation.contact(sim, Month.of(sim), visited, sim.keys.of(Stream.MEETINGS, visited.index), 1.0);
        Socialisation.contact(sim, Month.of(sim), met, sim.keys.of(Stream.MEETINGS, met.index), 0.3);
        assertThat(met.community.knowHow - 0.4).isCloseTo(0.3 * (visited.community.knowHow - 0.4), within(1e-15));
        assertThat(met.community.knowHow).isCloseTo(0.4 + gain * 0.3 * (1.0 - 0.4), within(1e-15));
    }

    /** What one visit teaches in {@code sim}: socialisationRate·Qc·(0.5 + 0.5·codification)/(1 + complexityLoad·k). */
    private static double visitGain(QicSimulation sim) {
        Collaborative.Coordination c = sim.collaborative.coordination();
        double complexity = 1.0 + sim.scenario.behaviour().community().complexityLoad()
                * sim.scenario.practices().interactions();
        return c.socialisationRate() * sim.coordinationQuality() * (0.5 + 0.5 * c.codification()) / complexity;
    }

    @Test
    void aComplexPracticeTakesMoreTeaching() {
        // The same contact with practices of k = 3 interaction partners, complexityLoad 0.5: the gain is
        // divided by 1 + 0.5·3 = 2.5; with complexityLoad 0 (the form before) k does not matter.
        ResolvedScenario r = TestScenarios.resolved("sites.count=16", "practices.interactions=3",
                "behaviour.community.complexityLoad=0.5");
        QicSimulation sim = new QicSimulation(World.initialise(r.scenario(), new Streams(SEED, 16)),
                r::collaborativeAt, Arm.COLLABORATIVE, SEED);
        sim.advanceTo(r.scenario().startMonth() + 1);
        Collaborative.Coordination c = sim.collaborative.coordination();
        double gain = c.socialisationRate() * sim.coordinationQuality() * (0.5 + 0.5 * c.codification());
        Site s = sim.sites[2];
        s.community.knowHow = 0.1;
        Socialisation.contact(sim, Month.of(sim), s, sim.keys.of(Stream.MEETINGS, s.index), 1.0);
        assertThat(s.community.knowHow).isCloseTo(0.1 + gain / 2.5 * (1.0 - 0.1), within(1e-15));
        ResolvedScenario flat = TestScenarios.resolved("sites.count=16", "practices.interactions=3",
                "behaviour.community.complexityLoad=0");
        QicSimulation plain = new QicSimulation(World.initialise(flat.scenario(), new Streams(SEED, 16)),
                flat::collaborativeAt, Arm.COLLABORATIVE, SEED);
        plain.advanceTo(flat.scenario().startMonth() + 1);
        Site p = plain.sites[2];
        p.community.knowHow = 0.1;
        Socialisation.contact(plain, Month.of(plain), p, plain.keys.of(Stream.MEETINGS, p.index), 1.0);
        assertThat(p.community.knowHow).isEqualTo(0.1 + gain * (1.0 - 0.1));
    }

    @Test
    void anInteractiveMeetingClosesPartOfTheGapToAVisitAndADidacticOneTeachesItsReach() {
        // Two runs alike but for the meeting format: the same sites attend (attendance draws do not depend
        // on it); each attendee gains meetingReach of a visit's know-how at a didactic meeting, and at an
        // interactive one interactiveGain of the rest as well (MODEL.md S10 Meetings, §10 items 71, 75).
        QicSimulation interactive = atLaunch("collaborative.community.meetingFormat=interactive",
                "behaviour.community.interactiveGain=0.5");
        QicSimulation didactic = atLaunch("collaborative.community.meetingFormat=didactic",
                "behaviour.community.interactiveGain=0.5");
        double reach = didactic.scenario.behaviour().community().meetingReach();
        assertThat(reach).isStrictlyBetween(0.0, 1.0);
        // An interactive meeting closes half the gap between the didactic reach and a visit's.
        double interactiveReach = 1.0 - 0.5 * (1.0 - reach);
        double gain = visitGain(interactive);
        for (QicSimulation sim : new QicSimulation[] {interactive, didactic}) {
            for (Site s : sim.sites) {
                s.community.knowHow = 0.2;
            }
            Meetings.step(sim, Month.of(sim));
        }
        int attended = 0;
        for (int j = 0; j < interactive.sites.length; j++) {
            double i = interactive.sites[j].community.knowHow;
            double d = didactic.sites[j].community.knowHow;
            if (i == 0.2) {
                assertThat(d).as("site %d did not attend in either run", j).isEqualTo(0.2);
                continue;
            }
            attended++;
            assertThat(i).isCloseTo(0.2 + interactiveReach * gain * 0.8, within(1e-15));
            assertThat(d).isCloseTo(0.2 + reach * gain * 0.8, within(1e-15));
        }
        assertThat(attended).isPositive();
    }

    /** The simulation in its launch month (a meeting month), after the month has run. */
    private static QicSimulation atLaunch(String... sets) {
        String[] all = new String[sets.length + 1];
        all[0] = "sites.count=16";
        System.arraycopy(sets, 0, all, 1, sets.length);
        ResolvedScenario r = TestScenarios.resolved(all);
        QicSimulation sim = new QicSimulation(World.initialise(r.scenario(), new Streams(SEED, 16)),
                r::collaborativeAt, Arm.COLLABORATIVE, SEED);
        sim.advanceTo(r.scenario().startMonth() + 1);
        return sim;
    }

    @Test
    void knowHowFadesAtKnowHowDecayEveryMonth() {
        QicSimulation sim = at(0);
        double decay = sim.scenario.behaviour().community().knowHowDecay();
        assertThat(decay).isPositive();
        for (Site s : sim.sites) {
            s.community.knowHow = 0.5;
        }
        Socialisation.fade(sim);
        assertThat(Arrays.stream(sim.sites).mapToDouble(s -> s.community.knowHow)).containsOnly(0.5 * (1.0 - decay));
    }

    @Test
    void anActingSiteAlignsADepartingPracticeWithProbabilityKnowHow() {
        // Two years in, the change package advises on some practices and some member departs from it.
        QicSimulation sim = at(24);
        ChangePackage z = sim.centre.changePackage();
        assertThat(z.isEmpty()).isFalse();
        Site s = Arrays.stream(sim.sites).filter(x -> x.membership.member && z.departures(x.bundle).length > 0)
                .findFirst().orElseThrow();
        int[] departures = z.departures(s.bundle);
        int bundle = s.bundle;
        s.test = null;

        s.community.knowHow = 0.3;
        MonthlyKey keys = sim.keys.of(Stream.LEARNING, s.index).split();
        assertThat(Socialisation.align(sim, Month.of(sim), s, 0.3, keys)).as("uniform not below K").isFalse();
        assertThat(s.bundle).isEqualTo(bundle);
        assertThat(s.test).isNull();

        assertThat(Socialisation.align(sim, Month.of(sim), s, 0.29, keys)).isTrue();
        int flipped = s.bundle ^ bundle;
        assertThat(Integer.bitCount(flipped)).isEqualTo(1);
        int practice = Integer.numberOfTrailingZeros(flipped);
        assertThat(departures).contains(practice);
        assertThat(s.adopted(practice)).isEqualTo(z.advice(practice) == 1);
        assertThat(z.departures(s.bundle)).hasSize(departures.length - 1);
        assertThat(s.test).as("the aligned practice is tested like any change").isNotNull();
        assertThat(s.test.previousBundle).isEqualTo(bundle);
    }

    @Test
    void aSiteThatFollowsThePackageHasNothingToAlign() {
        QicSimulation sim = at(24);
        ChangePackage z = sim.centre.changePackage();
        Site s = sim.sites[0];
        // Put the site on the package: adopt every +1 practice, drop every −1.
        for (int i = 0; i < sim.landscape.practices(); i++) {
            if (z.advice(i) != 0 && s.adopted(i) != (z.advice(i) == 1)) {
                s.bundle ^= 1 << i;
            }
        }
        int bundle = s.bundle;
        s.community.knowHow = 1.0;
        assertThat(Socialisation.align(sim, Month.of(sim), s, 0.0, new MonthlyKey().reset(1L))).isFalse();
        assertThat(s.bundle).isEqualTo(bundle);
    }

    @Test
    void knowHowAddsActsThatClosePartOfTheGapToOneAndNeedEffort() {
        Behaviour.Community c = TestScenarios.resolved("behaviour.community.knowHowAction=3").scenario().behaviour()
                .community();
        // Without know-how (or with knowHowAction 0) the chance is the site's own velocity·E, exactly.
        assertThat(Socialisation.actChance(0.2, 0.0, c)).isEqualTo(0.2);
        Behaviour.Community none = TestScenarios.resolved("behaviour.community.knowHowAction=0").scenario().behaviour()
                .community();
        assertThat(none.knowHowAction()).isZero();
        assertThat(Socialisation.actChance(0.2, 1.0, none)).isEqualTo(0.2);
        // 1 − (1 − v)^(1 + 3K): v = 0.2, K = 0.5 gives 1 − 0.8^2.5.
        assertThat(Socialisation.actChance(0.2, 0.5, c)).isCloseTo(1.0 - Math.pow(0.8, 2.5), within(1e-15));
        // It needs effort (v = 0 stays 0), stays a probability, and grows with K.
        assertThat(Socialisation.actChance(0.0, 1.0, c)).isZero();
        assertThat(Socialisation.actChance(1.0, 1.0, c)).isEqualTo(1.0);
        double previous = 0.2;
        for (double k = 0.1; k <= 1.0; k += 0.1) {
            double p = Socialisation.actChance(0.2, k, c);
            assertThat(p).isGreaterThan(previous).isLessThan(1.0);
            previous = p;
        }
    }

    @Test
    void knowHowRaisesTheFidelityDriveOfAdvisedPracticesOnly() {
        Behaviour.Learning b = TestScenarios.resolved("sites.count=4").scenario().behaviour().learning();
        Fidelity fidelity = new Fidelity(b);
        double[] plain = {0.3, 0.3, 0.3};
        double[] known = plain.clone();
        int bundle = 0b111;
        fidelity.month(bundle, plain, new Routine(3), 0.4, 0.2, i -> false);
        // Practice 1 is advised by the package; know-how adds 0.5 to its leadership term.
        fidelity.month(bundle, known, new Routine(3), 0.4, 0.2, i -> false, 0b010, 0.5);
        assertThat(known[0]).isEqualTo(plain[0]);
        assertThat(known[2]).isEqualTo(plain[2]);
        assertThat(known[1]).isGreaterThan(plain[1]);
        double[] asChampion = {0.3, 0.3, 0.3};
        fidelity.month(bundle, asChampion, new Routine(3), 0.4, 0.7, i -> false);
        assertThat(known[1]).as("as a champion's influence of Λ + 0.5").isEqualTo(asChampion[1]);
    }

    @Test
    void aMembersChampionTeachesThePackageInProportionToItsInfluence() {
        ResolvedScenario r = TestScenarios.resolved("sites.count=16", "behaviour.community.championTeaching=0.4",
                "collaborative.leadership.fundedChampions=false");
        World world = World.initialise(r.scenario(), new Streams(SEED, 16));
        QicSimulation sim = new QicSimulation(world, r::collaborativeAt, Arm.COLLABORATIVE, SEED);
        sim.advanceTo(r.scenario().startMonth() + 3);
        Site taught = Arrays.stream(sim.sites)
                .filter(x -> x.membership.member && x.champion.filled() && x.community.championInfluence > 0)
                .findFirst().orElseThrow();
        Site alone = Arrays.stream(sim.sites).filter(x -> x.membership.member && !x.champion.filled())
                .findFirst().orElseThrow();
        taught.community.knowHow = 0.2;
        alone.community.knowHow = 0.2;
        Socialisation.championTeaching(sim, Month.of(sim));
        assertThat(taught.community.knowHow).isEqualTo(0.2 + 0.4 * taught.community.championInfluence * (1.0 - 0.2));
        assertThat(alone.community.knowHow).isEqualTo(0.2);
        // With championTeaching 0 no champion teaches.
        ResolvedScenario off = TestScenarios.resolved("sites.count=16", "behaviour.community.championTeaching=0");
        QicSimulation plain = new QicSimulation(World.initialise(off.scenario(), new Streams(SEED, 16)),
                off::collaborativeAt, Arm.COLLABORATIVE, SEED);
        plain.advanceTo(off.scenario().startMonth() + 3);
        Site s = Arrays.stream(plain.sites).filter(x -> x.membership.member && x.champion.filled())
                .findFirst().orElseThrow();
        s.community.knowHow = 0.2;
        Socialisation.championTeaching(plain, Month.of(plain));
        assertThat(s.community.knowHow).isEqualTo(0.2);
    }

    @Test
    void aChampionTheCollaborativeNeitherFundsNorTrainsTeachesNothing() {
        // Feedback alone: the site's own opinion leader is in post and influential, but nobody enlisted it.
        ResolvedScenario r = TestScenarios.resolved("sites.count=16", "behaviour.community.championTeaching=0.4",
                "collaborative.leadership.fundedChampions=false", "collaborative.leadership.training=false");
        QicSimulation sim = new QicSimulation(World.initialise(r.scenario(), new Streams(SEED, 16)),
                r::collaborativeAt, Arm.COLLABORATIVE, SEED);
        sim.advanceTo(r.scenario().startMonth() + 3);
        Site s = Arrays.stream(sim.sites)
                .filter(x -> x.membership.member && x.champion.filled() && x.community.championInfluence > 0)
                .findFirst().orElseThrow();
        s.community.knowHow = 0.2;
        Socialisation.championTeaching(sim, Month.of(sim));
        assertThat(s.community.knowHow).isEqualTo(0.2);
        // Funding the posts enlists the same champion: it teaches.
        ResolvedScenario funded = TestScenarios.resolved("sites.count=16", "behaviour.community.championTeaching=0.4",
                "collaborative.leadership.fundedChampions=true", "collaborative.leadership.training=false");
        QicSimulation enlisted = new QicSimulation(World.initialise(funded.scenario(), new Streams(SEED, 16)),
                funded::collaborativeAt, Arm.COLLABORATIVE, SEED);
        enlisted.advanceTo(funded.scenario().startMonth() + 3);
        Site e = enlisted.sites[s.index];
        assertThat(e.champion.filled()).isTrue();
        e.community.knowHow = 0.2;
        Socialisation.championTeaching(enlisted, Month.of(enlisted));
        assertThat(e.community.knowHow).isEqualTo(0.2 + 0.4 * e.community.championInfluence * (1.0 - 0.2));
        assertThat(e.community.championInfluence).isPositive();
    }
}
