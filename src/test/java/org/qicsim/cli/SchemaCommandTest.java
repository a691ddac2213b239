package org.qicsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qicsim.scenario.KeySpec;
import org.qicsim.scenario.ScenarioSchema;

class SchemaCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** {@code qicsim schema ARGS} through Main, collecting stdout and stderr across calls. */
    private int run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "schema";
        System.arraycopy(args, 0, all, 1, args.length);
        CliRun r = CliRun.of(all);
        out.write(r.out());
        err.write(r.err());
        return r.exit();
    }

    @Test
    void withExperimentPrintsTheExperimentFilesSchemaAndTable() throws Exception {
        assertThat(run("--experiment")).isZero();
        JsonNode schema = new ObjectMapper().readTree(out.toString());
        assertThat(schema.get("title").asText()).isEqualTo("qicsim experiment");
        assertThat(schema.get("required")).extracting(JsonNode::asText).containsExactly("scenario", "factors", "design");
        assertThat(schema.at("/properties/set/properties/sites.count/minimum").asInt()).isEqualTo(2);
        out.getBuffer().setLength(0);
        assertThat(run("--experiment", "--list")).isZero();
        assertThat(out.toString()).contains("design.type", "grid, oneAtATime, lhs, sobol, morris", "scenario",
                "required", "outputs.monthly");
    }

    @Test
    void printsTheJsonSchemaToStdout() throws Exception {
        assertThat(run()).isZero();
        JsonNode schema = new ObjectMapper().readTree(out.toString());
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.at("/properties/collaborative/properties/incentives/properties/performance/properties/design/enum")
                .size()).isEqualTo(6);
        assertThat(out.toString()).isEqualTo(ScenarioSchema.jsonSchema());
    }

    @Test
    void listPrintsOneRowPerKeyWithTypeDefaultAndRange() {
        assertThat(run("--list")).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).matches("path +type +default +range");
        assertThat(lines).hasSize(ScenarioSchema.all().size() + 2);
        assertThat(lines.get(1)).startsWith("extends ");
        for (KeySpec key : ScenarioSchema.all()) {
            assertThat(lines).as(key.path()).anyMatch(l -> l.startsWith(key.path() + " "));
        }
        assertThat(lines).anyMatch(l -> l.matches("sites\\.baselineRate +number +0\\.13 +\\(0, 1\\)"));
        assertThat(lines).anyMatch(l -> l.matches("collaborative\\.feedback\\.target +number\\|null +null +\\[0, 1\\]"));
        assertThat(lines).anyMatch(l -> l.matches(
                "collaborative\\.feedback\\.display +enum +funnel +funnel, funnel99, league"));
        assertThat(lines).anyMatch(l -> l.matches("schedule +list +\\[\\]"));
    }

    @Test
    void outWritesAFileAndRefusesToReplaceOneWithoutForce() throws Exception {
        Path file = dir.resolve("scenario.schema.json");
        assertThat(run("--out", file.toString())).isZero();
        assertThat(Files.readString(file)).isEqualTo(ScenarioSchema.jsonSchema());
        assertThat(out.toString().strip()).isEqualTo(file.toString());
        assertThat(run("--out", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("already exists");
        Files.writeString(file, "old");
        assertThat(run("--out", file.toString(), "--force", "--list")).isZero();
        assertThat(Files.readString(file)).startsWith("path ");
    }

    @Test
    void helpAndUnknownOptions() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: qicsim schema", "--out=FILE", "--list", "draft 2020-12");
        assertThat(run("--bogus")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--bogus'");
    }
}
