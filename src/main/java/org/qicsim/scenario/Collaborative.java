package org.qicsim.scenario;

/**
 * The {@code collaborative} section (MODEL.md §6, §8): every design lever of the collaborative.
 * Nothing in the world (and so nothing in the counterfactual arm) reads these keys.
 */
@Doc("The collaborative's design levers")
public record Collaborative(
        @Doc("Whether the collaborative runs at all (false: the counterfactual world)") boolean enabled,
        @Doc("Members cannot leave (S9)") boolean participationMandatory,
        Measurement measurement,
        Feedback feedback,
        PositiveDeviance positiveDeviance,
        Coordination coordination,
        Incentives incentives,
        Leadership leadership,
        Community community) {

    public enum Source implements YamlEnum { REGISTRY, CLAIMS }

    public enum RiskAdjustment implements YamlEnum { FULL, PARTIAL, NONE }

    public enum Display implements YamlEnum { FUNNEL, FUNNEL99, LEAGUE }

    public enum Visibility implements YamlEnum { BLINDED, UNBLINDED }

    public enum Benchmark implements YamlEnum { MEAN, TOP_DECILE, TARGET }

    public enum PdMethod implements YamlEnum { CRUDE, RISK_ADJUSTED, SHRUNK, FUNNEL, PERSISTENT, PROCESS }

    public enum Matching implements YamlEnum { ANY, SIMILAR, REGIONAL }

    public enum Design implements YamlEnum { NONE, THRESHOLD, TOURNAMENT, IMPROVEMENT, HYBRID, WITHHOLD }

    public enum SetBy implements YamlEnum { CLINICIANS, PAYER }

    public enum VisitTargeting implements YamlEnum { LOW_PERFORMERS, RANDOM, EVERY_MEMBER, NONE }

    public enum DataUse implements YamlEnum { FORMATIVE, NEUTRAL, PUNITIVE }

    /** How a meeting teaches (MODEL.md §6 S10): by lectures to delegates, or by working on practice together. */
    public enum MeetingFormat implements YamlEnum { DIDACTIC, INTERACTIVE }

    /** What is measured, fed back or paid on (MODEL.md §6 S3p): the outcome rate, practice adherence, or both. */
    public enum Indicator implements YamlEnum { OUTCOME, PROCESS, BOTH }

    /** Practices a process indicator counts before the change package advises any (MODEL.md §6 S3p). */
    public enum DeclaredPractices implements YamlEnum { NONE, EVIDENCE }

    @Doc("Clinical registry or claims data, risk adjustment, audits (S2, S3)")
    public record Measurement(
            @Doc("Data source: registry or claims") Source source,
            @Doc("Risk adjustment on a risk model the centre fits to its own recorded data (S3): full (the fitted slope), partial (half the fitted slope: part of the risk factors) or none (crude rates)") RiskAdjustment riskAdjustment,
            @Doc("Shrink reported rates toward the mean by their reliability") boolean reliabilityAdjustment,
            @Doc("Share of records re-abstracted by audit") @Range(min = 0, max = 1) double auditRate,
            @Doc("Indicator measured and fed back: outcome (risk-adjusted rate), process (adherence to the package's practices) or both") Indicator indicator,
            @Doc("Practices a process indicator counts before the change package advises any: none, or evidence (the practices of the general evidence, the common optimum)") DeclaredPractices declaredPractices) {
    }

    @Doc("Comparative performance feedback (S3, S5)")
    public record Feedback(
            @Doc("Months between feedback cycles") @Range(min = 1, max = 12) int everyMonths,
            @Doc("Months between the end of the data window and the report") @Range(min = 0, max = 24) int lagMonths,
            @Doc("Months of data in each report") @Range(min = 1, max = 36) int windowMonths,
            @Doc("funnel (z* 1.96), funnel99 (z* 3.09) or league (ranks only)") Display display,
            @Doc("blinded: sites see only their own identity; unblinded: all identities") Visibility visibility,
            @Doc("Benchmark shown to sites: mean, topDecile or target") Benchmark benchmark,
            @Doc("Target rate for benchmark: target (null: 0.9 x members' mean at the first cycle)") @Nullable @Range(min = 0, max = 1) Double target) {
    }

    @Doc("Identifying and showcasing positive deviants (S4)")
    public record PositiveDeviance(
            @Doc("Whether the CC identifies positive deviants") boolean enabled,
            @Doc("crude, riskAdjusted, shrunk, funnel, persistent or process") PdMethod method,
            @Doc("Share of members identified as positive deviants") @Range(min = 0, max = 1) double topFraction,
            @Doc("How an imitator picks its PD: any, similar or regional") Matching matching,
            @Doc("Most practices copied in one imitation") @Range(min = 0) int breadth,
            @Doc("PDs attending meetings present their practice") boolean showcase) {
    }

    @Doc("The coordinating centre (S8)")
    public record Coordination(
            @Doc("CC budget per member site per year") @Range(min = 0) double budgetPerSite,
            @Doc("Coordination quality Qc; null derives it from budgetPerSite") @Nullable @Range(min = 0, max = 1) Double quality,
            @Doc("The payer funds data abstraction") boolean abstractionFunded,
            @Doc("The CC helps sites plan actions from their reports") boolean actionPlanning,
            @Doc("How far the change package is written down") @Range(min = 0, max = 1) double codification,
            @Doc("Rate at which the CC learns a practice into the change package") @Range(min = 0, max = 1) double codeLearningRate,
            @Doc("Smallest contrast that moves the change package") @Range(min = 0, max = 1) double codeThreshold,
            @Doc("Share of the site's gap in package know-how closed at each meeting attended or visit received, times Qc·(0.5 + 0.5·codification) (calibrate)") @Range(min = 0, max = 1) double socialisationRate) {
    }

    @Doc("The incentive programme (S6)")
    public record Incentives(
            @Doc("Performance share at which an incentive is fully salient") @Range(min = 0, max = 1, minOpen = true) double salienceShare,
            @Doc("Value to a site of being showcased: in its yearly participation value and, as a non-contingent reward, its motivation for the rest of the year") @Range(min = 0) double recognitionValue,
            Participation participation,
            Performance performance,
            @Doc("Site results are published") boolean publicReporting) {
    }

    @Doc("Pay for participation")
    public record Participation(
            @Doc("Yearly participation payment per member") @Range(min = 0) double annual,
            @Doc("Share of meetings a site must attend to be paid") @Range(min = 0, max = 1) double minAttendance) {
    }

    @Doc("Pay for performance")
    public record Performance(
            @Doc("none, threshold, tournament, improvement, hybrid or withhold") Design design,
            @Doc("Payment as a share of revenue") @Range(min = 0, max = 1) double share,
            @Doc("Threshold target rate (null: 0.9 x members' mean in the baseline year)") @Nullable @Range(min = 0, max = 1) Double target,
            @Doc("Share of members paid under a tournament") @Range(min = 0, max = 1) double topFraction,
            @Doc("Smallest improvement paid under improvement and hybrid") @Range(min = 0, max = 1) double minImprovement,
            @Doc("Loss aversion under withhold") @Range(min = 1, max = 10) double lossAversion,
            @Doc("Months after the performance year that payment is made") @Range(min = 0) int lagMonths,
            @Doc("Who sets the targets: clinicians or payer") SetBy setBy,
            @Doc("Indicator paid on: outcome, process or both") Indicator indicator) {
    }

    @Doc("Professional leadership (S10)")
    public record Leadership(
            @Doc("The payer funds site champions") boolean fundedChampions,
            @Doc("Probability of recruiting a funded champion") @Range(min = 0, max = 1) double championProbability,
            @Doc("Leadership training at meetings") boolean training,
            @Doc("The collaborative is led by clinicians") boolean clinicianLed,
            @Doc("Credibility Kcc of the clinical lead") @Range(min = 0, max = 1) double clinicalLeadCredibility) {

        /**
         * Whether the collaborative enlists the sites' champions in its package: it funds the posts or trains
         * the champions (MODEL.md S10, §10 item 70: only an enlisted champion teaches the package). One rule
         * for the model and for validate's notes.
         */
        public boolean enlistsChampions() {
            return fundedChampions || training;
        }
    }

    @Doc("Meetings, visits and community (S10)")
    public record Community(
            @Doc("Collaborative meetings per year (at most one a month)") @Range(min = 0, max = 12) int meetingsPerYear,
            @Doc("Number of regional groups") @Range(min = 1, max = 1000) int regionalGroups,
            @Doc("Share of meetings held as one plenary") @Range(min = 0, max = 1) double crossGroupShare,
            @Doc("CC site visits per year") @Range(min = 0) int siteVisitsPerYear,
            @Doc("Visit lowPerformers, random members, everyMember in turn, or none") VisitTargeting siteVisitTargeting,
            @Doc("Invest in community building (ties form faster)") boolean buildingInvestment,
            @Doc("Meeting format: interactive (members work on practice and data together) or didactic (lectures to "
                    + "delegates); what each teaches: behaviour.community.meetingReach and interactiveGain")
            MeetingFormat meetingFormat,
            @Doc("formative, neutral or punitive use of data") DataUse dataUse) {
    }
}
