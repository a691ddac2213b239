package org.qicsim.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.qicsim.analysis.Estimate;
import org.qicsim.model.RunResult;
import org.qicsim.scenario.ResolvedScenario;

/**
 * Issue 4's statistical properties of the learning engine (MODEL.md S4, S5, S7, S7c, S8). Each
 * criterion is stated in its Javadoc before the run. The criteria that had been changed after
 * seeing a result are now scorecard patterns with their original criteria ({@code qicsim patterns},
 * the M-* files of scenarios/patterns; docs/MODEL.md §12). MODEL.md §9's P3 (audit and feedback
 * alone) is a published pattern, so it is a finding judged in the scorecard, not a CI assertion:
 * M-P3-audit-feedback (median gain and tercile contrast, the criteria this test stated) and
 * M-P3-negative-design.
 */
@Tag("statistical")
class LearningEnginePatternsTest {
    private static final String MICHIGAN = "scenarios/michigan-cqi.yaml";
    private static final int TIMESERIES_PRACTICE_DIVERSITY = 14;

    /**
     * Positive deviants at low caseloads (volume median 10, 30 replicates): shrunk PD precision minus
     * crude, paired CI above 0. MODEL.md's companion criterion, that the difference vanishes at volume
     * median 400, is judged in the scorecard ({@code qicsim patterns}, M-pd-high-volume) with its
     * original criterion; the loosened substitute that was here is gone (docs/MODEL.md §12 item 4).
     */
    @Test
    void shrinkageFindsTrueDeviantsAtLowCaseloads() {
        ResolvedScenario crude = Trials.scenario(MICHIGAN, "sites.volume.median=10",
                "collaborative.positiveDeviance.method=crude");
        ResolvedScenario shrunk = Trials.scenario(MICHIGAN, "sites.volume.median=10",
                "collaborative.positiveDeviance.method=shrunk");
        List<List<RunResult>> low = Trials.paired(30, shrunk, crude);
        Estimate lowDiff = Trials.difference(low.get(0), low.get(1), r -> r.metric("pdPrecision"));
        Trials.report("PD precision shrunk - crude at volume 10 (criterion CI > 0)", lowDiff);
        assertThat(lowDiff.ciLow()).isGreaterThan(0.0);
    }

    /**
     * Measurement matters (30 replicates): perfect registry recording with full risk adjustment
     * averts more events than claims without risk adjustment (paired CI above 0). MODEL.md's companion
     * criterion, a higher codeAccuracy, is judged in the scorecard (M-measurement-code-accuracy) with its
     * original criterion; the substitute that was here is gone (docs/MODEL.md §12 item 5).
     */
    @Test
    void betterMeasurementAvertsMoreEvents() {
        ResolvedScenario perfect = Trials.scenario(MICHIGAN, "behaviour.recording.registrySensitivity=1",
                "behaviour.recording.registrySpecificity=1", "behaviour.recording.registryRiskError=0",
                "collaborative.measurement.riskAdjustment=full");
        ResolvedScenario poor = Trials.scenario(MICHIGAN, "collaborative.measurement.source=claims",
                "collaborative.measurement.riskAdjustment=none");
        List<List<RunResult>> runs = Trials.paired(30, perfect, poor);
        Estimate events = Trials.difference(runs.get(0), runs.get(1), r -> r.metric("eventsAverted"));
        Trials.report("eventsAverted perfect - claims/no adjustment (criterion CI > 0)", events);
        assertThat(events.ciLow()).isGreaterThan(0.0);
    }

    /**
     * Rugged problems (Lazer &amp; Friedman 2007; March 1991), K = 6, 30 replicates: imitating whenever a
     * PD is visible lowers practiceDiversity at the last month (paired CI below 0). MODEL.md's companion
     * expectation, a higher finalRate, is judged in the scorecard (M-rugged-premature-convergence;
     * docs/MODEL.md §12 item 6). Socialisation is off in both arms (issue 12 item 1): package know-how
     * now acts in the same act step, before imitation, and at michigan's socialisationRate its alignment
     * to the one change package takes most acting months, converging sites whatever imitation does; the
     * pattern is about imitation, so it is isolated here. Champions' teaching of the package (§10 items
     * 67, 70) is know-how too, so it is off in both arms as well (since the second calibration taught at
     * 0.391 a month, michigan's enlisted champions gave most sites the package's know-how).
     */
    @Test
    void imitatingWheneverPossibleConvergesOnRuggedLandscapes() {
        ResolvedScenario defaults = Trials.scenario(MICHIGAN, "practices.interactions=6",
                "collaborative.coordination.socialisationRate=0", "behaviour.community.championTeaching=0");
        ResolvedScenario always = Trials.scenario(MICHIGAN, "practices.interactions=6",
                "collaborative.coordination.socialisationRate=0", "behaviour.community.championTeaching=0",
                "behaviour.learning.imitationGap=20", "behaviour.learning.imitationTrust=20",
                "behaviour.learning.imitationDistance=0");
        List<List<RunResult>> runs = Trials.paired(30, always, defaults);
        Estimate diversity = Trials.difference(runs.get(0), runs.get(1),
                r -> r.timeseriesRow(r.months() - 1)[TIMESERIES_PRACTICE_DIVERSITY]);
        Trials.report("practiceDiversity at the last month, imitate-always - defaults (criterion CI < 0)", diversity);
        assertThat(diversity.ciHigh()).isLessThan(0.0);
    }

    /**
     * Visibility (30 replicates, feedback blinded): default showcases and visits give fewer
     * imitations than unblinded feedback (paired CI below 0) and more than blinded feedback without
     * showcases and visits (paired CI above 0), which gives exactly none.
     */
    @Test
    void blindingLimitsImitationToWhatMeetingsAndVisitsShow() {
        ResolvedScenario blinded = Trials.scenario(MICHIGAN, "collaborative.feedback.visibility=blinded");
        ResolvedScenario unblinded = Trials.scenario(MICHIGAN, "collaborative.feedback.visibility=unblinded");
        ResolvedScenario dark = Trials.scenario(MICHIGAN, "collaborative.feedback.visibility=blinded",
                "collaborative.positiveDeviance.showcase=false", "collaborative.community.siteVisitsPerYear=0");
        List<List<RunResult>> runs = Trials.paired(30, blinded, unblinded, dark);
        Estimate fewer = Trials.difference(runs.get(0), runs.get(1), r -> r.metric("imitations"));
        Estimate more = Trials.difference(runs.get(0), runs.get(2), r -> r.metric("imitations"));
        Trials.report("imitations blinded - unblinded (criterion CI < 0)", fewer);
        Trials.report("imitations blinded - blinded without showcases or visits (criterion CI > 0)", more);
        assertThat(fewer.ciHigh()).isLessThan(0.0);
        assertThat(more.ciLow()).isGreaterThan(0.0);
        assertThat(Trials.metric(runs.get(2), "imitations")).containsOnly(0.0);
    }
}
