package org.qicsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qicsim.scenario.Collaborative.Design;

class ScenarioSchemaTest {

    /** Leaf paths by walking the records independently of ScenarioSchema. */
    private static void leaves(Class<?> type, String prefix, List<String> out) {
        for (RecordComponent c : type.getRecordComponents()) {
            String path = prefix.isEmpty() ? c.getName() : prefix + "." + c.getName();
            if (c.getType().isRecord()) {
                leaves(c.getType(), path, out);
            } else {
                out.add(path);
            }
        }
    }

    @Test
    void everyRecordComponentIsAKeyInDeclarationOrder() {
        List<String> expected = new ArrayList<>();
        leaves(Scenario.class, "", expected);
        assertThat(ScenarioSchema.all()).extracting(KeySpec::path).containsExactlyElementsOf(expected);
    }

    @Test
    void keyCountsPerSectionMatchModelMdSection8AndTableB() {
        // Counted by hand from MODEL.md §8 (the scenario file) and table B.
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("", 7); // name, description, seed, replications, horizonMonths, startMonth, schedule
        expected.put("sites", 20); // with sites.caseMix.strata (MODEL.md §6 S1, §10 item 52)
        expected.put("practices", 5);
        expected.put("environment", 2);
        expected.put("collaborative", 56); // with measurement.{indicator, declaredPractices}, performance.indicator (S3p), community.meetingFormat (§10 item 71)
        expected.put("costs", 11);
        expected.put("behaviour.effort", 10); // with sourceWeight (§10 item 84)
        expected.put("behaviour.feedback", 19); // with planFollowThrough (MODEL.md S7, §10 item 80)
        expected.put("behaviour.credibility", 6);
        expected.put("behaviour.response", 6);
        expected.put("behaviour.motivation", 10); // with initialExpectation (§10 item 64), paidFocus (item 82)
        expected.put("behaviour.learning", 18); // with the three routine keys (MODEL.md S7, §10 item 62)
        expected.put("behaviour.recording", 9);
        expected.put("behaviour.gaming", 18);
        expected.put("behaviour.participation", 6);
        expected.put("behaviour.community", 29); // + championInfluenceRate, knowHowDecay (item 63), knowHowAction, knowHowFidelity (65), championTeaching (67), meetingReach (71), complexityLoad (72), interactiveGain (75)
        expected.put("behaviour.coordination", 1);
        Map<String, Integer> actual = new LinkedHashMap<>();
        for (KeySpec key : ScenarioSchema.all()) {
            String p = key.path();
            String section = !p.contains(".") ? "" : p.startsWith("behaviour.")
                    ? p.substring(0, p.indexOf('.', "behaviour.".length())) : p.substring(0, p.indexOf('.'));
            actual.merge(section, 1, Integer::sum);
        }
        assertThat(actual).containsExactlyEntriesOf(expected);
        assertThat(ScenarioSchema.all()).hasSize(233);
    }

    @Test
    void rangesComeFromTheRecordAnnotations() {
        KeySpec rate = ScenarioSchema.key("sites.baselineRate").orElseThrow();
        assertThat(rate.type()).isEqualTo(ValueType.NUMBER);
        assertThat(rate.min()).isEqualTo(0.0);
        assertThat(rate.max()).isEqualTo(1.0);
        assertThat(rate.minOpen()).isTrue();
        assertThat(rate.maxOpen()).isTrue();
        assertThat(rate.interval()).isEqualTo("(0, 1)");
        assertThat(rate.defaultValue()).isEqualTo(0.13);
        assertThat(ScenarioSchema.key("behaviour.effort.riseRate").orElseThrow().interval()).isEqualTo("(0, 1]");
        assertThat(ScenarioSchema.key("costs.perAdverseEvent").orElseThrow().interval()).isEqualTo("≥ 0");
        assertThat(ScenarioSchema.key("sites.qiBudget").orElseThrow().interval()).isEqualTo("> 0");
        assertThat(ScenarioSchema.key("behaviour.coordination.qcScale").orElseThrow().interval()).isEqualTo("(0, 10000000]");
        KeySpec seed = ScenarioSchema.key("seed").orElseThrow();
        assertThat(seed.type()).isEqualTo(ValueType.INTEGER);
        assertThat(seed.interval()).isEmpty();
        // An int key with no declared maximum still cannot exceed 32 bits.
        assertThat(ScenarioSchema.key("collaborative.positiveDeviance.breadth").orElseThrow().max())
                .isEqualTo((double) Integer.MAX_VALUE);
    }

    @Test
    void enumValuesAreTheYamlSpellingsOfTheEnumConstants() {
        KeySpec design = ScenarioSchema.key("collaborative.incentives.performance.design").orElseThrow();
        assertThat(design.type()).isEqualTo(ValueType.ENUM);
        assertThat(design.enumValues()).containsExactly("none", "threshold", "tournament", "improvement", "hybrid", "withhold");
        assertThat(design.defaultValue()).isEqualTo(Design.THRESHOLD);
        assertThat(ScenarioSchema.key("collaborative.community.siteVisitTargeting").orElseThrow().enumValues())
                .containsExactly("lowPerformers", "random", "everyMember", "none");
    }

    @Test
    void nullableKeysAreThoseMarkedNullable() {
        assertThat(ScenarioSchema.all()).filteredOn(KeySpec::nullable).extracting(KeySpec::path).containsExactly(
                "collaborative.feedback.target", "collaborative.coordination.quality",
                "collaborative.incentives.performance.target");
    }

    @Test
    void everyKeyHasADescription() {
        assertThat(ScenarioSchema.all()).allSatisfy(k -> assertThat(k.doc()).isNotBlank());
        assertThat(ScenarioSchema.key("sites.count").orElseThrow().doc()).isEqualTo("Number of sites J");
        assertThat(ScenarioSchema.key("behaviour.effort.gapWeight").orElseThrow().doc())
                .isEqualTo("Effort rule (S5): gapWeight");
    }

    @Test
    void keyAndIsSectionTellLeavesFromSections() {
        assertThat(ScenarioSchema.key("sites.volume")).isEmpty();
        assertThat(ScenarioSchema.isSection("sites.volume")).isTrue();
        assertThat(ScenarioSchema.isSection("sites.count")).isFalse();
        assertThat(ScenarioSchema.key("sites.cout")).isEmpty();
        assertThat(ScenarioSchema.key("extends")).isEmpty();
    }

    @Test
    void checkValidatesPlainJavaValuesForSweeps() {
        KeySpec count = ScenarioSchema.key("sites.count").orElseThrow();
        assertThat(count.check(40)).isEmpty();
        assertThat(count.check(40L)).isEmpty();
        assertThat(count.check(1)).contains("1 is out of range (valid: [2, 6000])");
        assertThat(count.check(40.5)).contains("expected an integer, got number 40.5 (valid: an integer in [2, 6000])");
        assertThat(count.check("40")).contains("expected an integer, got string \"40\" (valid: an integer in [2, 6000])");
        assertThat(count.check(null)).contains("null is not allowed (valid: an integer in [2, 6000])");
        KeySpec design = ScenarioSchema.key("collaborative.incentives.performance.design").orElseThrow();
        assertThat(design.check(Design.HYBRID)).isEmpty();
        assertThat(design.check("hybrid")).isEmpty();
        assertThat(design.check("hybird")).hasValueSatisfying(m -> assertThat(m).contains("did you mean \"hybrid\"?"));
        KeySpec target = ScenarioSchema.key("collaborative.feedback.target").orElseThrow();
        assertThat(target.check(null)).isEmpty();
        assertThat(target.check(1.5f)).contains("1.5 is out of range (valid: [0, 1])");
        assertThat(ScenarioSchema.key("name").orElseThrow().check("Has Space")).isPresent();
        assertThat(ScenarioSchema.key("schedule").orElseThrow().check(List.of())).isEmpty();
        assertThat(ScenarioSchema.key("collaborative.enabled").orElseThrow().check("yes")).isPresent();
    }

    @Test
    void suggestFindsNearKeysAndKeysElsewhere() {
        assertThat(ScenarioSchema.suggest("sites.heterogenity")).containsExactly("sites.heterogeneity");
        assertThat(ScenarioSchema.suggest("sites.volum.median")).containsExactly("sites.volume.median");
        assertThat(ScenarioSchema.suggest("collaborative.feedbak")).containsExactly("collaborative.feedback");
        assertThat(ScenarioSchema.suggest("sites.meetingsPerYear"))
                .containsExactly("collaborative.community.meetingsPerYear");
        assertThat(ScenarioSchema.suggest("count")).contains("sites.count", "practices.count");
        assertThat(ScenarioSchema.suggest("sites.count")).isEmpty();
        assertThat(ScenarioSchema.suggest("zzzzzzzz")).isEmpty();
    }

    @Test
    void defaultYamlIsTheCanonicalSpelling() {
        assertThat(ScenarioSchema.key("collaborative.feedback.benchmark").orElseThrow().defaultYaml()).isEqualTo("topDecile");
        assertThat(ScenarioSchema.key("collaborative.feedback.target").orElseThrow().defaultYaml()).isEqualTo("null");
        assertThat(ScenarioSchema.key("schedule").orElseThrow().defaultYaml()).isEqualTo("[]");
        assertThat(ScenarioSchema.key("name").orElseThrow().defaultYaml()).isEqualTo("\"scenario\"");
    }
}
