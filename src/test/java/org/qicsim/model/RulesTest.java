package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qicsim.scenario.Behaviour;

/** Hand-computed checks of the small rules of MODEL.md §6, at the table B defaults. */
class RulesTest {
    private final Behaviour b = TestScenarios.defaults().behaviour();

    @Test
    void logisticIsSymmetricAndStable() {
        assertThat(Logistic.sigma(0)).isEqualTo(0.5);
        assertThat(Logistic.sigma(2) + Logistic.sigma(-2)).isCloseTo(1.0, within(1e-15));
        assertThat(Logistic.sigma(-800)).isZero();
        assertThat(Logistic.sigma(800)).isEqualTo(1.0);
        assertThat(Logistic.logit(Logistic.sigma(1.3))).isCloseTo(1.3, within(1e-12));
    }

    @Test
    void gaussHermiteExpectationMatchesFineNumericalIntegration() {
        double c = -1.7;
        double mean = 0.3;
        double sd = 0.8;
        // Midpoint rule over ±12 SD with 200,000 cells: error far below 1e−10 for this smooth integrand.
        int cells = 200_000;
        double lo = mean - 12 * sd;
        double h = 24 * sd / cells;
        double sum = 0;
        for (int k = 0; k < cells; k++) {
            double r = lo + (k + 0.5) * h;
            double density = Math.exp(-0.5 * Math.pow((r - mean) / sd, 2)) / (sd * Math.sqrt(2 * Math.PI));
            sum += density * Logistic.sigma(c + r) * h;
        }
        assertThat(RiskAverage.expectedRate(c, mean, sd)).isCloseTo(sum, within(1e-10));
    }

    /**
     * The case-mix strata (MODEL.md §6 S1) are the conditional means of equal-probability strata of
     * N(0, s²): for K = 8, s = 0.8 the reference values (computed independently from Φ⁻¹ and φ) to
     * 1e−8, symmetric; and the stratified rate approaches the continuous one as K grows.
     */
    @Test
    void caseMixStrataAreConditionalMeansOfEqualProbabilityStrata() {
        RiskAverage.Table t = new RiskAverage.Table(0.8, 8);
        double[] reference = {-1.31746259, -0.71630747, -0.39307949, -0.12638104};
        for (int k = 0; k < 4; k++) {
            assertThat(t.risk(k)).isCloseTo(reference[k], within(1e-8));
            assertThat(t.risk(7 - k)).isEqualTo(-t.risk(k));
            assertThat(t.factor(k)).isEqualTo(StrictMath.exp(-t.risk(k)));
        }
        assertThat(new RiskAverage.Table(0.8, 1).risk(0)).isZero();
        assertThat(new RiskAverage.Table(0.8, 5).risk(2)).isZero();
        double continuous = RiskAverage.expectedRate(-1.7, 0.0, 0.8);
        double gap8 = Math.abs(t.expectedRate(-1.7) - continuous);
        double gap64 = Math.abs(new RiskAverage.Table(0.8, 64).expectedRate(-1.7) - continuous);
        assertThat(gap64).isLessThan(gap8).isLessThan(2e-3);
    }

    @Test
    void fidelityBurnInReachesTheFixedPointOfTheRule() {
        Fidelity f = new Fidelity(b.learning());
        double[] phi = {0.1, 0.5, 0.9};
        double effort = 0.15;
        double championLeadership = 0.6;
        // Practices 0 and 1 adopted, 2 not; the champion in post supports the adopted ones.
        Routine routine = new Routine(3);
        World.BurnIn burnIn = World.burnIn(f, 0b011, phi, routine, effort, championLeadership, true,
                b.learning().routineMonths());
        // Fixed point: g(1−φ) = dφ with g = fidelityGain·E·(1 + fidelityChampion·c·L) and d = fidelityDecay,
        // d·(1 − routineProtection) for the routinised (adopted, supported) practices.
        double g = b.learning().fidelityGain() * 0.15 * (1 + b.learning().fidelityChampion() * 0.6);
        double d = b.learning().fidelityDecay();
        double dr = d * (1 - b.learning().routineProtection());
        assertThat(g / (g + d)).isGreaterThan(b.learning().abandonFidelity());
        assertThat(burnIn.months()).isGreaterThan(b.learning().routineMonths()).isLessThan(World.BURN_IN_MONTHS);
        assertThat(burnIn.bundle()).isEqualTo(0b011);
        assertThat(routine.routinised(0)).isTrue();
        assertThat(routine.routinised(1)).isTrue();
        assertThat(phi[0]).isCloseTo(g / (g + dr), within(1e-10));
        assertThat(phi[1]).isCloseTo(g / (g + dr), within(1e-10));
        assertThat(phi[2]).isCloseTo(g / (g + d), within(1e-10));
    }

    @Test
    void burnInWithoutSupportLeavesPracticesUnroutinisedAndAbandonsThoseTheSiteCannotHoldUp() {
        Fidelity f = new Fidelity(b.learning());
        double d = b.learning().fidelityDecay();
        // Low effort: φ* = g/(g + d) at half abandonFidelity (g = a·d/(2 − a)), so a practice starting above
        // the threshold falls through it.
        double a = b.learning().abandonFidelity();
        double effort = a * d / ((2.0 - a) * b.learning().fidelityGain());
        double g = b.learning().fidelityGain() * effort;
        assertThat(g / (g + d)).isLessThan(b.learning().abandonFidelity());
        double[] phi = {0.6, 0.05};
        Routine routine = new Routine(2);
        World.BurnIn burnIn = World.burnIn(f, 0b11, phi, routine, effort, 0.0, false, b.learning().routineMonths());
        // Practice 0 crossed the threshold and was dropped; practice 1 rose toward φ* from below, never
        // crossing it, so it is kept (at low fidelity, not routinised: no champion, no package).
        assertThat(burnIn.bundle()).isEqualTo(0b10);
        assertThat(routine.routinised(1)).isFalse();
        assertThat(phi[0]).isCloseTo(g / (g + d), within(1e-10));
        assertThat(phi[1]).isCloseTo(g / (g + d), within(1e-10));
    }

    @Test
    void effortTargetEqualsBaselineBitForBitWithoutCollaborativeTerms() {
        double capacity = 0.4321;
        double intrinsic0 = 0.6789;
        double champion = 0.55;
        double e0 = Effort.baseline(b.effort(), capacity, intrinsic0, champion);
        // E0 = C_eff·σ(intercept + motivationWeight·I0 + championWeight·Λ).
        Behaviour.Effort e = b.effort();
        assertThat(e0).isCloseTo(capacity * Logistic.sigma(e.intercept() + e.motivationWeight() * intrinsic0
                + e.championWeight() * champion), within(1e-15));
        double target = Effort.target(b.effort(), capacity, intrinsic0, champion, 0.0, 0.0, 0.0, 0.0, false);
        assertThat(target).isEqualTo(e0);
        assertThat(Effort.target(b.effort(), capacity, intrinsic0, champion, 0.0, 0.0, 0.0, 0.0, true))
                .isEqualTo(0.5 * e0);
    }

    /**
     * docs/MODEL.md §10 item 84: a clinician-led source multiplies the weight of the gap a learning site
     * believes, gapWeight·(1 + sourceWeight·L)·D, L = Kcc·[clinicianLed]; with no gap in force, or at
     * sourceWeight 0, it changes nothing, bit for bit.
     */
    @Test
    void aClinicianLedSourceWeighsTheBelievedGapMore() {
        double capacity = 0.6;
        double intrinsic = 0.5;
        double gap = 0.12;
        double lead = 0.8;
        Behaviour.Effort none = withSourceWeight(b.effort(), 0.0);
        Behaviour.Effort some = withSourceWeight(b.effort(), 1.5);
        assertThat(Effort.target(none, capacity, intrinsic, 0.0, gap, lead, 0.1, 0.2, false))
                .isEqualTo(Effort.target(none, capacity, intrinsic, 0.0, gap, 0.0, 0.1, 0.2, false));
        assertThat(Effort.target(some, capacity, intrinsic, 0.0, 0.0, lead, 0.1, 0.2, false))
                .isEqualTo(Effort.target(none, capacity, intrinsic, 0.0, 0.0, 0.0, 0.1, 0.2, false));
        Behaviour.Effort e = some;
        double logit = e.intercept() + e.motivationWeight() * intrinsic + e.gapWeight() * (1 + 1.5 * lead) * gap
                - e.burdenWeight() * 0.1 + e.normWeight() * 0.2;
        double led = Effort.target(some, capacity, intrinsic, 0.0, gap, lead, 0.1, 0.2, false);
        assertThat(led).isCloseTo(capacity * Logistic.sigma(logit), within(1e-15))
                .isGreaterThan(Effort.target(some, capacity, intrinsic, 0.0, gap, 0.0, 0.1, 0.2, false))
                .isLessThan(capacity);
    }

    private static Behaviour.Effort withSourceWeight(Behaviour.Effort e, double sourceWeight) {
        return new Behaviour.Effort(e.intercept(), e.motivationWeight(), e.gapWeight(), sourceWeight, e.championWeight(),
                e.burdenWeight(), e.normWeight(), e.riseRate(), e.fallRate(), e.withdrawFactor());
    }

    @Test
    void effortRisesSlowlyAndFallsFast() {
        // Rise at 0.2 of the gap, fall at 0.4.
        assertThat(Effort.nextDeviation(b.effort(), 0.0, 0.1)).isCloseTo(0.02, within(1e-15));
        assertThat(Effort.nextDeviation(b.effort(), 0.1, 0.0)).isCloseTo(0.06, within(1e-15));
        assertThat(Effort.nextDeviation(b.effort(), 0.05, 0.05)).isEqualTo(0.05);
    }

    @Test
    void responseLogitPicksByCumulativeProbability() {
        double[] u = {1.0, 0.0, 0.0, Math.log(2)};
        // Weights e^1, 1, 1, 2 → total e + 4.
        double total = Math.E + 4;
        assertThat(FeedbackResponse.pick(u, 0.0)).isEqualTo(Response.LEARN);
        assertThat(FeedbackResponse.pick(u, Math.E / total - 1e-9)).isEqualTo(Response.LEARN);
        assertThat(FeedbackResponse.pick(u, Math.E / total + 1e-9)).isEqualTo(Response.LOWER);
        assertThat(FeedbackResponse.pick(u, (Math.E + 1.5) / total)).isEqualTo(Response.REJECT);
        assertThat(FeedbackResponse.pick(u, 0.999999)).isEqualTo(Response.WITHDRAW);
    }

    @Test
    void intrinsicMotivationCrowdsInAndOut() {
        // I + crowdIn·S·(1−I) − crowdOut·C·I + reversion·(I0 − I).
        Behaviour.Motivation m = b.motivation();
        double next = Motivation.nextIntrinsic(m, 0.6, 0.7, 0.5, 2.0);
        assertThat(next).isCloseTo(0.6 + m.crowdIn() * 0.5 * 0.4 - m.crowdOut() * 2.0 * 0.6 + m.reversion() * 0.1,
                within(1e-15));
        assertThat(next).isNotEqualTo(0.6);
        assertThat(Motivation.nextIntrinsic(b.motivation(), 0.7, 0.7, 0.0, 0.0)).isEqualTo(0.7);
    }

    @Test
    void safetyAndTrustFollowTheirRules() {
        double s = Safety.next(b.community(), 0.5, 0.4, 0.6, 0.2, 1.0);
        assertThat(s).isCloseTo(0.5 + 0.05 * (0.6 + 0.5 * 0.2) * 0.5 - 0.1 * 1.0 * 0.5 + 0.02 * (0.4 - 0.5),
                within(1e-15));
        // Signal (0.9 + 1 + 1)/3 = 0.9667 above trust 0.5: rises at 0.05.
        assertThat(Trust.next(b.community(), 0.5, 0.9, 1.0, 0.0)).isCloseTo(0.5 + 0.05 * (2.9 / 3 - 0.5), within(1e-15));
        // Signal 0.2 below trust 0.5: falls at 0.2.
        assertThat(Trust.next(b.community(), 0.5, 0.0, 0.0, 0.4)).isCloseTo(0.5 + 0.2 * (0.2 - 0.5), within(1e-15));
    }

    @Test
    void fairnessIsTheShareOfRecentReportsKeepingTheirClass() {
        assertThat(Trust.fairness(List.of(), 4)).isEqualTo(1.0);
        assertThat(Trust.fairness(List.of(1), 4)).isEqualTo(1.0);
        assertThat(Trust.fairness(List.of(1, 1), 4)).isEqualTo(1.0);
        assertThat(Trust.fairness(List.of(1, 0), 4)).isEqualTo(0.0);
        // Last four reports with a predecessor: (0→1) no, (1→1) yes, (1→2) no, (2→2) yes.
        assertThat(Trust.fairness(List.of(2, 2, 0, 1, 1, 2, 2), 4)).isEqualTo(0.5);
    }

    @Test
    void calendarFollowsModelSectionThree() {
        // Three meetings a year from start 12: months 12, 16, 20, then 24, …
        assertThat(Calendar.meeting(12, 12, 3)).isZero();
        assertThat(Calendar.meeting(16, 12, 3)).isEqualTo(1);
        assertThat(Calendar.meeting(20, 12, 3)).isEqualTo(2);
        assertThat(Calendar.meeting(13, 12, 3)).isEqualTo(-1);
        assertThat(Calendar.meeting(24, 12, 3)).isZero();
        // crossGroupShare 0.34 over three meetings: only the third is a plenary.
        assertThat(Calendar.plenary(0, 0.34)).isFalse();
        assertThat(Calendar.plenary(1, 0.34)).isFalse();
        assertThat(Calendar.plenary(2, 0.34)).isTrue();
        assertThat(Calendar.plenary(0, 1.0)).isTrue();
        // 12 visits a year: one a month; 18: alternately 1 and 2.
        assertThat(Calendar.visits(12, 12, 12)).isEqualTo(1);
        assertThat(Calendar.visits(12, 12, 18) + Calendar.visits(13, 12, 18)).isEqualTo(3);
        assertThat(Calendar.performancePayment(30, 12, 6)).isEqualTo(1);
        assertThat(Calendar.performancePayment(24, 12, 0)).isEqualTo(1);
        assertThat(Calendar.performancePayment(18, 12, 6)).isZero();
        assertThat(Calendar.anniversary(24, 12)).isEqualTo(1);
        assertThat(Calendar.yearEnd(23, 12)).isEqualTo(1);
        assertThat(Calendar.feedback(15, 12, 3)).isTrue();
        assertThat(Calendar.feedback(16, 12, 3)).isFalse();
        assertThat(Calendar.discount(24, 12, 0.03)).isCloseTo(1 / 1.03, within(1e-15));
    }

    @Test
    void executionDrawsOneUniformPerPracticeWhateverTheBundle() {
        double[] phi = {0.5, 0.5, 0.5, 0.5};
        SplittableRandom a = new SplittableRandom(3);
        SplittableRandom b2 = new SplittableRandom(3);
        Execution.execute(a, 0b0000, phi, 4);
        Execution.execute(b2, 0b1111, phi, 4);
        assertThat(a.nextLong()).isEqualTo(b2.nextLong());
        SplittableRandom c = new SplittableRandom(5);
        SplittableRandom d = new SplittableRandom(5);
        int executed = Execution.execute(c, 0b1011, phi, 4);
        int expected = 0;
        for (int i = 0; i < 4; i++) {
            if (d.nextDouble() < 0.5 && ((0b1011 >>> i) & 1) == 1) {
                expected |= 1 << i;
            }
        }
        assertThat(executed).isEqualTo(expected);
        assertThat(executed & ~0b1011).isZero();
    }

    @Test
    void abstractionErrorFallsWithCoordinationQuality() {
        // σ_abs = 0.3·(1.5 − 1·Qc): Qc 0.5 → 0.3, Qc 0.78 → 0.216.
        assertThat(Recording.riskError(0.3, 1.5, 1.0, 0.5)).isCloseTo(0.3, within(1e-15));
        assertThat(Recording.riskError(0.3, 1.5, 1.0, 0.78)).isCloseTo(0.216, within(1e-15));
    }

    @Test
    void coordinationQualityFromBudget() {
        var c = TestScenarios.defaults().collaborative().coordination();
        // 1 − e^(−30000/20000) = 0.7769.
        assertThat(Coordination.quality(c, b.coordination())).isCloseTo(1 - Math.exp(-1.5), within(1e-15));
    }

    @Test
    void localTestKeepsOnlyAStrictlyLowerRate() {
        LocalTest t = new LocalTest(0b1, new double[] {0.4}, 0b1, 10, 100, 3, 5);
        assertThat(t.advance(2, 30)).isFalse();
        assertThat(t.monthsLeft).isEqualTo(2);
        assertThat(t.advance(3, 30)).isFalse();
        assertThat(t.advance(4, 40)).isTrue();
        // 9/100 < 10/100: kept.
        assertThat(t.looksBetter()).isTrue();
        LocalTest equal = new LocalTest(0b1, new double[] {0.4}, 0b1, 10, 100, 1, 5);
        equal.advance(10, 100);
        assertThat(equal.looksBetter()).isFalse();
        LocalTest empty = new LocalTest(0b1, new double[] {0.4}, 0b1, 0, 0, 1, 5);
        empty.advance(0, 10);
        assertThat(empty.looksBetter()).isFalse();
    }
}
