package org.qicsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qicsim.scenario.Collaborative.Benchmark;
import org.qicsim.scenario.Collaborative.Design;
import org.qicsim.scenario.Collaborative.Display;

class ScenarioLoaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static ResolvedScenario load(Path file, KeyOverride... overrides) throws ScenarioException {
        return ScenarioLoader.load(file, List.of(overrides));
    }

    @Test
    void defaultsComeFromDefaultsYaml() {
        Scenario s = ScenarioLoader.defaults().scenario();
        assertThat(s.name()).isEqualTo("scenario");
        assertThat(s.sites().baselineRate()).isEqualTo(0.13);
        assertThat(s.collaborative().feedback().benchmark()).isEqualTo(Benchmark.TOP_DECILE);
        assertThat(s.collaborative().feedback().target()).isNull();
        assertThat(s.behaviour().community().successorLeadershipB()).isEqualTo(3.0);
        assertThat(s.schedule()).isEmpty();
        for (KeySpec key : ScenarioSchema.all()) {
            assertThat(RecordBinder.get(s, key.path())).as(key.path()).isEqualTo(key.defaultValue());
        }
    }

    /**
     * A chain parsed once loads, for every override list, what {@code load(file, overrides)} gives:
     * the same canonical scenario and notes, and the file's own errors reported together with the
     * overrides' (a simulated review loads its arms this way, once per trial).
     */
    @Test
    void aChainParsedOnceLoadsAsTheFileDoes() throws Exception {
        write("grand.yaml", "sites: {count: 10, volume: {median: 12}}\n");
        Path child = write("sub/child.yaml", "name: child\nextends: ../grand.yaml\nsites: {count: 30}\n");
        ScenarioLoader.Chain chain = ScenarioLoader.chain(child);
        for (List<KeyOverride> overrides : List.of(List.<KeyOverride>of(), List.of(KeyOverride.parseSet("sites.count=40", 1)),
                List.of(KeyOverride.parseSet("collaborative.feedback.everyMonths=6", 1),
                        KeyOverride.parseSet("sites.volume.median=50", 2)))) {
            ResolvedScenario once = chain.load(overrides);
            ResolvedScenario each = ScenarioLoader.load(child, overrides);
            assertThat(once.canonicalYaml()).isEqualTo(each.canonicalYaml());
            assertThat(once.notes()).isEqualTo(each.notes());
        }
        assertThat(chain.load(List.of(KeyOverride.parseSet("sites.count=40", 1))).scenario().sites().count()).isEqualTo(40);

        Path bad = write("bad.yaml", "name: bad\nsites: {count: -3}\n");
        ScenarioLoader.Chain badChain = ScenarioLoader.chain(bad);
        List<KeyOverride> badOverride = List.of(KeyOverride.parseSet("sites.volume.median=-1", 1));
        String viaChain = catchThrowableOfType(ScenarioException.class,
                () -> badChain.load(badOverride)).format();
        String viaFile = catchThrowableOfType(ScenarioException.class,
                () -> ScenarioLoader.load(bad, badOverride)).format();
        assertThat(viaChain).isEqualTo(viaFile).contains("bad.yaml:2").contains("sites.volume.median");
    }

    @Test
    void mergeOrderIsDefaultsThenExtendsChainThenFileThenOverrides() throws Exception {
        write("grand.yaml", "sites: {count: 10, heterogeneity: 0.5, volume: {median: 12}}\n");
        write("sub/parent.yaml", "extends: ../grand.yaml\nsites: {count: 20, volume: {spread: 1.1}}\n");
        Path child = write("sub/child.yaml", "name: child\nextends: parent.yaml\nsites: {count: 30}\n");
        Scenario s = load(child).scenario();
        assertThat(s.sites().count()).isEqualTo(30);
        assertThat(s.sites().heterogeneity()).isEqualTo(0.5);
        assertThat(s.sites().volume().median()).isEqualTo(12.0);
        assertThat(s.sites().volume().spread()).isEqualTo(1.1);
        assertThat(s.sites().qiBudget()).isEqualTo(100000.0);
        Scenario overridden = load(child, KeyOverride.parseSet("sites.count=40", 1),
                KeyOverride.parseSet("sites.count=50", 2)).scenario();
        assertThat(overridden.sites().count()).isEqualTo(50);
    }

    @Test
    void listsReplaceRatherThanMerge() throws Exception {
        write("parent.yaml", "schedule:\n  - {fromMonth: 24, set: {collaborative.feedback.display: league}}\n"
                + "  - {fromMonth: 30, set: {collaborative.feedback.display: funnel99}}\n");
        Path child = write("child.yaml", "extends: parent.yaml\n"
                + "schedule:\n  - {fromMonth: 36, set: {collaborative.incentives.performance.design: none}}\n");
        assertThat(load(child).scenario().schedule()).containsExactly(
                new ScheduleEntry(36, Map.of("collaborative.incentives.performance.design", Design.NONE)));
    }

    @Test
    void setValuesAreYamlAndMayBeMappings() throws Exception {
        Path file = write("s.yaml", "name: s\n");
        Scenario s = load(file,
                KeyOverride.parseSet("sites.volume={median: 10, spread: 1.2}", 1),
                KeyOverride.parseSet("collaborative.feedback.target=0.1", 2),
                KeyOverride.parseSet("collaborative.feedback.display=league", 3),
                KeyOverride.parseSet("description=a=b", 4)).scenario();
        assertThat(s.sites().volume()).isEqualTo(new Sites.Volume(10.0, 1.2));
        assertThat(s.collaborative().feedback().target()).isEqualTo(0.1);
        assertThat(s.collaborative().feedback().display()).isEqualTo(Display.LEAGUE);
        assertThat(s.description()).isEqualTo("a=b");
    }

    @Test
    void typedOverridesForSeedAndReplications() throws Exception {
        Path file = write("s.yaml", "name: s\n");
        ResolvedScenario r = load(file, KeyOverride.of("seed", 7L, "--seed"),
                KeyOverride.of("replications", 3, "--reps"),
                KeyOverride.of("description", "with \"quotes\"", "--description"),
                KeyOverride.of("collaborative.feedback.display", Display.LEAGUE, "--display"));
        assertThat(r.scenario().seed()).isEqualTo(7L);
        assertThat(r.scenario().replications()).isEqualTo(3);
        assertThat(r.scenario().description()).isEqualTo("with \"quotes\"");
        assertThat(r.scenario().collaborative().feedback().display()).isEqualTo(Display.LEAGUE);
        ScenarioException e = catchThrowableOfType(ScenarioException.class,
                () -> load(file, KeyOverride.of("replications", 0, "--reps")));
        assertThat(e.format()).isEqualTo("--reps:1:1: replications: 0 is out of range (valid: [1, 1000000])");
    }

    @Test
    void integerKeysAcceptWholeFloats() throws Exception {
        Path file = write("s.yaml", "sites: {count: 40.0}\n");
        assertThat(load(file).scenario().sites().count()).isEqualTo(40);
    }

    @Test
    void jsonFilesLoad() throws Exception {
        Path file = write("s.json", "{\"name\": \"j\", \"sites\": {\"count\": 12}, \"collaborative\": {\"enabled\": false}}");
        Scenario s = load(file).scenario();
        assertThat(s.sites().count()).isEqualTo(12);
        assertThat(s.collaborative().enabled()).isFalse();
    }

    @Test
    void scheduleIsBoundAndPhasesApplyCumulativelyInMonthThenFileOrder() throws Exception {
        Path file = write("s.yaml", """
                schedule:
                  - fromMonth: 36
                    set: {collaborative.incentives.performance.design: none}
                  - fromMonth: 24
                    set: {collaborative.feedback.display: league, collaborative.feedback.target: 0.1}
                  - fromMonth: 36
                    set: {collaborative.feedback.display: funnel99}
                  - fromMonth: 24
                    set: {collaborative.feedback.display: funnel99}
                """);
        ResolvedScenario r = load(file);
        assertThat(r.scenario().schedule()).extracting(ScheduleEntry::fromMonth).containsExactly(24, 24, 36, 36);
        assertThat(r.scenario().schedule().get(0).set()).containsExactly(
                Map.entry("collaborative.feedback.display", Display.LEAGUE),
                Map.entry("collaborative.feedback.target", 0.1));
        assertThat(r.collaborativePhases()).extracting(CollaborativePhase::fromMonth).containsExactly(0, 24, 36);
        Collaborative base = r.scenario().collaborative();
        assertThat(r.collaborativeAt(0)).isEqualTo(base);
        assertThat(r.collaborativeAt(23)).isEqualTo(base);
        Collaborative at24 = r.collaborativeAt(24);
        // Same month: file order, so funnel99 (written later) wins over league.
        assertThat(at24.feedback().display()).isEqualTo(Display.FUNNEL99);
        assertThat(at24.feedback().target()).isEqualTo(0.1);
        assertThat(at24.incentives().performance().design()).isEqualTo(Design.THRESHOLD);
        Collaborative at40 = r.collaborativeAt(40);
        assertThat(at40.incentives().performance().design()).isEqualTo(Design.NONE);
        assertThat(at40.feedback().target()).isEqualTo(0.1);
        assertThat(at40.measurement()).isEqualTo(base.measurement());
    }

    @Test
    void scheduleEntryAtMonthZeroChangesTheFirstPhase() throws Exception {
        Path file = write("s.yaml", "schedule:\n  - {fromMonth: 0, set: {collaborative.enabled: false}}\n");
        ResolvedScenario r = load(file);
        assertThat(r.collaborativePhases()).hasSize(1);
        assertThat(r.collaborativeAt(0).enabled()).isFalse();
        assertThat(r.scenario().collaborative().enabled()).isTrue();
    }

    @Test
    void hash8IsThePrefixOfTheHash() {
        ResolvedScenario r = ScenarioLoader.defaults();
        assertThat(r.sha256()).matches("[0-9a-f]{64}");
        assertThat(r.hash8()).isEqualTo(r.sha256().substring(0, 8));
    }
}
