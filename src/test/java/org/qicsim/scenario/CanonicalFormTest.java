package org.qicsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CanonicalFormTest {

    @TempDir
    Path dir;

    private ResolvedScenario load(String name, String yaml, KeyOverride... overrides) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return ScenarioLoader.load(file, List.of(overrides));
    }

    @Test
    void reorderedKeysGiveTheSameCanonicalFormAndHash() throws Exception {
        ResolvedScenario a = load("a.yaml", """
                name: s
                seed: 5
                sites: {count: 40, volume: {median: 20, spread: 1}}
                collaborative: {feedback: {display: league, everyMonths: 6}}
                schedule:
                  - {fromMonth: 24, set: {collaborative.feedback.display: funnel, collaborative.enabled: false}}
                  - {fromMonth: 12, set: {collaborative.feedback.target: 0.1}}
                """);
        ResolvedScenario b = load("b.yaml", """
                collaborative:
                  feedback:
                    everyMonths: 6
                    display: league
                sites:
                  volume: {spread: 1.0, median: 20.0}
                  count: 40
                seed: 5
                name: s
                schedule:
                  - {fromMonth: 12, set: {collaborative.feedback.target: 0.1}}
                  - {set: {collaborative.enabled: false, collaborative.feedback.display: funnel}, fromMonth: 24}
                """);
        assertThat(b.canonicalYaml()).isEqualTo(a.canonicalYaml());
        assertThat(b.sha256()).isEqualTo(a.sha256());
    }

    @Test
    void writingTheDefaultsOutExplicitlyChangesNothing() throws Exception {
        ResolvedScenario explicit = load("explicit.yaml", ScenarioLoader.defaults().canonicalYaml());
        ResolvedScenario empty = load("empty.yaml", "name: scenario\n");
        assertThat(explicit.sha256()).isEqualTo(ScenarioLoader.defaults().sha256()).isEqualTo(empty.sha256());
        assertThat(explicit.worldSha256()).isEqualTo(empty.worldSha256());
    }

    @Test
    void baseYamlWritesEveryDefaultOut() throws Exception {
        ResolvedScenario base = ScenarioLoader.load(Path.of("scenarios/base.yaml"), List.of());
        ResolvedScenario renamed = load("d.yaml", "name: base\ndescription: \"Every key at its default value\"\n");
        assertThat(base.sha256()).isEqualTo(renamed.sha256());
        assertThat(base.worldSha256()).isEqualTo(ScenarioLoader.defaults().worldSha256());
    }

    @Test
    void canonicalYamlLoadsBackToTheSameScenarioAndHash() throws Exception {
        ResolvedScenario original = load("o.yaml", """
                name: round.trip-1
                description: "quotes \\" backslash \\\\ tab \\t unicode é ✓ newline \\n end"
                seed: -9007199254740993
                sites: {baselineRate: 0.131, heterogeneity: 0.30000000000000004, qiBudget: 1e7}
                collaborative: {feedback: {target: 0.085}, coordination: {quality: 0.5}}
                behaviour: {coordination: {qcScale: 1e7}}
                schedule:
                  - {fromMonth: 36, set: {collaborative.incentives.performance.design: none,
                     collaborative.coordination.quality: null}}
                """);
        Path resolved = dir.resolve("scenario.resolved.yaml");
        Files.writeString(resolved, original.canonicalYaml());
        ResolvedScenario again = ScenarioLoader.load(resolved, List.of());
        assertThat(again.scenario()).isEqualTo(original.scenario());
        assertThat(again.canonicalYaml()).isEqualTo(original.canonicalYaml());
        assertThat(again.sha256()).isEqualTo(original.sha256());
        assertThat(again.worldSha256()).isEqualTo(original.worldSha256());
        assertThat(again.collaborativePhases()).isEqualTo(original.collaborativePhases());
    }

    @Test
    void canonicalFormHasEveryKeyInDeclarationOrderWithCanonicalScalars() {
        String yaml = ScenarioLoader.defaults().canonicalYaml();
        assertThat(yaml).startsWith("name: \"scenario\"\ndescription: \"\"\nseed: 20231201\nreplications: 30\n"
                + "horizonMonths: 48\nstartMonth: 12\nsites:\n  count: 60\n  baselineRate: 0.13\n");
        assertThat(yaml).contains("\n    benchmark: topDecile\n    target: null\n");
        assertThat(yaml).contains("\n  qiBudget: 100000.0\n").contains("\nschedule: []\n");
        assertThat(yaml).doesNotContain("extends");
        for (KeySpec key : ScenarioSchema.all()) {
            String last = key.path().substring(key.path().lastIndexOf('.') + 1);
            assertThat(yaml).as(key.path()).contains(last + ":");
        }
        assertThat(yaml.lines().count()).isEqualTo(ScenarioSchema.all().size() + sectionCount());
    }

    /** Sections are the proper prefixes of key paths; each gets one header line. */
    private static long sectionCount() {
        java.util.Set<String> sections = new java.util.TreeSet<>();
        for (KeySpec key : ScenarioSchema.all()) {
            for (int dot = key.path().indexOf('.'); dot >= 0; dot = key.path().indexOf('.', dot + 1)) {
                sections.add(key.path().substring(0, dot));
            }
        }
        assertThat(sections).allMatch(ScenarioSchema::isSection);
        return sections.size();
    }

    @Test
    void canonicalScheduleIsInMonthOrderWithKeysInDeclarationOrder() throws Exception {
        ResolvedScenario r = load("s.yaml", """
                schedule:
                  - {fromMonth: 36, set: {collaborative.feedback.display: league, collaborative.enabled: false}}
                  - {fromMonth: 24, set: {collaborative.feedback.target: 0.1}}
                """);
        assertThat(r.canonicalYaml()).contains("""
                schedule:
                  - fromMonth: 24
                    set:
                      collaborative.feedback.target: 0.1
                  - fromMonth: 36
                    set:
                      collaborative.enabled: false
                      collaborative.feedback.display: league
                behaviour:
                """);
    }

    @Test
    void worldIsEverythingTheCounterfactualReads() {
        String world = ScenarioLoader.defaults().worldCanonicalYaml();
        assertThat(world).startsWith("horizonMonths: 48\nstartMonth: 12\nsites:\n");
        assertThat(world).contains("\npractices:\n", "\nenvironment:\n", "\ncosts:\n", "\nbehaviour:\n");
        assertThat(world).doesNotContain("name:", "description:", "seed:", "replications:", "collaborative",
                "schedule", "extends");
        assertThat(world).endsWith("""
                behaviour:
                  effort:
                    intercept: -3.34
                    motivationWeight: 2.0
                    championWeight: 1.0
                    fallRate: 0.4
                  learning:
                    fidelityGain: 0.804
                    fidelityDecay: 0.0198
                    fidelityChampion: 2.21
                    routineMonths: 12
                    routineProtection: 0.5
                    abandonFidelity: 0.25
                  community:
                    vacancyMonths: 6
                    successorLeadershipA: 2.0
                    successorLeadershipB: 3.0
                    championInfluenceRate: 0.976
                """);
    }

    @Test
    void worldHashIgnoresIdentityCollaborativeScheduleAndNonWorldBehaviour() throws Exception {
        String world = load("a.yaml", "name: a\n").worldSha256();
        assertThat(load("b.yaml", """
                name: b
                description: other
                seed: 1
                replications: 2
                collaborative: {enabled: false, feedback: {display: league}}
                schedule: [{fromMonth: 24, set: {collaborative.enabled: true}}]
                behaviour: {feedback: {intBase: 2}, gaming: {stake: 1}, effort: {gapWeight: 3}}
                """).worldSha256()).isEqualTo(world);
        assertThat(load("c.yaml", "sites: {count: 61}\n").worldSha256()).isNotEqualTo(world);
        assertThat(load("d.yaml", "behaviour: {effort: {intercept: -1}}\n").worldSha256()).isNotEqualTo(world);
        assertThat(load("e.yaml", "behaviour: {community: {vacancyMonths: 7}}\n").worldSha256()).isNotEqualTo(world);
        assertThat(load("f.yaml", "costs: {perAdverseEvent: 1}\n").worldSha256()).isNotEqualTo(world);
        assertThat(load("g.yaml", "startMonth: 24\n").worldSha256()).isNotEqualTo(world);
        assertThat(load("h.yaml", "horizonMonths: 60\n").worldSha256()).isNotEqualTo(world);
    }

    @Test
    void theScenarioHashSeesEveryKeyIncludingSeedAndOverrides() throws Exception {
        String hash = load("a.yaml", "name: a\n").sha256();
        assertThat(load("b.yaml", "name: a\nseed: 1\n").sha256()).isNotEqualTo(hash);
        assertThat(load("c.yaml", "name: a\n", KeyOverride.of("replications", 31, "--reps")).sha256())
                .isNotEqualTo(hash);
        assertThat(load("d.yaml", "name: a\nbehaviour: {feedback: {intBase: 0.6}}\n").sha256()).isNotEqualTo(hash);
    }

    @Test
    void bundledScenariosShareOneWorld() throws Exception {
        ResolvedScenario michigan = ScenarioLoader.load(Path.of("scenarios/michigan-cqi.yaml"), List.of());
        ResolvedScenario feedbackOnly = ScenarioLoader.load(Path.of("scenarios/registry-feedback-only.yaml"), List.of());
        ResolvedScenario none = ScenarioLoader.load(Path.of("scenarios/no-collaborative.yaml"), List.of());
        assertThat(feedbackOnly.worldSha256()).isEqualTo(michigan.worldSha256());
        assertThat(none.worldSha256()).isEqualTo(michigan.worldSha256());
        assertThat(List.of(michigan.sha256(), feedbackOnly.sha256(), none.sha256())).doesNotHaveDuplicates();
        ResolvedScenario fewerSites = ScenarioLoader.load(Path.of("scenarios/michigan-cqi.yaml"),
                List.of(KeyOverride.parseSet("sites.count=59", 1)));
        assertThat(fewerSites.worldSha256()).isNotEqualTo(michigan.worldSha256());
    }

    @Test
    void hashesAreSha256OfTheCanonicalText() {
        ResolvedScenario r = ScenarioLoader.defaults();
        assertThat(r.sha256()).isEqualTo(CanonicalYaml.sha256(r.canonicalYaml()));
        assertThat(r.worldSha256()).isEqualTo(CanonicalYaml.sha256(r.worldCanonicalYaml()));
        assertThat(CanonicalYaml.sha256("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
