package org.qicsim.experiment.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qicsim.scenario.Problem;
import org.qicsim.scenario.ScenarioException;

/**
 * The experiment file declared through the scenario's schema machinery ({@link ExperimentSchema}):
 * its JSON Schema, checked by an independent validator, accepts every bundled experiment and its
 * resolved form and rejects what the parser rejects; and the parser's schema-driven errors are
 * located at file:line:col with "did you mean".
 */
class ExperimentSchemaTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(ExperimentSchema.jsonSchema());

    @TempDir
    Path dir;

    static Stream<Path> bundledExperiments() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> d = Files.newDirectoryStream(Path.of("scenarios/experiments"), "*.yaml")) {
            d.forEach(files::add);
        }
        files.sort(null);
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundledExperiments")
    void everyBundledExperimentAndItsResolvedFormMatchTheSchema(Path file) throws Exception {
        assertThat(SCHEMA.validate(YAML.readTree(Files.readString(file)))).isEmpty();
        ExperimentFile loaded = ExperimentFile.load(file);
        assertThat(SCHEMA.validate(YAML.readTree(loaded.resolvedYaml()))).isEmpty();
    }

    @Test
    void theSchemaRejectsWhatTheParserRejects() throws Exception {
        JsonNode good = YAML.readTree(Files.readString(Path.of("scenarios/experiments/lhs.yaml")));
        assertThat(SCHEMA.validate(good)).isEmpty();
        assertThat(messages(with(good, "factor", YAML.readTree("{sites.count: [5, 10]}")))).isNotEmpty();
        assertThat(messages(with(good, "design", YAML.readTree("lsh")))).isNotEmpty();
        assertThat(messages(with(good, "design", YAML.readTree("{type: morris, r: 0}")))).isNotEmpty();
        assertThat(messages(with(good, "set", YAML.readTree("{sites.cont: 10}")))).isNotEmpty();
        assertThat(messages(with(good, "set", YAML.readTree("{sites.count: 1}")))).isNotEmpty();
        assertThat(messages(with(good, "set", YAML.readTree("{seed: 3}")))).isNotEmpty();
        assertThat(messages(with(good, "replications", YAML.readTree("0")))).isNotEmpty();
        assertThat(messages(with(good, "outputs", YAML.readTree("{metrics: [finalrate]}")))).isNotEmpty();
        assertThat(messages(with(good, "outputs", YAML.readTree("{montly: true}")))).isNotEmpty();
        assertThat(messages(with(good, "factors", YAML.readTree("{sites.counts: [1, 2]}")))).isNotEmpty();
        ObjectNode noScenario = good.deepCopy();
        noScenario.remove("scenario");
        assertThat(messages(noScenario)).anyMatch(m -> m.contains("scenario"));
    }

    @Test
    void schemaDrivenErrorsAreLocatedWithDidYouMean() throws Exception {
        Path file = Experiments.write(dir, Experiments.head(1) + """
                commonRandomNumbers: 3
                factors:
                  sites.heterogeneity: [0.1, 0.2]
                design: {type: morris, r: 2, levels: 1}
                outputs: {montly: true, sites: maybe}
                scenarioHash: 12
                """);
        assertThatThrownBy(() -> ExperimentFile.load(file)).isInstanceOfSatisfying(ScenarioException.class, e -> {
            String text = e.format();
            assertThat(text).contains(file.normalize() + ":5:22: commonRandomNumbers: expected a boolean");
            assertThat(text).contains(file.normalize() + ":8:38: design.levels: 1 is out of range (valid: [2, ");
            assertThat(text).contains(file.normalize() + ":9:11: outputs.montly: unknown key \"montly\" (did you mean "
                    + "\"monthly\"?)");
            assertThat(text).contains(file.normalize() + ":9:32: outputs.sites: expected a boolean");
            assertThat(text).contains(file.normalize() + ":10:15: scenarioHash: expected a string");
            assertThat(e.problems()).extracting(Problem::line).containsExactly(5, 8, 9, 9, 10);
        });
    }

    @Test
    void theSetBlockIsTheScenarioKeysCheckedAsCalibrationChecksThem() throws Exception {
        Path file = Experiments.write(dir, Experiments.head(1).replace("sites.count: 10", "sites.cont: 10, seed: 4")
                + "factors: {sites.heterogeneity: [0.1]}\ndesign: grid\n");
        assertThatThrownBy(() -> ExperimentFile.load(file)).isInstanceOfSatisfying(ScenarioException.class, e -> {
            assertThat(e.format()).contains(":4:7: set.sites.cont: \"sites.cont\" is not a scenario key (did you mean "
                    + "\"sites.count\"?)");
            assertThat(e.format()).contains("set.seed: seed is set at the top of the experiment file");
        });
    }

    private static JsonNode with(JsonNode base, String key, JsonNode value) {
        ObjectNode copy = base.deepCopy();
        copy.set(key, value);
        return copy;
    }

    private static List<String> messages(JsonNode document) {
        return SCHEMA.validate(document).stream().map(Error::toString).toList();
    }
}
