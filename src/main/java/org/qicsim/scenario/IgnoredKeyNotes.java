package org.qicsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.qicsim.scenario.Collaborative.Benchmark;
import org.qicsim.scenario.Collaborative.DataUse;
import org.qicsim.scenario.Collaborative.Matching;
import org.qicsim.scenario.Collaborative.MeetingFormat;
import org.qicsim.scenario.Collaborative.SetBy;
import org.qicsim.scenario.Collaborative.Source;
import org.qicsim.scenario.Collaborative.Design;
import org.qicsim.scenario.Collaborative.VisitTargeting;
import org.qicsim.scenario.tree.MapNode;
import org.qicsim.scenario.tree.Node;

/**
 * Notes for keys the user set that the chosen variant ignores (MODEL.md §6, §8: "a key the chosen
 * variant ignores gets a note from validate, not an error"). A key gets a note when it was set in
 * the file, its {@code extends} chain or {@code --set} to a value other than its default (a key set
 * to its default changes nothing either way, and {@code base.yaml} writes every default out), and
 * the variant ignores it in every phase of the {@code schedule}.
 */
final class IgnoredKeyNotes {

    /** A collaborative key ignored when {@code ignored} holds, with the reason given for that collaborative. */
    private record Rule(String path, Predicate<Collaborative> ignored, Function<Collaborative, String> reason) {
    }

    /** A world key (not collaborative.*), ignored when {@code ignored} holds for the scenario. */
    private record WorldRule(String path, Predicate<Scenario> ignored, String reason) {
    }

    private static final String DESIGN = "collaborative.incentives.performance.design";
    private static final String MEETINGS = "collaborative.community.meetingsPerYear";

    private static final List<Rule> RULES = List.of(
            new Rule("collaborative.feedback.target", c -> c.feedback().benchmark() != Benchmark.TARGET,
                    c -> "used only when collaborative.feedback.benchmark is target (it is "
                            + c.feedback().benchmark().yamlName() + ")"),
            new Rule("collaborative.incentives.performance.topFraction", c -> design(c) != Design.TOURNAMENT,
                    c -> "used only when " + DESIGN + " is tournament (it is " + design(c).yamlName() + ")"),
            new Rule("collaborative.incentives.performance.minImprovement",
                    c -> design(c) != Design.IMPROVEMENT && design(c) != Design.HYBRID,
                    c -> "used only when " + DESIGN + " is improvement or hybrid (it is " + design(c).yamlName() + ")"),
            new Rule("collaborative.incentives.performance.lossAversion", c -> design(c) != Design.WITHHOLD,
                    c -> "used only when " + DESIGN + " is withhold (it is " + design(c).yamlName() + ")"),
            new Rule("collaborative.incentives.performance.target",
                    c -> design(c) != Design.THRESHOLD && design(c) != Design.HYBRID && design(c) != Design.WITHHOLD,
                    c -> "used only when " + DESIGN + " is threshold, hybrid or withhold (it is "
                            + design(c).yamlName() + ")"),
            new Rule("collaborative.incentives.performance.share", c -> design(c) == Design.NONE,
                    c -> "unused when " + DESIGN + " is none"),
            new Rule("collaborative.incentives.performance.lagMonths", c -> design(c) == Design.NONE,
                    c -> "unused when " + DESIGN + " is none"),
            new Rule("collaborative.incentives.performance.setBy", c -> design(c) == Design.NONE,
                    c -> "unused when " + DESIGN + " is none"),
            new Rule("collaborative.incentives.performance.indicator", c -> design(c) == Design.NONE,
                    c -> "unused when " + DESIGN + " is none"),
            // Process indicators (MODEL.md §6 S2p, S3p): documentation is recorded and reported only
            // in a design that measures or pays on one.
            new Rule("behaviour.recording.documentationError", c -> !usesProcess(c),
                    c -> processOnly()),
            new Rule("behaviour.gaming.documentationShare", c -> !usesProcess(c), c -> processOnly()),
            new Rule("behaviour.feedback.processActionability",
                    c -> c.measurement().indicator() == Collaborative.Indicator.OUTCOME,
                    c -> "a process report's named missed practices, and collaborative.measurement.indicator is outcome"),
            // An action plan adopts named missed practices only from a process report (MODEL.md S7, ActionPlan).
            new Rule("behaviour.feedback.planFollowThrough",
                    c -> c.measurement().indicator() == Collaborative.Indicator.OUTCOME,
                    c -> "an action plan's adoption of a process report's named missed practices, and "
                            + "collaborative.measurement.indicator is outcome"),
            new Rule("behaviour.feedback.planFollowThrough", c -> !c.coordination().actionPlanning(),
                    c -> "an action plan's adoption of a process report's named missed practices, and "
                            + "collaborative.coordination.actionPlanning is false"),
            // Pay focuses acts on the practices it pays for only under a process indicator (MODEL.md S7, PaidFocus).
            new Rule("behaviour.motivation.paidFocus", c -> design(c) == Design.NONE,
                    c -> "pay on a process indicator, and " + DESIGN + " is none"),
            new Rule("behaviour.motivation.paidFocus",
                    c -> c.incentives().performance().indicator() == Collaborative.Indicator.OUTCOME,
                    c -> "pay on a process indicator, and collaborative.incentives.performance.indicator is outcome"),
            new Rule("collaborative.incentives.salienceShare", c -> design(c) == Design.NONE,
                    c -> "scales only outcome-based pay, and " + DESIGN + " is none"),
            new Rule("collaborative.positiveDeviance.method", c -> !c.positiveDeviance().enabled(), c -> pdOff()),
            // A league table shows ranks only, so no site is ever in class better: funnel PDs never exist.
            new Rule("collaborative.positiveDeviance.method",
                    c -> c.positiveDeviance().method() == Collaborative.PdMethod.FUNNEL
                            && c.feedback().display() == Collaborative.Display.LEAGUE,
                    c -> "method funnel finds no positive deviants under collaborative.feedback.display league, "
                            + "which has ranks and no funnel classes"),
            new Rule("collaborative.positiveDeviance.topFraction", c -> !c.positiveDeviance().enabled(), c -> pdOff()),
            new Rule("collaborative.positiveDeviance.matching", c -> !c.positiveDeviance().enabled(), c -> pdOff()),
            new Rule("collaborative.positiveDeviance.breadth", c -> !c.positiveDeviance().enabled(), c -> pdOff()),
            new Rule("collaborative.positiveDeviance.showcase",
                    c -> !c.positiveDeviance().enabled() || c.community().meetingsPerYear() == 0,
                    c -> c.positiveDeviance().enabled()
                            ? "positive deviants are showcased only at meetings, and " + MEETINGS + " is 0"
                            : pdOff()),
            new Rule("collaborative.incentives.recognitionValue",
                    c -> !c.positiveDeviance().enabled() || !c.positiveDeviance().showcase()
                            || c.community().meetingsPerYear() == 0,
                    c -> "recognition comes only from being showcased at a meeting, which this design never does"),
            new Rule("collaborative.leadership.championProbability", c -> !c.leadership().fundedChampions(),
                    c -> "used only when collaborative.leadership.fundedChampions is true"),
            new Rule("collaborative.leadership.training", c -> c.community().meetingsPerYear() == 0,
                    c -> "training happens at meetings, and " + MEETINGS + " is 0"),
            new Rule("collaborative.incentives.participation.minAttendance",
                    c -> c.incentives().participation().annual() == 0,
                    c -> "used only when collaborative.incentives.participation.annual is above 0"),
            new Rule("collaborative.coordination.budgetPerSite", c -> c.coordination().quality() != null,
                    c -> "collaborative.coordination.quality is set, so budgetPerSite no longer sets Qc; "
                            + "it still counts as a cost"),
            new Rule("collaborative.community.siteVisitTargeting", c -> c.community().siteVisitsPerYear() == 0,
                    c -> "collaborative.community.siteVisitsPerYear is 0"),
            new Rule("collaborative.community.siteVisitsPerYear",
                    c -> c.community().siteVisitTargeting() == VisitTargeting.NONE,
                    c -> "collaborative.community.siteVisitTargeting is none, which makes no visits"),
            new Rule("collaborative.community.crossGroupShare", c -> c.community().regionalGroups() == 1,
                    c -> "with one regional group (collaborative.community.regionalGroups: 1) every meeting is a plenary"),
            new Rule("collaborative.community.buildingInvestment", c -> c.community().meetingsPerYear() == 0,
                    c -> "it speeds tie formation at meetings, and " + MEETINGS + " is 0"),
            // Value-dependent: regional matching looks for deviants in the site's own regional group.
            new Rule("collaborative.positiveDeviance.matching",
                    c -> c.positiveDeviance().matching() == Matching.REGIONAL && c.community().regionalGroups() == 1,
                    c -> "matching regional with one regional group (collaborative.community.regionalGroups: 1) "
                            + "is the same as matching any"),
            // Behaviour keys (lever audit, NoInertLeverTest): mechanisms the collaborative's design switches off.
            new Rule("behaviour.effort.burdenWeight", c -> c.coordination().abstractionFunded(), c -> unfundedOnly()),
            new Rule("behaviour.feedback.intBurden", c -> c.coordination().abstractionFunded(), c -> unfundedOnly()),
            new Rule("behaviour.recording.claimsSensitivity", c -> c.measurement().source() != Source.CLAIMS,
                    c -> claimsOnly()),
            new Rule("behaviour.recording.claimsSpecificity", c -> c.measurement().source() != Source.CLAIMS,
                    c -> claimsOnly()),
            new Rule("behaviour.recording.claimsRiskError", c -> c.measurement().source() != Source.CLAIMS,
                    c -> claimsOnly()),
            new Rule("behaviour.recording.registrySensitivity", c -> c.measurement().source() != Source.REGISTRY,
                    c -> registryOnly()),
            new Rule("behaviour.recording.registrySpecificity", c -> c.measurement().source() != Source.REGISTRY,
                    c -> registryOnly()),
            new Rule("behaviour.recording.registryRiskError", c -> c.measurement().source() != Source.REGISTRY,
                    c -> registryOnly()),
            new Rule("behaviour.gaming.publicStake", c -> !c.incentives().publicReporting(),
                    c -> "the stake of public reporting, and collaborative.incentives.publicReporting is false"),
            new Rule("behaviour.community.buildingFactor",
                    c -> !c.community().buildingInvestment() || c.community().meetingsPerYear() == 0,
                    c -> "it multiplies tie formation at meetings only with collaborative.community.buildingInvestment "
                            + "true and meetings held"),
            // Package know-how (MODEL.md §6 S10) comes only from meetings attended and visits received.
            new Rule("collaborative.coordination.socialisationRate", c -> !contacts(c), c -> noContacts()),
            // ... and from an enlisted champion's teaching (§10 items 67, 70).
            new Rule("behaviour.community.knowHowDecay",
                    c -> (!contacts(c) || c.coordination().socialisationRate() == 0)
                            && !c.leadership().enlistsChampions(),
                    c -> "no package know-how is ever gained (no meeting or visit teaches: "
                            + (contacts(c) ? "collaborative.coordination.socialisationRate is 0" : "there are none")
                            + "; no champion is enlisted), so none fades"),
            // An interactive meeting's reach is 1 − (1 − interactiveGain)·(1 − meetingReach): it reads meetingReach too.
            new Rule("behaviour.community.meetingReach", c -> c.community().meetingsPerYear() == 0,
                    c -> "it scales what a meeting teaches, and " + MEETINGS + " is 0"),
            new Rule("behaviour.community.interactiveGain",
                    c -> c.community().meetingsPerYear() == 0 || c.community().meetingFormat() == MeetingFormat.DIDACTIC,
                    c -> c.community().meetingsPerYear() == 0 ? "it scales what a meeting teaches, and " + MEETINGS + " is 0"
                            : "it scales what an interactive meeting teaches, and collaborative.community.meetingFormat is "
                                    + "didactic"),
            new Rule("collaborative.community.meetingFormat", c -> c.community().meetingsPerYear() == 0,
                    c -> MEETINGS + " is 0"),
            new Rule("behaviour.community.complexityLoad", c -> !contacts(c), c -> noContacts()),
            new Rule("behaviour.community.championTeaching",
                    c -> !c.leadership().enlistsChampions(),
                    c -> "only a champion the collaborative enlists teaches its package, and it neither funds "
                            + "champions (collaborative.leadership.fundedChampions) nor trains them (training)"),
            new Rule("collaborative.leadership.clinicalLeadCredibility", c -> !c.leadership().clinicianLed(),
                    c -> "the credibility of the clinical lead, and collaborative.leadership.clinicianLed is false"),
            new Rule("behaviour.effort.sourceWeight", c -> !c.leadership().clinicianLed(),
                    c -> "it weighs a clinician-led source's gap, and collaborative.leadership.clinicianLed is false"),
            // Controlling = s_inc·(1 − Voice)·(…) + [punitive] (MODEL.md §6 S6) is 0 in such a design.
            new Rule("behaviour.motivation.crowdOut",
                    c -> (design(c) == Design.NONE || c.incentives().performance().share() == 0
                            || c.incentives().performance().setBy() == SetBy.CLINICIANS)
                            && c.community().dataUse() != DataUse.PUNITIVE,
                    c -> "nothing in this design is controlling (no payer-set outcome pay, data use not punitive)"));

    private static final List<WorldRule> WORLD_RULES = List.of(
            new WorldRule("sites.enrolment.base", s -> !s.sites().enrolment().enabled(),
                    "used only when sites.enrolment.enabled is true"),
            new WorldRule("sites.enrolment.peerShare", s -> !s.sites().enrolment().enabled(),
                    "used only when sites.enrolment.enabled is true"),
            new WorldRule("sites.selection", s -> s.sites().initialMembership() == 1.0,
                    "every site is a member at startMonth (sites.initialMembership is 1), so there is nothing to select"));

    private IgnoredKeyNotes() {
    }

    static List<Problem> of(MapNode merged, Scenario scenario, List<CollaborativePhase> phases) {
        List<Problem> notes = new ArrayList<>();
        for (KeySpec spec : ScenarioSchema.all()) {
            Node node = merged.at(spec.path());
            if (node == null || node.location().file().equals(BundledDefaults.FILE)
                    || Objects.equals(RecordBinder.get(scenario, spec.path()), spec.defaultValue())) {
                continue;
            }
            String reason = reason(spec.path(), scenario, phases);
            if (reason != null) {
                notes.add(Problem.note(node.location(), spec.path(), "ignored: " + reason));
            }
        }
        for (String path : List.of(INDICATOR, PAID_INDICATOR)) {
            Node node = merged.at(path);
            if (node != null && !node.location().file().equals(BundledDefaults.FILE)
                    && phases.stream().allMatch(p -> countsNothing(p.collaborative(), path))
                    && phases.stream().anyMatch(p -> indicatorAt(p.collaborative(), path) != Collaborative.Indicator.OUTCOME)) {
                notes.add(Problem.note(node.location(), path, "a process indicator with no declared practices "
                        + "(collaborative.measurement.declaredPractices: none) counts nothing, so it measures nobody, "
                        + "until the change package advises a practice"));
            }
        }
        return notes;
    }

    /**
     * Why {@code validate} would call the key ignored in this scenario (whatever its value was set
     * from), or empty when some phase of the scenario reads it. The lever audit
     * ({@code NoInertLeverTest}) uses it to pick, by rule, a scenario where a key applies.
     */
    static Optional<String> whyIgnored(String path, ResolvedScenario resolved) {
        return Optional.ofNullable(reason(path, resolved.scenario(), resolved.collaborativePhases()));
    }

    /** Why the key is ignored in every phase, or null when some phase reads it. */
    private static String reason(String path, Scenario scenario, List<CollaborativePhase> phases) {
        for (WorldRule rule : WORLD_RULES) {
            if (rule.path().equals(path) && rule.ignored().test(scenario)) {
                return rule.reason();
            }
        }
        boolean behaviour = path.startsWith("behaviour.");
        if (!behaviour && (!path.startsWith("collaborative.") || path.equals("collaborative.enabled"))) {
            return null;
        }
        if (!behaviour && phases.stream().noneMatch(p -> p.collaborative().enabled())) {
            return "the collaborative is disabled (collaborative.enabled: false)";
        }
        for (Rule rule : RULES) {
            if (rule.path().equals(path) && phases.stream().allMatch(p -> rule.ignored().test(p.collaborative()))) {
                String reason = rule.reason().apply(phases.get(0).collaborative());
                return phases.size() > 1 ? reason + ", in every phase of the schedule" : reason;
            }
        }
        return null;
    }

    private static final String INDICATOR = "collaborative.measurement.indicator";
    private static final String PAID_INDICATOR = "collaborative.incentives.performance.indicator";

    private static Collaborative.Indicator indicatorAt(Collaborative c, String path) {
        return path.equals(INDICATOR) ? c.measurement().indicator() : c.incentives().performance().indicator();
    }

    private static boolean countsNothing(Collaborative c, String path) {
        return indicatorAt(c, path) == Collaborative.Indicator.OUTCOME
                || c.measurement().declaredPractices() == Collaborative.DeclaredPractices.NONE;
    }

    private static boolean usesProcess(Collaborative c) {
        return c.measurement().indicator() != Collaborative.Indicator.OUTCOME
                || c.incentives().performance().indicator() != Collaborative.Indicator.OUTCOME;
    }

    private static String processOnly() {
        return "used only with a process indicator (collaborative.measurement.indicator or "
                + "collaborative.incentives.performance.indicator process or both)";
    }

    private static Design design(Collaborative c) {
        return c.incentives().performance().design();
    }

    /** Whether the design holds meetings or makes site visits (the contacts that carry know-how, S10). */
    private static boolean contacts(Collaborative c) {
        return c.community().meetingsPerYear() > 0
                || (c.community().siteVisitsPerYear() > 0 && c.community().siteVisitTargeting() != VisitTargeting.NONE);
    }

    private static String noContacts() {
        return "it is the know-how a meeting or site visit gives, and this design has neither";
    }

    private static String unfundedOnly() {
        return "the burden of unfunded abstraction, and collaborative.coordination.abstractionFunded is true";
    }

    private static String claimsOnly() {
        return "used only when collaborative.measurement.source is claims";
    }

    private static String registryOnly() {
        return "used only when collaborative.measurement.source is registry";
    }

    private static String pdOff() {
        return "unused while collaborative.positiveDeviance.enabled is false";
    }
}
