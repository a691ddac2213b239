package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.qicsim.model.Streams.Stream;
import org.qicsim.scenario.ResolvedScenario;

/**
 * Pay on a process indicator focuses acts on what it pays for (docs/MODEL.md §6 S7 step 2, §10 item 82;
 * {@link PaidFocus}): the rule's conditions, and planted effects over whole runs with fixed seeds, each
 * criterion written before its run.
 */
class PaidFocusTest {
    private static final String[] PAY_ON_PROCESS = {"sites.count=16", "collaborative.measurement.declaredPractices=evidence",
        "collaborative.measurement.indicator=process", "collaborative.incentives.performance.design=tournament",
        "collaborative.incentives.performance.share=0.02", "collaborative.incentives.performance.indicator=process",
        "collaborative.coordination.actionPlanning=false"};

    private static QicSimulation simulation(long seed, String... sets) {
        String[] all = Arrays.copyOf(PAY_ON_PROCESS, PAY_ON_PROCESS.length + sets.length);
        System.arraycopy(sets, 0, all, PAY_ON_PROCESS.length, sets.length);
        ResolvedScenario r = TestScenarios.resolved(all);
        return new QicSimulation(World.initialise(r.scenario(), new Streams(seed, r.scenario().sites().count())),
                r::collaborativeAt, Arm.COLLABORATIVE, seed);
    }

    private static QicSimulation twoYearsIn(String... sets) {
        QicSimulation sim = simulation(23L, sets);
        sim.advanceTo(sim.scenario.startMonth() + 1 + 24);
        return sim;
    }

    private static Site memberMissingACountedPractice(QicSimulation sim) {
        int counted = ProcessIndicator.counted(sim, Month.of(sim));
        assertThat(counted).isNotZero();
        Site s = Arrays.stream(sim.sites).filter(x -> x.membership.member && (counted & ~x.bundle) != 0)
                .findFirst().orElseThrow();
        s.test = null;
        return s;
    }

    @Test
    void payOnAProcessIndicatorAdoptsOnePaidMissingPracticeWithProbabilityFocusTimesSalience() {
        QicSimulation sim = twoYearsIn("behaviour.motivation.paidFocus=0.5");
        Site s = memberMissingACountedPractice(sim);
        int counted = ProcessIndicator.counted(sim, Month.of(sim));
        int bundle = s.bundle;
        double chance = 0.5 * IncentiveProgramme.salience(sim.collaborative.incentives());
        assertThat(chance).isPositive();
        MonthlyKey keys = sim.keys.of(Stream.LEARNING, s.index).split();

        assertThat(PaidFocus.adopts(sim, Month.of(sim), s, chance, keys)).as("uniform not below the chance").isFalse();
        assertThat(s.bundle).isEqualTo(bundle);
        assertThat(PaidFocus.adopts(sim, Month.of(sim), s, Math.nextDown(chance), keys)).isTrue();
        int flipped = s.bundle ^ bundle;
        assertThat(Integer.bitCount(flipped)).isEqualTo(1);
        assertThat(flipped & counted & ~bundle).as("the adopted practice is a paid one the site did not do").isEqualTo(flipped);
        assertThat(s.test).isNotNull();
    }

    @Test
    void payOnAnOutcomeIndicatorOrNoPayFocusesNothing() {
        QicSimulation outcome = twoYearsIn("collaborative.incentives.performance.indicator=outcome",
                "behaviour.motivation.paidFocus=1");
        Site a = memberMissingACountedPractice(outcome);
        int before = a.bundle;
        assertThat(PaidFocus.adopts(outcome, Month.of(outcome), a, 0.0, new MonthlyKey().reset(1L))).isFalse();
        assertThat(a.bundle).isEqualTo(before);

        QicSimulation unpaid = twoYearsIn("collaborative.incentives.performance.design=none",
                "behaviour.motivation.paidFocus=1");
        Site b = memberMissingACountedPractice(unpaid);
        assertThat(PaidFocus.adopts(unpaid, Month.of(unpaid), b, 0.0, new MonthlyKey().reset(1L))).isFalse();
    }

    @Test
    void paidFocusRaisesThePaidPracticesInUseAndMostWhereBaselineAdoptionIsLow() {
        // Planted effects over whole runs, common random numbers; the change package is kept empty
        // (codeLearningRate 0) so the paid practices are the guideline's in both designs. Criteria written
        // before the run, over seeds 1-20, 95% t-intervals (19 df): (1) at initial adoption 0.2 the paired
        // gain from paidFocus 1 over 0, in the mean share of paid practices in use over sites and the 36
        // months after the launch, is above 0; (2) that gain at initial adoption 0.2 minus the gain at 0.8
        // is above 0 (the channel closes part of the remaining gap).
        int seeds = 20;
        double[] low = new double[seeds];
        double[] lowMinusHigh = new double[seeds];
        for (int k = 0; k < seeds; k++) {
            long seed = k + 1;
            low[k] = paidShareInUse(seed, 1.0, 0.2) - paidShareInUse(seed, 0.0, 0.2);
            double high = paidShareInUse(seed, 1.0, 0.8) - paidShareInUse(seed, 0.0, 0.8);
            lowMinusHigh[k] = low[k] - high;
        }
        assertThat(lowerBound(low)).isPositive();
        assertThat(lowerBound(lowMinusHigh)).isPositive();
    }

    private static double lowerBound(double[] d) {
        double mean = Arrays.stream(d).average().orElseThrow();
        double sd = StrictMath.sqrt(Arrays.stream(d).map(x -> (x - mean) * (x - mean)).sum() / (d.length - 1));
        return mean - 2.093 * sd / StrictMath.sqrt(d.length);
    }

    private static double paidShareInUse(long seed, double focus, double adoption) {
        QicSimulation sim = simulation(seed, "collaborative.coordination.codeLearningRate=0",
                "practices.initialAdoption=" + adoption, "behaviour.motivation.paidFocus=" + focus);
        double sum = 0;
        int months = 36;
        for (int k = 0; k < months; k++) {
            sim.advanceTo(sim.scenario.startMonth() + 1 + k);
            int counted = ProcessIndicator.counted(sim, Month.of(sim));
            for (Site s : sim.sites) {
                sum += (double) Integer.bitCount(counted & s.bundle) / Integer.bitCount(counted);
            }
        }
        return sum / months / sim.sites.length;
    }
}
