package org.qicsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qicsim query} over the folders {@code run} and {@code compare} write, in process. */
class QueryCommandTest {
    private static final String MICHIGAN = SweepCommandTest.MICHIGAN.toString();
    private static final String[] SMALL = {"--set", "sites.count=10", "--set", "horizonMonths=24", "--reps", "3",
        "--quiet"};

    @TempDir
    static Path dir;
    static Path run;

    @BeforeAll
    static void runOnce() {
        run = dir.resolve("run");
        CliRun r = CliRun.of(concat(new String[] {"run", MICHIGAN, "--out", run.toString()}, SMALL));
        assertThat(r.exit()).as(r.toString()).isZero();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void pointsOfARunFolderAreTheNumbersOfItsSummaryJson() throws Exception {
        JsonNode summary = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
        Map<String, List<String>> points = TableRows.of(run, "points", List.of("metric"));
        assertThat(points).hasSize(summary.path("metrics").size() + 1);
        for (var m : summary.path("metrics").properties()) {
            List<String> row = points.get(m.getKey() + "/");
            assertThat(row.get(0)).isEqualTo("0");
            for (int i = 0; i < 4; i++) {
                String field = List.of("mean", "sd", "ciLow", "ciHigh").get(i);
                JsonNode expected = m.getValue().path(field);
                assertThat(row.get(2 + i)).as(m.getKey() + "." + field)
                        .isEqualTo(expected.isNull() ? null : Double.toString(expected.doubleValue()));
            }
            assertThat(row.get(6)).isEqualTo(m.getValue().path("n").asText());
        }
        JsonNode cost = summary.path("costPerEventAverted");
        List<String> costRow = points.get("costPerEventAverted/");
        if (cost.isObject()) {
            assertThat(costRow.get(2)).isEqualTo(Double.toString(cost.path("mean").doubleValue()));
            assertThat(costRow.get(4)).isEqualTo(Double.toString(cost.path("ciLow").doubleValue()));
        } else {
            assertThat(costRow.subList(2, 7)).containsOnlyNulls();
        }
        CliRun design = CliRun.of("query", run.toString(), "SELECT point, scenario, scenarioHash, replications FROM design");
        assertThat(design.out()).contains("michigan-cqi", summary.path("scenarioHash").asText(), "(1 row)");
    }

    @Test
    void runsExportedByQueryAreRunsCsvByteForByte() throws Exception {
        Path out = dir.resolve("runs-export.csv");
        CliRun r = CliRun.of("query", run.toString(), "SELECT * FROM runs ORDER BY point, replicate", "--csv",
                out.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err()).contains("wrote 3 rows to " + out);
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(out)).isEqualTo(Files.readString(run.resolve("runs.csv")));

        Path ts = dir.resolve("timeseries-export.csv");
        assertThat(CliRun.of("query", run.toString(), "SELECT * FROM timeseries ORDER BY replicate, month", "--csv",
                ts.toString()).exit()).isZero();
        assertThat(Files.readString(ts)).isEqualTo(Files.readString(run.resolve("timeseries.csv")));
    }

    @Test
    void printsAnAlignedTableOnStdout() {
        CliRun r = CliRun.of("query", run.toString(), "SELECT replicate, runSeed FROM runs ORDER BY replicate");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("replicate  runSeed\n---------  ----------------\n        0  ")
                .endsWith("(3 rows)\n");
        CliRun cut = CliRun.of("query", run.toString(), "SELECT month FROM timeseries", "--max-rows", "2");
        assertThat(cut.out()).contains("(2 of 72 rows shown; write them all with --csv FILE)");
    }

    @Test
    void badSqlExistingCsvAndMissingFoldersAreInvalidInput() throws Exception {
        CliRun sql = CliRun.of("query", run.toString(), "SELECT nope FROM runs");
        assertThat(sql.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(sql.err()).startsWith("error: Binder Error").contains("nope").doesNotContain("\tat ", "SQLException");

        CliRun table = CliRun.of("query", run.toString(), "SELECT * FROM sensitivity");
        assertThat(table.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(table.err()).contains("sensitivity does not exist");

        Path existing = Files.writeString(dir.resolve("taken.csv"), "keep me\n");
        CliRun csv = CliRun.of("query", run.toString(), "SELECT 1", "--csv", existing.toString());
        assertThat(csv.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(csv.err()).contains("exists; qicsim never overwrites");
        assertThat(Files.readString(existing)).isEqualTo("keep me\n");

        CliRun missing = CliRun.of("query", dir.resolve("nothing").toString(), "SELECT 1");
        assertThat(missing.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(missing.err()).contains("not a results folder");
        CliRun empty = CliRun.of("query", Files.createDirectories(dir.resolve("empty")).toString(), "SELECT 1");
        assertThat(empty.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(empty.err()).contains("holds no results tables");
    }

    @Test
    void aCompareFolderOffersPointsByDesign() throws Exception {
        Path cmp = dir.resolve("compare");
        CliRun c = CliRun.of(concat(new String[] {"compare", MICHIGAN, "scenarios/registry-feedback-only.yaml",
            "--out", cmp.toString()}, SMALL));
        assertThat(c.exit()).as(c.toString()).isZero();
        CliRun q = CliRun.of("query", cmp.toString(), "SELECT d.scenario, point, p.mean FROM points p JOIN design d "
                + "USING (point) WHERE metric = 'finalRate' ORDER BY point");
        assertThat(q.exit()).as(q.toString()).isZero();
        assertThat(q.out()).contains("michigan-cqi", "registry-feedback-only", "(2 rows)");
        JsonNode second = new ObjectMapper().readTree(
                cmp.resolve("designs/2-registry-feedback-only/summary.json").toFile());
        assertThat(q.out()).contains(Double.toString(second.path("metrics").path("finalRate").path("mean").doubleValue()));
    }
}
