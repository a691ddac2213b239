package org.qicsim.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** manifest.json and summary.json. */
class JsonOutputsTest {

    @TempDir
    Path dir;

    private record Stat(double mean, double ciLow, double ciHigh, double sd, int n) implements MetricSummary {
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void manifestHasStableFieldOrderAndRoundTrips() throws IOException {
        Instant start = Instant.parse("2026-11-26T07:25:45.123456Z");
        Manifest manifest = Manifest.start(new BuildInfo("0.1.0", "abc123", "false", "2026-11-26T07:00:00Z"),
                        List.of("run", "scenarios/michigan-cqi.yaml", "--seed", "7"), start)
                .withScenario("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", -5L, "splitmix64-v1")
                .withExecution("mason-18/local", 2)
                .withExtra("designs", List.of("a", "b"))
                .withEnd(Instant.parse("2026-11-26T07:26:00Z"));
        Path file = dir.resolve("manifest.json");
        manifest.write(file);

        String text = Files.readString(file);
        assertThat(text).doesNotContain("\r").endsWith("}\n").contains("  \"masterSeed\": -5,");
        JsonNode node = new ObjectMapper().readTree(text);
        List<String> expected = new ArrayList<>(Manifest.FIELDS);
        expected.add("designs");
        assertThat(fieldNames(node)).containsExactlyElementsOf(expected);
        assertThat(node.get("startUtc").asText()).isEqualTo("2026-11-26T07:25:45.123Z");
        assertThat(node.get("endUtc").asText()).isEqualTo("2026-11-26T07:26:00Z");
        assertThat(node.get("javaVersion").asText()).startsWith(System.getProperty("java.version"));
        assertThat(node.get("host").asText()).isNotBlank();

        Manifest back = Manifest.read(file);
        assertThat(back.withExtra("designs", List.of("a", "b"))).isEqualTo(manifest);
        assertThat(back.extra().get("designs").toString()).isEqualTo("[\"a\",\"b\"]");
    }

    @Test
    void manifestWritesUnknownValuesAsNull() throws IOException {
        Manifest manifest = Manifest.start(BuildInfo.of(new Properties()), List.of(), Instant.EPOCH);
        JsonNode node = new ObjectMapper().readTree(manifest.toJson());
        assertThat(node.get("commit").asText()).isEqualTo("unknown");
        assertThat(node.get("endUtc").isNull()).isTrue();
        assertThat(node.get("scenarioHash").isNull()).isTrue();
        assertThatThrownBy(() -> manifest.withExtra("threads", 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buildInfoTreatsPlaceholdersAndBlanksAsUnknown() {
        Properties p = new Properties();
        p.setProperty("version", "1.2.3");
        p.setProperty("commit", "${git.commit.id}");
        p.setProperty("dirty", " ");
        BuildInfo info = BuildInfo.of(p);
        assertThat(info).isEqualTo(new BuildInfo("1.2.3", "unknown", "unknown", "unknown"));
    }

    @Test
    void summaryWritesMetricsWithNullForMissing() throws IOException {
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("mean", 41234.5);
        cost.put("ciLow", 30000.0);
        cost.put("ciHigh", Double.POSITIVE_INFINITY);
        SummaryJson summary = new SummaryJson()
                .put("scenario", "michigan-cqi")
                .put("scenarioHash", "9f86d081")
                .put("replications", 30)
                .metric("finalRate", new Stat(0.105, 0.101, 0.109, 0.011, 30))
                .metric("codeAccuracy", new Stat(0.7, Double.NaN, Double.NaN, Double.NaN, 1))
                .metric("responseShares.learn", new Stat(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0))
                .put("costPerEventAverted", cost)
                .put("dominatedExample", "dominated");
        Path file = dir.resolve("summary.json");
        summary.write(file);

        JsonNode node = new ObjectMapper().readTree(file.toFile());
        assertThat(fieldNames(node)).containsExactly("scenario", "scenarioHash", "replications",
                "costPerEventAverted", "dominatedExample", "metrics");
        assertThat(fieldNames(node.get("metrics"))).containsExactly("finalRate", "codeAccuracy", "responseShares.learn");
        JsonNode rate = node.get("metrics").get("finalRate");
        assertThat(fieldNames(rate)).containsExactly("mean", "ciLow", "ciHigh", "sd", "n");
        assertThat(rate.get("mean").asDouble()).isEqualTo(0.105);
        assertThat(rate.get("n").asInt()).isEqualTo(30);
        JsonNode code = node.get("metrics").get("codeAccuracy");
        assertThat(code.get("mean").asDouble()).isEqualTo(0.7);
        assertThat(code.get("sd").isNull()).isTrue();
        assertThat(code.get("ciLow").isNull()).isTrue();
        assertThat(node.get("costPerEventAverted").get("ciHigh").isNull()).isTrue();
        assertThat(node.get("dominatedExample").asText()).isEqualTo("dominated");
        assertThat(Files.readString(file)).doesNotContain("NaN", "Infinity");
    }

    @Test
    void summaryReservesMetricsAndRejectsUnknownTypes() {
        SummaryJson summary = new SummaryJson();
        assertThatThrownBy(() -> summary.put("metrics", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> summary.put("x", new Object())).isInstanceOf(IllegalArgumentException.class);
    }
}
