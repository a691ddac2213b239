package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.qicsim.scenario.Behaviour;
import org.qicsim.scenario.Collaborative;
import org.qicsim.scenario.ResolvedScenario;

/** Hand-computed checks of MODEL.md S2 (gaming), S6 (payments) and S9 (exit), issue 5. */
class IncentiveRulesTest {
    private static final IncentiveDesign.YearRates BASELINE = rates(0.10, 0.12, 0.14, 0.20, Double.NaN);
    private static final IncentiveDesign.YearRates YEAR = rates(0.10, 0.114, 0.09, 0.20, 0.05);

    /** Rates by site; NaN means the site was not measured that year. */
    private static IncentiveDesign.YearRates rates(double... r) {
        boolean[] measured = new boolean[r.length];
        for (int j = 0; j < r.length; j++) {
            measured[j] = !Double.isNaN(r[j]);
        }
        return new IncentiveDesign.YearRates(measured, r);
    }

    private static IncentiveDesign design(String design, String... more) {
        String[] sets = new String[more.length + 1];
        sets[0] = "collaborative.incentives.performance.design=" + design;
        System.arraycopy(more, 0, sets, 1, more.length);
        return IncentiveDesign.of(TestScenarios.defaults(sets).collaborative().incentives().performance());
    }

    @Test
    void eachDesignEnumMapsToItsRule() {
        assertThat(design("none")).isInstanceOf(IncentiveDesign.None.class);
        assertThat(design("threshold")).isInstanceOf(IncentiveDesign.Threshold.class);
        assertThat(design("tournament")).isInstanceOf(IncentiveDesign.Tournament.class);
        assertThat(design("improvement")).isInstanceOf(IncentiveDesign.Improvement.class);
        assertThat(design("hybrid")).isInstanceOf(IncentiveDesign.Hybrid.class);
        assertThat(design("withhold").withholds()).isTrue();
        assertThat(design("threshold").withholds()).isFalse();
    }

    @Test
    void thresholdPaysAtOrBelowTheTargetAndNeverTheUnmeasured() {
        double[] e = design("threshold").earned(YEAR, BASELINE, 0.10);
        // 0.10 is at the target (paid), 0.114 above, 0.09 below, 0.20 above, 0.05 below.
        assertThat(e).containsExactly(1, 0, 1, 0, 1);
        assertThat(design("threshold").earned(rates(0.05, Double.NaN), null, 0.1)).containsExactly(1, 0);
        assertThat(design("none").earned(YEAR, BASELINE, 1.0)).containsOnly(0.0);
    }

    @Test
    void tournamentPaysTheBestShareWithTiesBrokenBySiteIndex() {
        // Five measured sites, topFraction 0.4 → round(2) = 2 winners: 0.05 (site 4) and 0.09 (site 2).
        assertThat(design("tournament", "collaborative.incentives.performance.topFraction=0.4").earned(YEAR, null, 0))
                .containsExactly(0, 0, 1, 0, 1);
        // A tie at the cut-off goes to the lower index.
        IncentiveDesign.YearRates tied = rates(0.1, 0.1, 0.1, 0.3);
        assertThat(design("tournament", "collaborative.incentives.performance.topFraction=0.25").earned(tied, null, 0))
                .containsExactly(1, 0, 0, 0);
        // At least one winner however small the share (max(1, round(share·n))).
        assertThat(design("tournament", "collaborative.incentives.performance.topFraction=0.01").earned(tied, null, 0))
                .containsExactly(1, 0, 0, 0);
    }

    @Test
    void improvementNeedsTheMinimumFallAgainstTheYearBefore() {
        IncentiveDesign improvement = design("improvement", "collaborative.incentives.performance.minImprovement=0.005");
        // 0.10 vs 0.10 no; 0.114 vs 0.12, a fall of 0.006 ≥ 0.005 → paid; 0.09 vs 0.14 yes; 0.20 vs 0.20 no;
        // site 4 has no baseline rate → not paid.
        assertThat(improvement.earned(YEAR, BASELINE, 0)).containsExactly(0, 1, 1, 0, 0);
        assertThat(improvement.earned(YEAR, null, 0)).containsOnly(0.0);
    }

    @Test
    void hybridPaysInFullForAttainmentAndHalfForImprovement() {
        IncentiveDesign hybrid = design("hybrid", "collaborative.incentives.performance.minImprovement=0.005");
        // target 0.10: site 0 attains (1); site 1 improves only (0.5); site 2 both (1); site 3 neither; site 4 attains.
        assertThat(hybrid.earned(YEAR, BASELINE, 0.10)).containsExactly(1, 0.5, 1, 0, 1);
    }

    @Test
    void withholdFeelsLikeALossWhenNothingIsReturned() {
        assertThat(IncentiveProgramme.observedReturn(100, 100, 2)).isEqualTo(1.0);
        assertThat(IncentiveProgramme.observedReturn(0, 100, 2)).isEqualTo(-2.0);
        assertThat(IncentiveProgramme.observedReturn(50, 100, 2)).isEqualTo(0.5 - 2 * 0.5);
    }

    @Test
    void salienceIsTheShareOverTheSalienceShareCappedAtOne() {
        Collaborative.Incentives inc = TestScenarios.defaults("collaborative.incentives.performance.share=0.01")
                .collaborative().incentives();
        assertThat(IncentiveProgramme.salience(inc)).isEqualTo(0.5);
        assertThat(IncentiveProgramme.salience(TestScenarios.defaults("collaborative.incentives.performance.share=0.05")
                .collaborative().incentives())).isEqualTo(1.0);
        assertThat(IncentiveProgramme.salience(TestScenarios.defaults("collaborative.incentives.performance.design=none")
                .collaborative().incentives())).isZero();
    }

    @Test
    void gamingProbabilityAndDetectionFollowTheirFormulas() {
        Behaviour.Gaming g = TestScenarios.defaults().behaviour().gaming();
        // pDetect = 1 − (1 − 0.01·0.5)^(12·40·(0.2 + 0.1·0.13)).
        double exponent = 12 * 40 * (0.2 + 0.1 * 0.13);
        assertThat(GamingDecision.detection(0.01, g, 40, 0.13)).isCloseTo(1 - Math.pow(1 - 0.005, exponent), within(1e-12));
        assertThat(GamingDecision.detection(0.0, g, 40, 0.13)).isZero();
        // σ(−4 + 4·1.5 − 3·0.6 − 2·0.1 − 4·0.3 + 3) for a rational maniac.
        double p = GamingDecision.probability(g, 1.5, 0.6, 0.1, 0.3, GamingType.RATIONAL_MANIAC);
        assertThat(p).isCloseTo(Logistic.sigma(-4 + 6 - 1.8 - 0.2 - 1.2 + 3), within(1e-15));
        assertThat(GamingDecision.probability(g, 1.5, 0.6, 0.1, 0.3, GamingType.SAINT))
                .isCloseTo(Logistic.sigma(-4 + 6 - 1.8 - 0.2 - 1.2 - 5), within(1e-15));
    }

    @Test
    void exitProbabilityFollowsItsFormula() {
        Behaviour.Participation b = TestScenarios.defaults().behaviour().participation();
        // σ(−3 − 2·0.25 − 2·0.6 − 1·0.05 + 1.5·1 + 1·0).
        assertThat(Participation.exitProbability(b, 0.25, 0.6, 0.05, true, false))
                .isCloseTo(Logistic.sigma(-3 - 0.5 - 1.2 - 0.05 + 1.5), within(1e-15));
        assertThat(Participation.exitProbability(b, -1.0, 0.2, 0.0, false, true))
                .isCloseTo(Logistic.sigma(-3 + 2 - 0.4 + 1), within(1e-15));
    }

    @Test
    void paymentsAreTransfersThatCancelInTheSocietalTotal() {
        ResolvedScenario s = TestScenarios.resolved();
        World world = World.initialise(s.scenario(), new Streams(3L, s.scenario().sites().count()));
        QicSimulation sim = new QicSimulation(world, s::collaborativeAt, Arm.COLLABORATIVE, 3L);
        sim.advanceTo(s.scenario().startMonth() + 13);
        double payer = sim.ledger.payer();
        double site = sim.ledger.site();
        double discount = Calendar.discount(sim.month, s.scenario().startMonth(), s.scenario().costs().discountRatePerYear());
        sim.programme.pay(Month.of(sim), sim.sites[0], 1000.0);
        assertThat(sim.ledger.payer() - payer).isCloseTo(1000.0 * discount, within(1e-9));
        assertThat(sim.ledger.site() - site).isCloseTo(-1000.0 * discount, within(1e-9));
        assertThat(sim.ledger.payer() + sim.ledger.site()).isCloseTo(payer + site, within(1e-6));
        // And in a whole run the societal total is payer plus site.
        RunResult r = Run.execute(s.scenario(), s::collaborativeAt, 3L);
        assertThat(r.metric("costTotal")).isCloseTo(r.metric("costPayer") + r.metric("costSite"), within(1e-6));
        assertThat(r.metric("costPayer")).isPositive();
    }

    @Test
    void anAnnouncedDesignStartsExpectationAtItsPriorAndPaymentsMoveItFromThere() {
        // MODEL.md S6 and §10 item 64: X̂ = initialExpectation from the launch, before any payment.
        ResolvedScenario s = TestScenarios.resolved("sites.count=8", "behaviour.motivation.initialExpectation=0.4");
        int start = s.scenario().startMonth();
        QicSimulation sim = new QicSimulation(World.initialise(s.scenario(), new Streams(3L, 8)), s::collaborativeAt,
                Arm.COLLABORATIVE, 3L);
        sim.advanceTo(start);
        assertThat(java.util.Arrays.stream(sim.sites).mapToDouble(x -> x.drive.expectedAttainment)).containsOnly(0.0);
        sim.advanceTo(start + 1);
        assertThat(java.util.Arrays.stream(sim.sites).mapToDouble(x -> x.drive.expectedAttainment)).containsOnly(0.4);
        int lag = s.scenario().collaborative().incentives().performance().lagMonths();
        sim.advanceTo(start + 12 + lag);
        assertThat(java.util.Arrays.stream(sim.sites).mapToDouble(x -> x.drive.expectedAttainment)).containsOnly(0.4);
        sim.advanceTo(start + 12 + lag + 1);
        double rate = s.scenario().behaviour().motivation().expectationRate();
        // After year 1's payment each measured site moved a share expectationRate toward its outcome 0 or 1.
        assertThat(java.util.Arrays.stream(sim.sites).mapToDouble(x -> x.drive.expectedAttainment))
                .allSatisfy(x -> assertThat(x).isIn(0.4 + rate * (0.0 - 0.4), 0.4 + rate * (1.0 - 0.4), 0.4))
                .anySatisfy(x -> assertThat(x).isNotEqualTo(0.4));

        ResolvedScenario none = TestScenarios.resolved("sites.count=8", "behaviour.motivation.initialExpectation=0.4",
                "collaborative.incentives.performance.design=none");
        QicSimulation unpaid = new QicSimulation(World.initialise(none.scenario(), new Streams(3L, 8)),
                none::collaborativeAt, Arm.COLLABORATIVE, 3L);
        unpaid.advanceTo(start + 1);
        assertThat(java.util.Arrays.stream(unpaid.sites).mapToDouble(x -> x.drive.expectedAttainment))
                .containsOnly(0.0);
    }
}
