package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.qicsim.scenario.ResolvedScenario;

/**
 * S7 action plans (docs/MODEL.md §6 S7 step 2, §10 item 80; {@link ActionPlan}): under a process
 * indicator, a learning member with an action plan whose report named a missed practice spends an own
 * act, with probability planFollowThrough·Qc, adopting one counted practice it does not do; never
 * under an outcome indicator, without action planning, or when the response in force is not learn.
 */
class ActionPlanTest {
    private static final long SEED = 17L;

    private static QicSimulation twoYearsIn(String... sets) {
        String[] all = Arrays.copyOf(new String[] {"sites.count=16", "collaborative.measurement.declaredPractices=evidence",
            "collaborative.coordination.actionPlanning=true"}, 3 + sets.length);
        System.arraycopy(sets, 0, all, 3, sets.length);
        ResolvedScenario r = TestScenarios.resolved(all);
        QicSimulation sim = new QicSimulation(World.initialise(r.scenario(), new Streams(SEED, r.scenario().sites().count())),
                r::collaborativeAt, Arm.COLLABORATIVE, SEED);
        sim.advanceTo(r.scenario().startMonth() + 1 + 24);
        return sim;
    }

    /** A member that misses a counted practice, set to learn from a report that named it. */
    private static Site learningSiteMissingACountedPractice(QicSimulation sim) {
        Site s = CountedPractices.memberMissingOne(sim);
        s.feedback.response = Response.LEARN;
        if (sim.processRecords != null) {
            sim.processRecords.namesMissed[s.index] = true;
        }
        return s;
    }

    @Test
    void aPlanAdoptsOneNamedMissedPracticeWithProbabilityFollowThroughTimesQc() {
        QicSimulation sim = twoYearsIn("collaborative.measurement.indicator=process",
                "behaviour.feedback.planFollowThrough=0.5");
        Site s = learningSiteMissingACountedPractice(sim);
        CountedPractices.assertAdoptsOneMissingBelow(ActionPlan::adopts, sim, s, 0.5 * sim.coordinationQuality());
    }

    @Test
    void noPlanActsUnderAnOutcomeIndicatorWithoutPlanningOrWithoutALearnResponse() {
        QicSimulation outcome = twoYearsIn("collaborative.measurement.indicator=outcome");
        Site a = learningSiteMissingACountedPractice(outcome);
        int before = a.bundle;
        assertThat(ActionPlan.adopts(outcome, Month.of(outcome), a, 0.0, new MonthlyKey().reset(1L))).isFalse();
        assertThat(a.bundle).isEqualTo(before);

        QicSimulation unplanned = twoYearsIn("collaborative.measurement.indicator=process",
                "collaborative.coordination.actionPlanning=false");
        Site b = learningSiteMissingACountedPractice(unplanned);
        assertThat(ActionPlan.adopts(unplanned, Month.of(unplanned), b, 0.0, new MonthlyKey().reset(1L))).isFalse();

        QicSimulation rejecting = twoYearsIn("collaborative.measurement.indicator=process");
        Site c = learningSiteMissingACountedPractice(rejecting);
        c.feedback.response = Response.REJECT;
        assertThat(ActionPlan.adopts(rejecting, Month.of(rejecting), c, 0.0, new MonthlyKey().reset(1L))).isFalse();
        c.feedback.response = Response.LEARN;
        rejecting.processRecords.namesMissed[c.index] = false;
        assertThat(ActionPlan.adopts(rejecting, Month.of(rejecting), c, 0.0, new MonthlyKey().reset(1L)))
                .as("a report that named no missed practice gives the plan nothing to do").isFalse();
    }

    @Test
    void aPlannedCollaborativeOnAProcessIndicatorKeepsMoreOfItsCountedPracticesInUse() {
        // Planted effect over whole runs, common random numbers (the plan's uniform is drawn in both
        // designs). The change package is kept empty (codeLearningRate 0), so the counted practices are
        // the guideline's throughout: with a package learnt from each design's own contrasts the
        // counted set differs between the designs and dilutes the comparison (a first version of this
        // test, with the package, had its interval's lower end at -0.004). Criterion written before
        // the run: over seeds 1-20, the paired difference (follow-through 1 minus 0) in the mean share
        // of counted practices in use, averaged over sites and the 36 months after the launch, has a
        // 95% t-interval above 0.
        int seeds = 20;
        double[] d = new double[seeds];
        for (int k = 0; k < seeds; k++) {
            d[k] = countedShareInUse(k + 1, 1.0) - countedShareInUse(k + 1, 0.0);
        }
        assertThat(CountedPractices.lowerBound20(d)).isPositive();
    }

    private static double countedShareInUse(long seed, double followThrough) {
        ResolvedScenario r = TestScenarios.resolved("sites.count=16", "collaborative.measurement.declaredPractices=evidence",
                "collaborative.coordination.actionPlanning=true", "collaborative.measurement.indicator=process",
                "collaborative.coordination.codeLearningRate=0", "behaviour.feedback.planFollowThrough=" + followThrough);
        QicSimulation sim = new QicSimulation(World.initialise(r.scenario(), new Streams(seed, r.scenario().sites().count())),
                r::collaborativeAt, Arm.COLLABORATIVE, seed);
        return CountedPractices.meanShareInUse(sim, 36);
    }
}
