package org.qicsim.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.KeySpec;
import org.qicsim.scenario.ScenarioLoader;
import org.qicsim.scenario.ScenarioSchema;

/** The form controls come from the scenario schema, and submissions are held to it. */
class LeversTest {

    @Test
    void everyCollaborativeKeyButEnabledIsALeverWithTheSchemasRangeAndDescription() {
        List<Levers.Lever> levers = Levers.of(ScenarioLoader.defaults().canonicalYaml());
        long collaborativeKeys = ScenarioSchema.all().stream().filter(k -> k.path().startsWith("collaborative.")).count();
        assertThat(levers).hasSize((int) collaborativeKeys - 1);
        assertThat(levers).noneMatch(l -> l.path().equals("collaborative.enabled"));
        for (Levers.Lever l : levers) {
            KeySpec spec = ScenarioSchema.key(l.path()).orElseThrow();
            assertThat(l.min()).isEqualTo(spec.min());
            assertThat(l.max()).isEqualTo(spec.max());
            assertThat(l.values()).isEqualTo(spec.enumValues());
            assertThat(l.doc()).isEqualTo(spec.doc());
            assertThat(spec.check(l.value())).as(l.path()).isEmpty();
        }
        Levers.Lever meetings = levers.stream().filter(l -> l.path().equals("collaborative.community.meetingsPerYear"))
                .findFirst().orElseThrow();
        assertThat(meetings.type()).isEqualTo("integer");
        assertThat(meetings.max()).isEqualTo(12.0);
        assertThat(meetings.section()).isEqualTo("community");
    }

    @Test
    void theSessionsValuesAreTheDefaultsOfItsForm() throws Exception {
        var resolved = ScenarioLoader.defaults(List.of(KeyOverride.of("collaborative.community.meetingsPerYear", 7L, "t")));
        assertThat(Levers.of(resolved.canonicalYaml())).anyMatch(l -> l.path().equals(
                "collaborative.community.meetingsPerYear") && Long.valueOf(7).equals(l.value()));
    }

    @Test
    void submissionsAreTypedAndRanged() {
        assertThat(Levers.parse(Map.of("collaborative.community.meetingsPerYear", 4,
                "collaborative.feedback.display", "league", "collaborative.measurement.auditRate", 0.05)))
                .extracting(KeyOverride::valueYaml).containsExactly("0.05", "\"league\"", "4");
        assertThatThrownBy(() -> Levers.parse(Map.of("collaborative.community.meetingsPerYear", 2.5)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> Levers.parse(Map.of("collaborative.feedback.display", "bars")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("funnel99"));
        assertThatThrownBy(() -> Levers.parse(Map.of("x/../../etc/passwd", 1)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).doesNotContain("/"));
        assertThatThrownBy(() -> Levers.parse(Map.of("collaborative.feedback.everyMonths", 0)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.format())
                            .isEqualTo("lever collaborative.feedback.everyMonths:1:1: collaborative.feedback.everyMonths: "
                                    + "0 is out of range (valid: [1, 12])"));
                });
    }
}
