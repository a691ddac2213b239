package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qicsim.scenario.Behaviour;
import org.qicsim.scenario.Collaborative;
import org.qicsim.scenario.ResolvedScenario;

/** The rules of MODEL.md S5, S7 and S7c on constructed states (issue 4's unit tests). */
class LearningRulesTest {
    private static final long SEED = 77L;

    /** Five measured-better sites (rates 0.05) and five others (0.15). */
    private static final int[] MEASURED = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    private static final double[] RATES = {0.05, 0.05, 0.05, 0.05, 0.05, 0.15, 0.15, 0.15, 0.15, 0.15};

    private static Collaborative.Coordination coordination() {
        return TestScenarios.defaults().collaborative().coordination();
    }

    @Test
    void aFortyPercentBaseRateInBothGroupsDoesNotMoveTheChangePackage() {
        // Practice 0 adopted by 2 of 5 in each group (40% everywhere): d_0 = 0.
        int[] bundles = {1, 1, 0, 0, 0, 1, 1, 0, 0, 0};
        ChangePackage z = new ChangePackage(3);
        for (int cycle = 0; cycle < 50; cycle++) {
            z.update(bundles, MEASURED, RATES, coordination(), new SplittableRandom(cycle));
        }
        assertThat(z.isEmpty()).isTrue();
        assertThat(ChangePackage.contrast(MEASURED, bundles, RATES, 3)).containsExactly(0.0, 0.0, 0.0);
    }

    @Test
    void aStrongContrastMovesTheAdviceWithTheStatedProbability() {
        // Practice 1 in every better site and no other (d = +1); practice 2 only in the others (d = −1).
        int[] bundles = new int[10];
        for (int j = 0; j < 5; j++) {
            bundles[j] = 0b010;
        }
        for (int j = 5; j < 10; j++) {
            bundles[j] = 0b100;
        }
        double[] d = ChangePackage.contrast(MEASURED, bundles, RATES, 3);
        assertThat(d).containsExactly(0.0, 1.0, -1.0);
        // k = round(|d|·|S|) = 5, so P(move) = 1 − (1 − 0.3)^5; practice i uses the i-th uniform.
        double p = 1 - Math.pow(0.7, 5);
        for (long seed = 0; seed < 40; seed++) {
            SplittableRandom expected = new SplittableRandom(seed);
            expected.nextDouble(); // practice 0's uniform, drawn although it does not qualify
            double u1 = expected.nextDouble();
            double u2 = expected.nextDouble();
            ChangePackage z = new ChangePackage(3);
            z.update(bundles, MEASURED, RATES, coordination(), new SplittableRandom(seed));
            assertThat(z.advice(0)).isZero();
            assertThat(z.advice(1)).isEqualTo(u1 < p ? 1 : 0);
            assertThat(z.advice(2)).isEqualTo(u2 < p ? -1 : 0);
        }
        // Agreement and departures follow the advice.
        ChangePackage z = new ChangePackage(3);
        for (int cycle = 0; cycle < 200 && (z.advice(1) == 0 || z.advice(2) == 0); cycle++) {
            z.update(bundles, MEASURED, RATES, coordination(), new SplittableRandom(1000 + cycle));
        }
        assertThat(z.agreement(0b010)).isEqualTo(2);
        assertThat(z.agreement(0b100)).isEqualTo(-2);
        assertThat(z.departures(0b001)).containsExactly(1);
    }

    /** A simulation advanced to just after the launch, for inspecting and setting state. */
    private static QicSimulation launched(String... sets) {
        ResolvedScenario s = TestScenarios.resolved(sets);
        World world = World.initialise(s.scenario(), new Streams(SEED, s.scenario().sites().count()));
        QicSimulation sim = new QicSimulation(world, s::collaborativeAt, Arm.COLLABORATIVE, SEED);
        sim.advanceTo(s.scenario().startMonth() + 1);
        return sim;
    }

    @Test
    void unblindedSitesSeeEveryCurrentDeviantButThemselves() {
        QicSimulation sim = launched("collaborative.feedback.visibility=unblinded");
        int[] pds = sim.centre.deviants();
        assertThat(pds).isNotEmpty();
        Site pd = sim.sites[pds[0]];
        assertThat(Visibility.visiblePds(sim, Month.of(sim), pd)).doesNotContain(pd.index).hasSize(pds.length - 1);
        Site other = java.util.Arrays.stream(sim.sites).filter(s -> !java.util.Arrays.stream(pds).anyMatch(p -> p == s.index))
                .findFirst().orElseThrow();
        assertThat(Visibility.visiblePds(sim, Month.of(sim), other)).containsExactly(pds);
    }

    @Test
    void blindedSitesSeeOnlyShowcasesSinceTheLastCycleAndRecentVisits() {
        QicSimulation sim = launched("collaborative.feedback.visibility=blinded", "collaborative.community.siteVisitsPerYear=0");
        Site s = sim.sites[0];
        s.exposure.showcasedSeen.clear();
        s.exposure.visits.clear();
        assertThat(Visibility.visiblePds(sim, Month.of(sim), s)).isEmpty();
        s.exposure.showcasedSeen.set(5);
        s.exposure.visits.add(new int[] {9, sim.month});
        s.exposure.visits.add(new int[] {11, sim.month - sim.scenario.behaviour().learning().visitMemoryMonths()});
        s.exposure.visits.add(new int[] {-1, sim.month});
        // Showcase 5 and the recent visit's PD 9; the visit older than visitMemoryMonths has expired.
        assertThat(Visibility.visiblePds(sim, Month.of(sim), s)).containsExactly(5, 9);
        assertThat(Visibility.visitedWith(sim, Month.of(sim), s, 9)).isTrue();
        assertThat(Visibility.visitedWith(sim, Month.of(sim), s, 11)).isFalse();
        s.exposure.showcasedSeen.set(0);
        assertThat(Visibility.visiblePds(sim, Month.of(sim), s)).doesNotContain(0);
    }

    @Test
    void aLocalTestThatDoesNotLookBetterUndoesTheChangeOnly() {
        QicSimulation sim = launched();
        Site s = sim.sites[3];
        s.test = null;
        int before = s.bundle;
        double[] fidelityBefore = s.fidelity.clone();
        Learning.change(sim, Month.of(sim), s, 0);
        assertThat(s.bundle).isEqualTo(before ^ 1);
        LocalTest test = s.test;
        assertThat(test.changeMonth).isEqualTo(sim.month);
        assertThat(test.monthsLeft).isEqualTo(sim.scenario.behaviour().learning().testMonths());
        // Force a worse result: many events in the test months against none in the baseline.
        assertThat(test.changedPractices).isEqualTo(0b1);
        LocalTest worse = new LocalTest(test.previousBundle, test.previousFidelity, test.changedPractices, 0, 100, 1,
                sim.month);
        s.test = worse;
        // During the test an untouched practice's fidelity moves and another untouched practice is
        // dropped (as abandonment would): the revert undoes the change only, not these.
        s.fidelity[1] = 0.123;
        s.fidelity[0] = 0.777;
        s.bundle ^= 1 << 3;
        Learning.advanceTest(sim, Month.of(sim), s, 0.0, sim.scenario.behaviour().learning());
        assertThat(s.test).isNull();
        assertThat(s.bundle).isEqualTo(before ^ 1 << 3);
        assertThat(s.fidelity[0]).isEqualTo(fidelityBefore[0]);
        assertThat(s.fidelity[1]).isEqualTo(0.123);
        for (int i = 2; i < s.fidelity.length; i++) {
            assertThat(s.fidelity[i]).isEqualTo(fidelityBefore[i]);
        }
        s.bundle ^= 1 << 3;

        // With the revert uniform above revertProbability the change is kept even if not better.
        Learning.change(sim, Month.of(sim), s, 2);
        int changed = s.bundle;
        s.test = new LocalTest(s.test.previousBundle, s.test.previousFidelity, s.test.changedPractices, 0, 100, 1,
                sim.month);
        Learning.advanceTest(sim, Month.of(sim), s, 0.99, sim.scenario.behaviour().learning());
        assertThat(s.bundle).isEqualTo(changed);
    }

    @Test
    void aNewlyAdoptedPracticeStartsAtAShareOfTheSitesOwnEquilibriumFidelity() {
        QicSimulation sim = launched();
        Behaviour.Learning b = sim.scenario.behaviour().learning();
        for (int j : new int[] {3, 4}) {
            Site s = sim.sites[j];
            int practice = s.adopted(0) ? 1 : 0;
            if (s.adopted(practice)) {
                Learning.flip(sim, s, practice);
            }
            Learning.flip(sim, s, practice);
            assertThat(s.adopted(practice)).isTrue();
            // φ* = g/(g + d), g = fidelityGain·E·(1 + fidelityChampion·Λ), written out here (Λ the
            // champion influence built with tenure, S10).
            double g = b.fidelityGain() * s.drive.effort()
                    * (1.0 + b.fidelityChampion() * s.community.championInfluence);
            double equilibrium = g / (g + b.fidelityDecay());
            assertThat(equilibrium).isBetween(0.01, 0.99);
            assertThat(s.fidelity[practice]).isCloseTo(b.newPracticeFidelity() * equilibrium, within(1e-15));
            assertThat(s.routine.heldMonths(practice)).isZero();
            assertThat(s.routine.routinised(practice)).isFalse();
        }
    }

    /**
     * Effort equilibrium (issue 4): with blinded, non-public, funded, neutral feedback and no
     * champions, payments, meetings or visits, and intBase −20 so that no report is processed, every
     * site's E equals its counterfactual E in every month, exactly.
     */
    @Test
    void withoutProcessedReportsEffortStaysExactlyAtItsCounterfactual() {
        ResolvedScenario s = TestScenarios.resolved("collaborative.enabled=true",
                "collaborative.feedback.visibility=blinded", "collaborative.incentives.publicReporting=false",
                "collaborative.coordination.abstractionFunded=true", "collaborative.community.dataUse=neutral",
                "collaborative.leadership.fundedChampions=false", "collaborative.incentives.participation.annual=0",
                "collaborative.incentives.performance.design=none", "collaborative.community.meetingsPerYear=0",
                "collaborative.community.siteVisitsPerYear=0", "behaviour.feedback.intBase=-20");
        for (long seed = 1; seed <= 3; seed++) {
            RunResult r = Run.execute(s.scenario(), s::collaborativeAt, seed);
            assertThat(r.factual().processedReports()).isZero();
            int changed = 0;
            for (int t = 0; t < r.months(); t++) {
                for (int j = 0; j < r.factual().sites(); j++) {
                    assertThat(r.factual().effort(t, j)).as("site %d month %d", j, t)
                            .isEqualTo(r.counterfactual().effort(t, j));
                    if (t > 0 && r.factual().effort(t, j) != r.factual().effort(t - 1, j)) {
                        changed++;
                    }
                }
            }
            // Champion turnover moves E0 in both arms, so the equality is not of constants.
            assertThat(changed).isPositive();
        }
    }

    /**
     * Issue 12 item 1 (MODEL.md S7 step 2): imitation reads D_resp, the gap of the report that set the
     * response in force, not the latest report's gap. Planted: the latest (unprocessed) report's gap is
     * −2 or +3 while the response's gap is 1.5; the probability is σ(imitationGap·1.5 + imitationTrust·T −
     * imitationDistance·h) exactly, whatever the latest report says, and moves with D_resp.
     */
    @Test
    void imitationProbabilityReadsTheGapOfTheReportThatSetTheResponse() {
        QicSimulation sim = launched();
        Site s = sim.sites[2];
        var b = sim.scenario.behaviour().learning();
        s.community.trust = 0.4;
        s.feedback.responseGap = 1.5;
        double expected = Logistic.sigma(b.imitationGap() * 1.5 + b.imitationTrust() * 0.4 - b.imitationDistance() * 0.25);
        s.feedback.report = new Report(7, sim.month, 0.1, 1, false, 0.0, 0.5, 0.1, 0.1, -2.0);
        assertThat(Learning.imitationProbability(s, 0.25, b)).isEqualTo(expected);
        s.feedback.report = new Report(7, sim.month, 0.1, 1, false, 0.0, 0.5, 0.1, 0.1, 3.0);
        assertThat(Learning.imitationProbability(s, 0.25, b)).isEqualTo(expected);
        s.feedback.responseGap = -1.0; // a maintain response: a non-positive gap adds nothing
        assertThat(Learning.imitationProbability(s, 0.25, b))
                .isEqualTo(Logistic.sigma(b.imitationTrust() * 0.4 - b.imitationDistance() * 0.25));
    }

    /**
     * The same rule where learning asks it: over whole runs every imitation question a site's policy
     * is asked carries the probability from that site's D_resp, and in some of them the latest
     * report's gap would have given another probability (so the run exercises the difference).
     */
    @Test
    void learningAsksWithTheResponsesGap() {
        ResolvedScenario rs = TestScenarios.resolved("collaborative.feedback.visibility=unblinded");
        int asked = 0;
        int differs = 0;
        for (long seed = 1; seed <= 2; seed++) {
            World world = World.initialise(rs.scenario(), new Streams(seed, rs.scenario().sites().count()));
            QicSimulation[] holder = new QicSimulation[1];
            int[] counts = new int[2];
            holder[0] = new QicSimulation(world, rs::collaborativeAt, Arm.COLLABORATIVE, seed, j -> new ResponsePolicy() {
                @Override
                public Decision decide(Report report, LeaderView view, ResponsePolicy.Draws draws) {
                    return ResponsePolicy.model().decide(report, view, draws);
                }

                @Override
                public boolean imitate(ImitationChoice choice, double uniform) {
                    Site site = holder[0].sites[j];
                    var b = holder[0].scenario.behaviour().learning();
                    assertThat(choice.probability()).isEqualTo(Learning.imitationProbability(site, choice.distance(), b));
                    counts[0]++;
                    if (Math.max(0.0, site.feedback.report.gap()) != Math.max(0.0, site.feedback.responseGap)) {
                        counts[1]++;
                    }
                    return ResponsePolicy.model().imitate(choice, uniform);
                }
            });
            holder[0].advanceTo(rs.scenario().horizonMonths());
            asked += counts[0];
            differs += counts[1];
        }
        assertThat(asked).isPositive();
        assertThat(differs).as("questions where the latest report's gap differs from D_resp").isPositive();
    }
}
