package org.qicsim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qicsim.scenario.ResolvedScenario;
import org.qicsim.scenario.ScenarioException;

class FeaturesTest {

    private static final Path MICHIGAN = Path.of("scenarios", "michigan-cqi.yaml");

    @Test
    void bundledFileNamesTheFiveFeaturesAndEachChangesOnlyTheCollaborative() throws Exception {
        Features features = Features.load(Features.DEFAULT_FILE);
        assertThat(features.ids()).containsExactly("positiveDeviance", "coordination", "measurementFeedback",
                "motivationalLevers", "leadershipCommunity");
        ResolvedScenario on = features.apply(MICHIGAN, List.of(), Set.of());
        for (String id : features.ids()) {
            ResolvedScenario off = features.apply(MICHIGAN, List.of(), Set.of(id));
            assertThat(off.sha256()).as(id).isNotEqualTo(on.sha256());
            assertThat(off.worldSha256()).as(id).isEqualTo(on.worldSha256());
        }
        ResolvedScenario allOff = features.apply(MICHIGAN, List.of(), Set.copyOf(features.ids()));
        assertThat(allOff.scenario().collaborative().positiveDeviance().enabled()).isFalse();
        assertThat(allOff.scenario().collaborative().community().meetingsPerYear()).isZero();
    }

    @Test
    void aBadKeyIsLocatedWithASuggestion(@TempDir Path dir) throws IOException {
        Path file = write(dir, """
                features:
                  - id: pd
                    name: PD
                    description: x
                    off:
                      collaborative.positiveDeviance.enabeld: false
                """);
        assertThatThrownBy(() -> Features.load(file))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining(":6:7:")
                .hasMessageContaining("collaborative.positiveDeviance.enabled");
    }

    @Test
    void anOutOfRangeValueIsLocatedAtItsLineInTheFeaturesFile(@TempDir Path dir) throws Exception {
        Path file = write(dir, """
                features:
                  - id: community
                    name: Community
                    description: x
                    off:
                      collaborative.community.meetingsPerYear: 40
                """);
        Features features = Features.load(file);
        assertThatThrownBy(() -> features.apply(MICHIGAN, List.of(), Set.of("community")))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining(file.normalize() + ":6:48:")
                .hasMessageContaining("features off: community");
    }

    @Test
    void anUnknownFeatureIdIsRefusedWithTheValidIds() throws Exception {
        Features features = Features.load(Features.DEFAULT_FILE);
        assertThatThrownBy(() -> features.overrides(Set.of("positiveDevience")))
                .hasMessageContaining("did you mean")
                .hasMessageContaining("positiveDeviance");
    }

    @Test
    void duplicateIdsAndMissingKeysAreAllReported(@TempDir Path dir) throws IOException {
        Path file = write(dir, """
                features:
                  - id: a
                    name: A
                    description: x
                    off: {collaborative.enabled: false}
                  - id: a
                    name: A again
                    description: y
                    off: {collaborative.enabled: false}
                  - id: b
                    off: {}
                """);
        assertThatThrownBy(() -> Features.load(file))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("duplicate feature id \"a\"")
                .hasMessageContaining("missing key name")
                .hasMessageContaining("expected a non-empty map");
    }

    private static Path write(Path dir, String text) throws IOException {
        Path file = dir.resolve("features.yaml");
        Files.writeString(file, text);
        return file;
    }
}
