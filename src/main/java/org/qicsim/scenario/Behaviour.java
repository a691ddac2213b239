package org.qicsim.scenario;

/**
 * The {@code behaviour} section: every constant of MODEL.md §8 table B, grouped as the table groups
 * them. Intercepts and offsets hold their signed value; other keys hold the magnitude printed in
 * MODEL.md §6, the sign staying in the formula. Unless stated, weights and intercepts are [-20, 20]
 * and rates and shares [0, 1].
 */
@Doc("Behavioural constants (MODEL.md table B)")
public record Behaviour(
        Effort effort,
        Feedback feedback,
        Credibility credibility,
        Response response,
        Motivation motivation,
        Learning learning,
        Recording recording,
        Gaming gaming,
        Participation participation,
        Community community,
        Coordination coordination) {

    @Doc("Effort rule (S5)")
    public record Effort(
            @Doc("Effort logit intercept (calibrate)") @Range(min = -10, max = 10) double intercept,
            @Range(min = 0, max = 10) double motivationWeight,
            @Range(min = 0, max = 20) double gapWeight,
            @Doc("How much more a believed gap weighs in effort when the collaborative is clinician-led, per unit "
                    + "of the clinical lead's credibility (calibrate)") @Range(min = 0, max = 10) double sourceWeight,
            @Range(min = 0, max = 10) double championWeight,
            @Range(min = 0, max = 10) double burdenWeight,
            @Range(min = 0, max = 10) double normWeight,
            @Doc("Share of the gap closed per month when effort rises") @Range(min = 0, max = 1, minOpen = true) double riseRate,
            @Doc("Share of the gap closed per month when effort falls") @Range(min = 0, max = 1, minOpen = true) double fallRate,
            @Doc("Target effort multiplier while withdrawing") @Range(min = 0, max = 1) double withdrawFactor) {
    }

    @Doc("Feedback processing chain (S5)")
    public record Feedback(
            @Range(min = -20, max = 20) double intBase,
            @Range(min = -20, max = 20) double intChampion,
            @Range(min = -20, max = 20) double intClinicianLed,
            @Range(min = -20, max = 20) double intBurden,
            @Range(min = -20, max = 20) double percBase,
            @Range(min = -20, max = 20) double percQc,
            @Range(min = -20, max = 20) double percDisplay,
            @Range(min = -20, max = 20) double accBase,
            @Range(min = -20, max = 20) double accCred,
            @Range(min = -20, max = 20) double accTrust,
            @Range(min = -20, max = 20) double accThreat,
            @Range(min = -20, max = 20) double actBase,
            @Range(min = -20, max = 20) double actActionability,
            @Range(min = -20, max = 20) double actCapacity,
            @Doc("Weight beta of the benchmark in the aspiration") @Range(min = 0, max = 1) double aspirationSocialWeight,
            @Doc("Memory m of the historical aspiration") @Range(min = 0, max = 1) double aspirationMemory,
            @Doc("Clip of the gap D in standard-error units") @Range(min = 0.5, max = 10) double gapClip,
            @Doc("Share of the remaining actionability gap closed when a process report names a missed practice (assumption)") @Range(min = 0, max = 1) double processActionability,
            @Doc("Chance, times Qc, that an own act of a site learning from a process report under an action plan adopts a practice the report names as missed (assumption)") @Range(min = 0, max = 1) double planFollowThrough) {
    }

    @Doc("Credibility of feedback (S5)")
    public record Credibility(
            @Range(min = -20, max = 20) double riskAdj,
            @Range(min = -20, max = 20) double reliabilityAdj,
            @Range(min = -20, max = 20) double audit,
            @Doc("Audit rate that earns full audit credibility") @Range(min = 0, max = 1, minOpen = true) double auditReference,
            @Range(min = -20, max = 20) double lead,
            @Range(min = -20, max = 20) double reliability) {
    }

    @Doc("Responses to a negative gap (S5)")
    public record Response(
            @Range(min = -20, max = 20) double learnGap,
            @Range(min = -20, max = 20) double lowerGap,
            @Range(min = -20, max = 20) double lowerMotivation,
            @Doc("Share of the gap by which lowering moves the aspiration") @Range(min = 0, max = 1) double lowerShift,
            @Doc("Trust lost on rejecting a report") @Range(min = 0, max = 1) double rejectTrustDrop,
            @Range(min = -20, max = 20) double withdrawIntercept) {
    }

    @Doc("Motivation and crowding (S6)")
    public record Motivation(
            @Range(min = -20, max = 20) double extrinsicWeight,
            @Range(min = -20, max = 20) double reputationWeight,
            @Range(min = -20, max = 20) double recognitionSupport,
            @Range(min = -20, max = 20) double formativeSupport,
            @Range(min = 0, max = 1) double crowdIn,
            @Range(min = 0, max = 1) double crowdOut,
            @Range(min = 0, max = 1) double reversion,
            @Range(min = 0, max = 1) double expectationRate,
            @Doc("Expected attainment X̂ (share of the maximum performance payment) a site expects when a "
                    + "performance design is announced, before any payment (Vroom's expectancy; calibrate)")
            @Range(min = 0, max = 1) double initialExpectation,
            @Doc("Chance, times the pay's salience, that an own act of a site paid on a process indicator adopts a "
                    + "counted practice it does not do: what is paid for gets done (Holmstrom & Milgrom 1991; calibrate)")
            @Range(min = 0, max = 1) double paidFocus) {
    }

    @Doc("Learning and fidelity (S7)")
    public record Learning(
            @Doc("Learning actions per unit effort per month (calibrate)") @Range(min = 0, max = 1) double velocity,
            @Doc("Months a local test runs (calibrate)") @Range(min = 1, max = 24) int testMonths,
            @Range(min = 0, max = 1) double revertProbability,
            @Doc("Fidelity of a newly adopted practice as a share of the site's own equilibrium fidelity φ* at its "
                    + "current effort and champion, so it never starts above what the site can sustain (calibrate)")
            @Range(min = 0, max = 1) double newPracticeFidelity,
            @Doc("Fidelity gained per unit effort per month (calibrate)") @Range(min = 0, max = 1) double fidelityGain,
            @Range(min = 0, max = 1) double fidelityDecay,
            @Range(min = 0, max = 5) double fidelityChampion,
            @Doc("Months an adopted practice must be held, with support (a champion in post or the change package's "
                    + "advice to do it), before it is routinised (assumption)")
            @Range(min = 1, max = 120) int routineMonths,
            @Doc("Share of fidelityDecay a routinised practice is spared (assumption; calibrate)")
            @Range(min = 0, max = 1) double routineProtection,
            @Doc("Fidelity below which a falling, not routinised practice is abandoned (assumption; calibrate)")
            @Range(min = 0, max = 1) double abandonFidelity,
            @Range(min = 0, max = 1) double copyError,
            @Range(min = 0, max = 1) double copyVisited,
            @Range(min = 0, max = 1) double copyCodification,
            @Range(min = 0, max = 1) double copyChampion,
            @Range(min = 0, max = 60) int visitMemoryMonths,
            @Range(min = -20, max = 20) double imitationGap,
            @Range(min = -20, max = 20) double imitationTrust,
            @Range(min = -20, max = 20) double imitationDistance) {
    }

    @Doc("Recording accuracy (S2)")
    public record Recording(
            @Range(min = 0, max = 1) double registrySensitivity,
            @Range(min = 0, max = 1) double registrySpecificity,
            @Range(min = 0, max = 1) double claimsSensitivity,
            @Range(min = 0, max = 1) double claimsSpecificity,
            @Range(min = 0, max = 5) double registryRiskError,
            @Range(min = 0, max = 5) double claimsRiskError,
            @Range(min = 1, max = 3) double riskErrorQcOffset,
            @Range(min = 0, max = 1.5) double riskErrorQcWeight,
            @Doc("Chance that a practice opportunity is documented wrongly, either way (assumption)") @Range(min = 0, max = 0.5) double documentationError) {
    }

    @Doc("Gaming decision, behaviour and detection (S2)")
    public record Gaming(
            @Doc("Gaming logit intercept (assumption)") @Range(min = -20, max = 20) double intercept,
            @Range(min = -20, max = 20) double stake,
            @Range(min = -20, max = 20) double publicStake,
            @Range(min = -20, max = 20) double motivation,
            @Range(min = -20, max = 20) double norm,
            @Range(min = -20, max = 20) double deterrence,
            @Range(min = -20, max = 20) double offsetSaint,
            @Range(min = -20, max = 20) double offsetHonestTrier,
            @Range(min = -20, max = 20) double offsetReactiveGamer,
            @Range(min = -20, max = 20) double offsetRationalManiac,
            @Range(min = 0, max = 1) double upcodeShare,
            @Range(min = 0, max = 3) double upcodeShift,
            @Range(min = 0, max = 1) double suppression,
            @Range(min = 0, max = 1) double detection,
            @Range(min = 0, max = 1) double trustPenalty,
            @Range(min = 0, max = 20) int exclusionCycles,
            @Range(min = 0, max = 1) double tieFactor,
            @Doc("Chance that a gaming site documents a case's missed practices as done (assumption)") @Range(min = 0, max = 1) double documentationShare) {
    }

    @Doc("Yearly exit decision (S9)")
    public record Participation(
            @Range(min = -20, max = 20) double intercept,
            @Range(min = -20, max = 20) double value,
            @Range(min = -20, max = 20) double trust,
            @Range(min = -20, max = 20) double community,
            @Range(min = -20, max = 20) double championLost,
            @Range(min = -20, max = 20) double withdraw) {
    }

    @Doc("Meetings, ties, norms, safety, trust and champions (S10)")
    public record Community(
            @Range(min = -20, max = 20) double attendanceBase,
            @Range(min = -20, max = 20) double attendanceEffort,
            @Range(min = -20, max = 20) double attendanceTrust,
            @Range(min = -20, max = 20) double attendanceCondition,
            @Range(min = 0, max = 1) double tieGain,
            @Range(min = 1, max = 5) double buildingFactor,
            @Doc("Share of tie strength kept each month") @Range(min = 0, max = 1) double tieDecay,
            @Doc("Most ties one site keeps (a bounded professional network; binds only above tieCapacity + 1 sites)")
            @Range(min = 2, max = 100000) int tieCapacity,
            @Range(min = 0, max = 1) double visitTieGain,
            @Range(min = 0, max = 1) double trainingGain,
            @Doc("Scale of normative pressure (assumption)") @Range(min = 0, max = 100) double normScale,
            @Range(min = 0, max = 1) double safetyGain,
            @Range(min = -20, max = 20) double safetyCommunity,
            @Range(min = 0, max = 1) double safetyThreat,
            @Range(min = 0, max = 1) double safetyReversion,
            @Range(min = 0, max = 1) double trustUp,
            @Range(min = 0, max = 1) double trustDown,
            @Range(min = 1, max = 12) int fairnessReports,
            @Range(min = 0, max = 60) int vacancyMonths,
            @Range(min = 0, max = 20, minOpen = true) double successorLeadershipA,
            @Range(min = 0, max = 20, minOpen = true) double successorLeadershipB,
            @Doc("Share of the gap to the champion's c·L that the champion's influence on the site closes each "
                    + "month; 1 acts at once (assumption; calibrate)") @Range(min = 0, max = 1, minOpen = true)
            double championInfluenceRate,
            @Doc("Share of package know-how lost each month; meetings and visits renew it (assumption; calibrate)")
            @Range(min = 0, max = 1) double knowHowDecay,
            @Doc("How much package know-how K adds to a site's own chance to act: P(act) = 1 − (1 − velocity·E)^(1 + "
                    + "knowHowAction·K); the extra acts align a package practice (0 = know-how only redirects acts; calibrate)")
            @Range(min = 0, max = 20) double knowHowAction,
            @Doc("How much package know-how K raises the fidelity drive of the practices the change package advises, "
                    + "as a champion's influence does: Λ + knowHowFidelity·K (0 = none; calibrate)")
            @Range(min = 0, max = 20) double knowHowFidelity,
            @Doc("Share of the know-how gap a member's champion closes each month, times the champion's influence Λ: "
                    + "an opinion leader passes on what the package asks (0 = champions teach nothing; calibrate)")
            @Range(min = 0, max = 1) double championTeaching,
            @Doc("Share of a visit's know-how gain that a meeting gives an attending site: a meeting teaches the few "
                    + "staff it sends, who carry it home; a visit teaches the site's own staff in place (1 = alike; calibrate)")
            @Range(min = 0, max = 1) double meetingReach,
            @Doc("Share of the gap between a didactic meeting's reach and a visit's that an interactive meeting closes: "
                    + "reach 1 − (1 − interactiveGain)·(1 − meetingReach) (1 = an interactive meeting teaches as a visit; calibrate)")
            @Range(min = 0, max = 1) double interactiveGain,
            @Doc("How much a practice's complexity (its interaction partners k, practices.interactions) slows learning "
                    + "it at a meeting or visit: the contact's know-how gain is divided by 1 + complexityLoad·k "
                    + "(0 = complexity does not matter; calibrate)")
            @Range(min = 0, max = 5) double complexityLoad) {
    }

    @Doc("Coordination quality (S8)")
    public record Coordination(
            @Doc("Budget scale of Qc = 1 - exp(-budgetPerSite / qcScale)") @Range(min = 0, max = 1e7, minOpen = true) double qcScale) {
    }
}
