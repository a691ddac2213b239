package org.qicsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IgnoredKeyNotesTest {

    @TempDir
    Path dir;

    private List<Problem> notes(String yaml, KeyOverride... overrides) throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, yaml);
        List<Problem> notes = ScenarioLoader.load(file, List.of(overrides)).notes();
        assertThat(notes).allMatch(n -> n.severity() == Problem.Severity.NOTE);
        return notes;
    }

    @Test
    void targetIsNotedWhenTheBenchmarkIsNotTarget() throws Exception {
        List<Problem> notes = notes("collaborative:\n  feedback: {benchmark: mean, target: 0.1}\n");
        assertThat(notes).extracting(Problem::format).containsExactly("note: " + dir.resolve("s.yaml")
                + ":2:39: collaborative.feedback.target: ignored: used only when collaborative.feedback.benchmark "
                + "is target (it is mean)");
        assertThat(notes("collaborative:\n  feedback: {benchmark: target, target: 0.1}\n")).isEmpty();
    }

    @Test
    void funnelDeviantsUnderALeagueTableAreNoted() throws Exception {
        assertThat(notes("collaborative: {positiveDeviance: {method: funnel}, feedback: {display: league}}\n"))
                .extracting(Problem::path).containsExactly("collaborative.positiveDeviance.method");
        assertThat(notes("collaborative: {positiveDeviance: {method: funnel}}\n")).isEmpty();
    }

    @Test
    void performanceKeysAreNotedByDesign() throws Exception {
        String keys = "{topFraction: 0.3, minImprovement: 0.01, lossAversion: 3, share: 0.05, setBy: payer}";
        assertThat(notes("collaborative: {incentives: {performance: " + keys.replace("{", "{design: threshold, ") + "}}\n"))
                .extracting(Problem::path).containsExactly(
                        "collaborative.incentives.performance.topFraction",
                        "collaborative.incentives.performance.minImprovement",
                        "collaborative.incentives.performance.lossAversion");
        assertThat(notes("collaborative: {incentives: {performance: " + keys.replace("{", "{design: tournament, ") + "}}\n"))
                .extracting(Problem::path).containsExactly(
                        "collaborative.incentives.performance.minImprovement",
                        "collaborative.incentives.performance.lossAversion");
        assertThat(notes("collaborative: {incentives: {performance: " + keys.replace("{", "{design: none, ") + "}}\n"))
                .extracting(Problem::path).containsExactly(
                        "collaborative.incentives.performance.topFraction",
                        "collaborative.incentives.performance.minImprovement",
                        "collaborative.incentives.performance.lossAversion",
                        "collaborative.incentives.performance.share",
                        "collaborative.incentives.performance.setBy");
    }

    @Test
    void positiveDevianceEnrolmentChampionsAndAttendance() throws Exception {
        List<Problem> notes = notes("""
                sites: {enrolment: {enabled: false, base: -2, peerShare: 1}}
                collaborative:
                  positiveDeviance: {enabled: false, method: crude, breadth: 5}
                  leadership: {fundedChampions: false, championProbability: 0.5}
                  incentives: {participation: {annual: 0, minAttendance: 0.9}}
                """);
        assertThat(notes).extracting(Problem::path).containsExactly(
                "sites.enrolment.base", "sites.enrolment.peerShare",
                "collaborative.positiveDeviance.method", "collaborative.positiveDeviance.breadth",
                "collaborative.leadership.championProbability",
                "collaborative.incentives.participation.minAttendance");
    }

    @Test
    void budgetPerSiteIsNotedWhenQualityIsSet() throws Exception {
        List<Problem> notes = notes("collaborative: {coordination: {budgetPerSite: 50000, quality: 0.9}}\n");
        assertThat(notes).singleElement().satisfies(n -> {
            assertThat(n.path()).isEqualTo("collaborative.coordination.budgetPerSite");
            assertThat(n.message()).contains("no longer sets Qc").contains("cost");
        });
    }

    @Test
    void everyCollaborativeKeyIsNotedWhenTheCollaborativeIsDisabled() throws Exception {
        List<Problem> notes = notes("""
                collaborative:
                  enabled: false
                  feedback: {everyMonths: 6}
                  community: {meetingsPerYear: 4}
                """);
        assertThat(notes).extracting(Problem::path)
                .containsExactly("collaborative.feedback.everyMonths", "collaborative.community.meetingsPerYear");
        assertThat(notes).allMatch(n -> n.message().contains("collaborative is disabled"));
    }

    @Test
    void aScheduleThatEnablesTheCollaborativeLaterSilencesThatNote() throws Exception {
        assertThat(notes("""
                collaborative: {enabled: false, feedback: {everyMonths: 6}}
                schedule: [{fromMonth: 24, set: {collaborative.enabled: true}}]
                """)).isEmpty();
    }

    @Test
    void aKeyReadInSomePhaseOfTheScheduleIsNotNoted() throws Exception {
        assertThat(notes("""
                collaborative: {incentives: {performance: {topFraction: 0.3}}}
                schedule: [{fromMonth: 36, set: {collaborative.incentives.performance.design: tournament}}]
                """)).isEmpty();
    }

    @Test
    void keysSetToTheirDefaultOrLeftToDefaultsAreNotNoted() throws Exception {
        assertThat(notes("collaborative: {positiveDeviance: {enabled: false, method: shrunk}}\n")).isEmpty();
    }

    @Test
    void notesFromSetAreLocatedAtTheOption() throws Exception {
        List<Problem> notes = notes("name: s\n", KeyOverride.parseSet("sites.selection=1", 1));
        assertThat(notes).extracting(Problem::format).containsExactly("note: --set #1:1:17: sites.selection: ignored: "
                + "every site is a member at startMonth (sites.initialMembership is 1), so there is nothing to select");
    }

    @Test
    void regionalMatchingWithOneRegionalGroupIsNoted() throws Exception {
        assertThat(notes("collaborative: {positiveDeviance: {matching: regional}}\n")).extracting(Problem::message)
                .containsExactly("ignored: matching regional with one regional group "
                        + "(collaborative.community.regionalGroups: 1) is the same as matching any");
        assertThat(notes("collaborative: {positiveDeviance: {matching: regional}, community: {regionalGroups: 3}}\n"))
                .isEmpty();
        assertThat(notes("collaborative: {positiveDeviance: {matching: similar}}\n")).isEmpty();
    }

    @Test
    void behaviourKeysOfMechanismsTheDesignSwitchesOffAreNoted() throws Exception {
        String behaviour = """
                behaviour:
                  effort: {burdenWeight: 2}
                  feedback: {intBurden: 2}
                  recording: {claimsSensitivity: 0.5, claimsSpecificity: 0.9, claimsRiskError: 1, registrySensitivity: 0.9}
                  gaming: {publicStake: 1}
                  community: {buildingFactor: 2}
                  motivation: {crowdOut: 0.1}
                """;
        // The defaults: abstraction funded, registry data, no public reporting, no building
        // investment, clinician-set pay and formative data use.
        assertThat(notes(behaviour)).extracting(Problem::path).containsExactly(
                "behaviour.effort.burdenWeight", "behaviour.feedback.intBurden",
                "behaviour.recording.claimsSensitivity", "behaviour.recording.claimsSpecificity",
                "behaviour.recording.claimsRiskError",
                "behaviour.gaming.publicStake", "behaviour.community.buildingFactor",
                "behaviour.motivation.crowdOut");
        String design = """
                collaborative:
                  measurement: {source: claims}
                  coordination: {abstractionFunded: false}
                  incentives: {publicReporting: true, performance: {setBy: payer}}
                  community: {buildingInvestment: true}
                """;
        assertThat(notes(design + behaviour)).extracting(Problem::path)
                .containsExactly("behaviour.recording.registrySensitivity");
        assertThat(notes("collaborative: {community: {dataUse: punitive}}\nbehaviour: {motivation: {crowdOut: 0.1}}\n"))
                .isEmpty();
    }

    @Test
    void knowHowKeysAreNotedWhereNothingTeachesThem() throws Exception {
        String behaviour = "behaviour: {community: {meetingReach: 0.3, complexityLoad: 0.5, championTeaching: 0.2, "
                + "knowHowDecay: 0.1}}\n";
        // The defaults: interactive meetings (whose reach builds on meetingReach), funded and trained champions,
        // meetings and visits held: every key applies.
        assertThat(notes(behaviour)).isEmpty();
        assertThat(notes("collaborative: {community: {meetingFormat: didactic}}\n" + behaviour)).isEmpty();
        // interactiveGain is for interactive meetings.
        assertThat(notes("collaborative: {community: {meetingFormat: didactic}}\n"
                + "behaviour: {community: {interactiveGain: 0.5}}\n")).extracting(Problem::path)
                .containsExactly("behaviour.community.interactiveGain");
        assertThat(notes("behaviour: {community: {interactiveGain: 0.5}}\n")).isEmpty();
        // No meeting, no visit and no enlisted champion: nothing teaches the package, so nothing fades either.
        String nothing = """
                collaborative:
                  community: {meetingsPerYear: 0, siteVisitsPerYear: 0, meetingFormat: didactic}
                  leadership: {fundedChampions: false, training: false}
                """;
        // (training, set false here, is noted as before: it happens at meetings.)
        assertThat(notes(nothing + behaviour)).extracting(Problem::path).containsExactlyInAnyOrder(
                "collaborative.community.meetingFormat", "collaborative.leadership.training",
                "behaviour.community.knowHowDecay", "behaviour.community.championTeaching",
                "behaviour.community.meetingReach", "behaviour.community.complexityLoad");
        // A funded champion teaches: know-how is gained, so its fading applies.
        assertThat(notes(nothing.replace("fundedChampions: false", "fundedChampions: true") + behaviour))
                .extracting(Problem::path).containsExactlyInAnyOrder("collaborative.community.meetingFormat",
                        "collaborative.leadership.training",
                        "behaviour.community.meetingReach", "behaviour.community.complexityLoad");
    }

    @Test
    void theClinicalLeadsCredibilityIsNotedWithoutAClinicalLead() throws Exception {
        assertThat(notes("collaborative: {leadership: {clinicianLed: false, clinicalLeadCredibility: 0.5}}\n"))
                .extracting(Problem::path).containsExactly("collaborative.leadership.clinicalLeadCredibility");
        assertThat(notes("collaborative: {leadership: {clinicianLed: true, clinicalLeadCredibility: 0.5}}\n")).isEmpty();
    }
}
