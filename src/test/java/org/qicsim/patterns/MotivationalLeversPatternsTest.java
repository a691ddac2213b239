package org.qicsim.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.qicsim.analysis.Estimate;
import org.qicsim.model.RunResult;
import org.qicsim.scenario.ResolvedScenario;

/**
 * Issue 5's statistical properties of the motivational levers (MODEL.md S2 gaming, S6 incentives,
 * S9 participation). Each criterion is stated before its run.
 */
@Tag("statistical")
class MotivationalLeversPatternsTest {
    private static final String MICHIGAN = "scenarios/michigan-cqi.yaml";
    private static final String DESIGNS = "scenarios/examples/incentive-designs/";
    private static final int MEAN_INTRINSIC = 8;

    private static double intrinsic(RunResult r, int month) {
        return r.timeseriesRow(month)[MEAN_INTRINSIC];
    }

    /**
     * Crowding out (30 replicates): a payer-set threshold incentive lowers mean intrinsic motivation 24
     * months into the collaborative against design none with the same setBy (paired CI below 0); with
     * clinician-set targets the paired difference lies within ±0.01 (CI inside [−0.01, 0.01]).
     */
    @Test
    void payerSetIncentivesCrowdOutIntrinsicMotivationClinicianSetOnesDoNot() {
        int month = Trials.scenario(MICHIGAN).scenario().startMonth() + 24;
        ResolvedScenario payerNone = Trials.scenario(DESIGNS + "none.yaml", "collaborative.incentives.performance.setBy=payer");
        ResolvedScenario payerThreshold = Trials.scenario(DESIGNS + "threshold-payer.yaml");
        ResolvedScenario clinicianNone = Trials.scenario(DESIGNS + "none.yaml");
        ResolvedScenario clinicianThreshold = Trials.scenario(DESIGNS + "threshold.yaml");
        List<List<RunResult>> runs = Trials.paired(30, payerThreshold, payerNone, clinicianThreshold, clinicianNone);
        Estimate payer = Trials.difference(runs.get(0), runs.get(1), r -> intrinsic(r, month));
        Estimate clinicians = Trials.difference(runs.get(2), runs.get(3), r -> intrinsic(r, month));
        Trials.report("mean I at collaborative month 24, payer threshold - none (criterion CI < 0)", payer);
        Trials.report("mean I at collaborative month 24, clinician threshold - none (criterion CI in [-0.01, 0.01])",
                clinicians);
        assertThat(payer.ciHigh()).isLessThan(0.0);
        assertThat(clinicians.ciLow()).isGreaterThanOrEqualTo(-0.01);
        assertThat(clinicians.ciHigh()).isLessThanOrEqualTo(0.01);
    }

    /**
     * Gaming (30 replicates): michigan-cqi with public reporting and no audit has gamingGap with 95% CI
     * below 0 (measured rates look better than true). MODEL.md's companion criterion, that audits at
     * 0.05 more than halve the gap, is judged in the scorecard (M-audit-deterrence-per-gamer) with its
     * original criterion; the pooled-gap substitute that was here is gone (docs/MODEL.md §12 item 8).
     */
    @Test
    void publicReportingInvitesGaming() {
        ResolvedScenario unaudited = Trials.scenario(MICHIGAN, "collaborative.incentives.publicReporting=true",
                "collaborative.measurement.auditRate=0");
        List<List<RunResult>> runs = Trials.paired(30, unaudited);
        Estimate gap = Trials.estimate(Trials.metric(runs.get(0), "gamingGap"));
        Trials.report("gamingGap, public reporting, auditRate 0 (criterion CI < 0)", gap);
        assertThat(gap.ciHigh()).isLessThan(0.0);
    }

    /**
     * Paying for noise (low-volume example, reliability adjustment on, 30 replicates): design
     * improvement pays a larger share of its money to sites the same rule on true rates would not pay
     * than design threshold (paired CI above 0, over replicates where both paid something).
     */
    @Test
    void improvementDesignsPayForNoiseAtLowVolume() {
        ResolvedScenario threshold = Trials.scenario("scenarios/examples/low-volume.yaml",
                "collaborative.measurement.reliabilityAdjustment=true", "collaborative.incentives.performance.design=threshold");
        ResolvedScenario improvement = Trials.scenario("scenarios/examples/low-volume.yaml",
                "collaborative.measurement.reliabilityAdjustment=true",
                "collaborative.incentives.performance.design=improvement");
        List<List<RunResult>> runs = Trials.paired(30, improvement, threshold);
        Estimate noise = Trials.difference(runs.get(0), runs.get(1), r -> r.metric("incentivePaidToNoise"));
        Trials.report("incentivePaidToNoise improvement - threshold (criterion CI > 0)", noise);
        assertThat(noise.ciLow()).isGreaterThan(0.0);
    }

    /**
     * Burden and participation payments (40 replicates): unfunded abstraction lowers retention against
     * funded abstraction (paired CI below 0); without participation payments retention is lower (paired
     * CI below 0). Issue 5's third criterion, fewer events averted without funded abstraction, is judged
     * in the scorecard ({@code M-burden-events-averted}, same replicates and criterion): at 40
     * replicates it has about 40% power for the model's effect (docs/MODEL.md §12 item 11).
     */
    @Test
    void relievingBurdenAndPayingForParticipationKeepSitesIn() {
        ResolvedScenario funded = Trials.scenario(MICHIGAN);
        ResolvedScenario unfunded = Trials.scenario("scenarios/examples/unfunded-burden.yaml");
        ResolvedScenario unpaid = Trials.scenario(MICHIGAN, "collaborative.incentives.participation.annual=0");
        List<List<RunResult>> runs = Trials.paired(40, funded, unfunded, unpaid);
        Estimate retention = Trials.difference(runs.get(1), runs.get(0), r -> r.metric("retention"));
        Estimate payments = Trials.difference(runs.get(2), runs.get(0), r -> r.metric("retention"));
        Trials.report("retention unfunded - funded abstraction (criterion CI < 0)", retention);
        Trials.report("retention without - with participation payments (criterion CI < 0)", payments);
        assertThat(retention.ciHigh()).isLessThan(0.0);
        assertThat(payments.ciHigh()).isLessThan(0.0);
    }

    /**
     * A schedule that stops the payer-set incentive at month 24 (30 replicates): nothing differs before
     * month 24 (bit-identical to the same design without the entry); with gap_t = mean I of design none
     * − mean I of this design at month t, the paired CI of gap_47 − 0.7·gap_24 lies below 0 (motivation
     * recovers once the controlling lever is gone).
     */
    @Test
    void stoppingAnIncentiveChangesNothingBeforeAndLetsMotivationRecoverAfter() {
        ResolvedScenario stopped = Trials.scenario(DESIGNS + "threshold-payer-stopped.yaml");
        ResolvedScenario continued = Trials.scenario(DESIGNS + "threshold-payer.yaml");
        ResolvedScenario none = Trials.scenario(DESIGNS + "none.yaml", "collaborative.incentives.performance.setBy=payer");
        List<List<RunResult>> runs = Trials.paired(30, stopped, continued, none);
        for (int r = 0; r < 30; r++) {
            RunResult a = runs.get(0).get(r);
            RunResult b = runs.get(1).get(r);
            for (int t = 0; t < 24; t++) {
                assertThat(a.timeseriesRow(t)).as("replicate %d month %d", r, t).containsExactly(b.timeseriesRow(t));
                for (int j = 0; j < a.factual().sites(); j++) {
                    assertThat(a.factual().effort(t, j)).isEqualTo(b.factual().effort(t, j));
                }
            }
        }
        double[] recovery = new double[30];
        for (int r = 0; r < 30; r++) {
            double gap24 = intrinsic(runs.get(2).get(r), 24) - intrinsic(runs.get(0).get(r), 24);
            double gap47 = intrinsic(runs.get(2).get(r), 47) - intrinsic(runs.get(0).get(r), 47);
            recovery[r] = gap47 - 0.7 * gap24;
        }
        Estimate e = Trials.estimate(recovery);
        Trials.report("gap_47 - 0.7 gap_24 (criterion CI < 0)", e);
        assertThat(e.ciHigh()).isLessThan(0.0);
    }
}
