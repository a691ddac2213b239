package org.qicsim.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.qicsim.analysis.Estimate;
import org.qicsim.model.ArmTrace;
import org.qicsim.model.RunResult;
import org.qicsim.scenario.ResolvedScenario;

/** Issue 6's statistical properties of leadership and community (MODEL.md S10). Criteria stated before the runs. */
@Tag("statistical")
class LeadershipCommunityPatternsTest {
    private static final String MICHIGAN = "scenarios/michigan-cqi.yaml";
    private static final int MEAN_TRUST = 9;
    private static final int MEAN_SAFETY = 10;
    private static final int CHAMPION_COVERAGE = 12;
    private static final int TIE_DENSITY = 13;

    /** Mean of a timeseries column over months ≥ startMonth. */
    private static ToDoubleFunction<RunResult> collaborativeMean(int column, int start) {
        return r -> {
            double sum = 0;
            for (int t = start; t < r.months(); t++) {
                sum += r.timeseriesRow(t)[column];
            }
            return sum / (r.months() - start);
        };
    }

    /** Mean L over filled champion posts at the last month. */
    private static double meanLeadership(RunResult r) {
        ArmTrace f = r.factual();
        double sum = 0;
        int n = 0;
        for (int j = 0; j < f.sites(); j++) {
            double l = f.championLeadership(j);
            if (!Double.isNaN(l)) {
                sum += l;
                n++;
            }
        }
        return sum / n;
    }

    /**
     * Funded champions raise championCoverage (mean over collaborative months) and eventsAverted
     * against fundedChampions false (paired CIs above 0; 300 replicates — raised from 100 after the
     * site-visit fix, when 100 gave +29 [−1, 59]; a 300-replicate exploration gave +50 [31, 68]: the
     * effect is real but small against the replicate-to-replicate spread). With fundedChampions false,
     * leadership.training false lowers the mean L over filled posts at the last month (30 replicates,
     * paired CI below 0).
     */
    @Test
    void fundedAndTrainedChampionsLead() {
        ResolvedScenario funded = Trials.scenario(MICHIGAN);
        ResolvedScenario unfunded = Trials.scenario(MICHIGAN, "collaborative.leadership.fundedChampions=false");
        int start = funded.scenario().startMonth();
        List<List<RunResult>> runs = Trials.paired(300, funded, unfunded);
        Estimate coverage = Trials.difference(runs.get(0), runs.get(1), collaborativeMean(CHAMPION_COVERAGE, start));
        Estimate events = Trials.difference(runs.get(0), runs.get(1), r -> r.metric("eventsAverted"));
        Trials.report("championCoverage funded - unfunded (criterion CI > 0)", coverage);
        Trials.report("eventsAverted funded - unfunded champions (criterion CI > 0)", events);
        assertThat(coverage.ciLow()).isGreaterThan(0.0);
        assertThat(events.ciLow()).isGreaterThan(0.0);

        ResolvedScenario untrained = Trials.scenario(MICHIGAN, "collaborative.leadership.fundedChampions=false",
                "collaborative.leadership.training=false");
        List<List<RunResult>> training = Trials.paired(30, untrained, unfunded);
        Estimate leadership = Trials.difference(training.get(0), training.get(1),
                LeadershipCommunityPatternsTest::meanLeadership);
        Trials.report("mean L of filled posts at the last month, no training - training (criterion CI < 0)", leadership);
        assertThat(leadership.ciHigh()).isLessThan(0.0);
    }

    /**
     * Punitive data use (30 replicates) lowers psychological safety and trust (means over collaborative
     * months; paired CIs below 0) and raises the share of rejected reports (paired CI above 0).
     */
    @Test
    void punitiveUseOfDataErodesSafetyAndTrust() {
        ResolvedScenario formative = Trials.scenario(MICHIGAN);
        ResolvedScenario punitive = Trials.scenario(MICHIGAN, "collaborative.community.dataUse=punitive");
        int start = formative.scenario().startMonth();
        List<List<RunResult>> runs = Trials.paired(30, punitive, formative);
        Estimate safety = Trials.difference(runs.get(0), runs.get(1), collaborativeMean(MEAN_SAFETY, start));
        Estimate trust = Trials.difference(runs.get(0), runs.get(1), collaborativeMean(MEAN_TRUST, start));
        Estimate rejected = Trials.difference(runs.get(0), runs.get(1), r -> r.metric("responseShares.reject"));
        Trials.report("meanSafety punitive - formative (criterion CI < 0)", safety);
        Trials.report("meanTrust punitive - formative (criterion CI < 0)", trust);
        Trials.report("responseShares.reject punitive - formative (criterion CI > 0)", rejected);
        assertThat(safety.ciHigh()).isLessThan(0.0);
        assertThat(trust.ciHigh()).isLessThan(0.0);
        assertThat(rejected.ciLow()).isGreaterThan(0.0);
    }

    /**
     * Community with blinded feedback (30 replicates): 6 meetings and 24 visits a year raise mean
     * tieDensity over collaborative months and imitations against 3 and 12 (paired CIs above 0).
     * The regional-diversity criterion that was here (4 regions with regional matching keep
     * practiceDiversity above one group's, 400 replicates) is a specification expectation the
     * calibrated model no longer meets (issue 12 item 5: +0.0017 [−0.0023, 0.0056]; docs/MODEL.md §12
     * item 18); it moved verbatim to the scorecard, scenarios/patterns/M-regional-diversity.yaml.
     */
    @Test
    void meetingsAndVisitsBuildTheNetwork() {
        ResolvedScenario usual = Trials.scenario(MICHIGAN, "collaborative.feedback.visibility=blinded");
        ResolvedScenario intense = Trials.scenario(MICHIGAN, "collaborative.feedback.visibility=blinded",
                "collaborative.community.meetingsPerYear=6", "collaborative.community.siteVisitsPerYear=24");
        int start = usual.scenario().startMonth();
        List<List<RunResult>> runs = Trials.paired(30, intense, usual);
        Estimate ties = Trials.difference(runs.get(0), runs.get(1), collaborativeMean(TIE_DENSITY, start));
        Estimate imitations = Trials.difference(runs.get(0), runs.get(1), r -> r.metric("imitations"));
        Trials.report("tieDensity 6 meetings/24 visits - 3/12 (criterion CI > 0)", ties);
        Trials.report("imitations 6 meetings/24 visits - 3/12 (criterion CI > 0)", imitations);
        assertThat(ties.ciLow()).isGreaterThan(0.0);
        assertThat(imitations.ciLow()).isGreaterThan(0.0);
    }

    /**
     * A tournament on outcomes changes the true final rate much less than the collaborative does (30
     * replicates): with effects as reductions (positive = lower rate), the upper 95% CI bound of the
     * reduction in finalRate from design tournament against design none (paired) is below 0.25 × the
     * lower 95% CI bound of michigan-cqi's cfFinalRate − finalRate.
     */
    @Test
    void aTournamentDoesLittleBesideTheCollaborative() {
        ResolvedScenario none = Trials.scenario("scenarios/examples/incentive-designs/none.yaml");
        ResolvedScenario tournament = Trials.scenario("scenarios/examples/incentive-designs/tournament.yaml");
        ResolvedScenario michigan = Trials.scenario(MICHIGAN);
        List<List<RunResult>> runs = Trials.paired(30, none, tournament, michigan);
        Estimate tournamentReduction = Trials.difference(runs.get(0), runs.get(1), r -> r.metric("finalRate"));
        Estimate collaborative = Trials.estimate(Trials.values(runs.get(2),
                r -> r.metric("cfFinalRate") - r.metric("finalRate")));
        Trials.report("finalRate reduction, tournament against none", tournamentReduction);
        Trials.report("michigan-cqi cfFinalRate - finalRate (criterion: tournament upper < 0.25 x this lower)", collaborative);
        assertThat(tournamentReduction.ciHigh()).isLessThan(0.25 * collaborative.ciLow());
    }
}
