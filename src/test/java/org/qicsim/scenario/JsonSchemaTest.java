package org.qicsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The generated JSON Schema, checked by an independent validator against the bundled scenarios. */
class JsonSchemaTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(ScenarioSchema.jsonSchema());

    static Stream<Path> bundledScenarios() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of("scenarios"), "*.yaml")) {
            dir.forEach(files::add);
        }
        // features.yaml lives beside the scenarios but is the features file, not a scenario.
        files.removeIf(p -> p.getFileName().toString().equals("features.yaml"));
        files.sort(null);
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("base.yaml", "michigan-cqi.yaml", "registry-feedback-only.yaml", "no-collaborative.yaml");
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundledScenarios")
    void bundledScenarioFileAndItsCanonicalFormMatchTheSchema(Path file) throws Exception {
        ResolvedScenario resolved = ScenarioLoader.load(file, List.of());
        assertThat(SCHEMA.validate(YAML.readTree(Files.readString(file)))).isEmpty();
        assertThat(SCHEMA.validate(YAML.readTree(resolved.canonicalYaml()))).isEmpty();
    }

    @Test
    void theSchemaRejectsWhatTheLoaderRejects() throws Exception {
        JsonNode good = YAML.readTree(ScenarioLoader.defaults().canonicalYaml());
        assertThat(SCHEMA.validate(good)).isEmpty();
        assertThat(messages(with(good, "sites", "count", 1))).anyMatch(m -> m.contains("minimum"));
        assertThat(messages(with(good, "sites", "cuont", 3))).anyMatch(m -> m.contains("cuont"));
        assertThat(messages(with(good, "sites", "baselineRate", 1.0))).isNotEmpty();
        JsonNode badEnum = YAML.readTree(ScenarioLoader.defaults().canonicalYaml()
                .replace("display: funnel", "display: funel"));
        assertThat(messages(badEnum)).isNotEmpty();
        JsonNode badSchedule = YAML.readTree(ScenarioLoader.defaults().canonicalYaml().replace("schedule: []",
                "schedule: [{fromMonth: 3, set: {sites.count: 3}}]"));
        assertThat(messages(badSchedule)).isNotEmpty();
        JsonNode goodSchedule = YAML.readTree(ScenarioLoader.defaults().canonicalYaml().replace("schedule: []",
                "schedule: [{fromMonth: 3, set: {collaborative.feedback.target: null}}]"));
        assertThat(messages(goodSchedule)).isEmpty();
    }

    @Test
    void schemaDeclaresDraft2020AndEveryKeyWithItsDefaultAndDescription() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(ScenarioSchema.jsonSchema());
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.at("/properties/extends/type").toString()).isEqualTo("[\"string\",\"null\"]");
        for (KeySpec key : ScenarioSchema.all()) {
            JsonNode node = schema.at("/properties/" + key.path().replace(".", "/properties/"));
            assertThat(node.isMissingNode()).as(key.path()).isFalse();
            assertThat(node.has("default")).as(key.path()).isTrue();
            assertThat(node.get("description").asText()).as(key.path()).startsWith(key.doc());
        }
        JsonNode rate = schema.at("/properties/sites/properties/baselineRate");
        assertThat(rate.get("exclusiveMinimum").asDouble()).isEqualTo(0.0);
        assertThat(rate.get("exclusiveMaximum").asDouble()).isEqualTo(1.0);
        assertThat(rate.get("default").asDouble()).isEqualTo(0.13);
        assertThat(schema.at("/properties/sites/additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.at("/properties/collaborative/properties/feedback/properties/display/enum").toString())
                .isEqualTo("[\"funnel\",\"funnel99\",\"league\"]");
        assertThat(schema.at("/properties/collaborative/properties/feedback/properties/target/type").toString())
                .isEqualTo("[\"number\",\"null\"]");
    }

    private static JsonNode with(JsonNode root, String section, String key, Object value) {
        ObjectNode copy = root.deepCopy();
        ObjectNode target = (ObjectNode) copy.get(section);
        if (value instanceof Integer i) {
            target.put(key, i);
        } else {
            target.put(key, (Double) value);
        }
        return copy;
    }

    private static List<String> messages(JsonNode instance) {
        return SCHEMA.validate(instance).stream().map(Error::getMessage).toList();
    }
}
