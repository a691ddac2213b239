package org.qicsim.results.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryTablesTest {

    @TempDir
    Path dir;
    private DuckDb db;

    @BeforeEach
    void open() throws DuckDbUnavailableException {
        db = DuckDb.open(dir.resolve("spill"));
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    private static String summary(String cost) {
        return """
                {
                  "scenario": "demo",
                  "scenarioHash": "abc",
                  "worldHash": "def",
                  "masterSeed": -5,
                  "replications": 2,
                  "costPerEventAverted": %s,
                  "metrics": {
                    "finalRate": {"mean": 0.1, "ciLow": 0.05, "ciHigh": 0.15000000000000002, "sd": 0.01, "n": 2},
                    "codeAccuracy": {"mean": null, "ciLow": null, "ciHigh": null, "sd": null, "n": 0}
                  }
                }
                """.formatted(cost);
    }

    @Test
    void aCompareFoldersSummariesAreItsPointsAndDesignTables() throws Exception {
        Path cmp = dir.resolve("compare");
        Files.createDirectories(cmp.resolve("designs/1-a"));
        Files.createDirectories(cmp.resolve("designs/2-b"));
        Files.writeString(cmp.resolve("designs/1-a/summary.json"), summary("{\"mean\": 1000.5, \"ciLow\": 900, "
                + "\"ciHigh\": 1100, \"resamples\": 2000}"));
        Files.writeString(cmp.resolve("designs/2-b/summary.json"), summary("\"dominated\""));
        assertThat(ResultsTables.register(db, cmp)).containsExactly("design", "points");
        QueryRunner q = new QueryRunner(db);
        assertThat(q.query("SELECT * FROM points ORDER BY point, metric", 10).rows()).containsExactly(
                Arrays.asList("1-a", "1", "codeAccuracy", null, null, null, null, "0"),
                Arrays.asList("1-a", "1", "costPerEventAverted", "1000.5", null, "900.0", "1100.0", null),
                Arrays.asList("1-a", "1", "finalRate", "0.1", "0.01", "0.05", "0.15000000000000002", "2"),
                Arrays.asList("2-b", "2", "codeAccuracy", null, null, null, null, "0"),
                Arrays.asList("2-b", "2", "costPerEventAverted", null, null, null, null, null),
                Arrays.asList("2-b", "2", "finalRate", "0.1", "0.01", "0.05", "0.15000000000000002", "2"));
        assertThat(q.query("SELECT * FROM design", 10).columns())
                .containsExactly("design", "point", "scenario", "scenarioHash", "worldHash", "masterSeed", "replications");
        assertThat(q.query("SELECT * FROM design ORDER BY point", 10).rows().get(1))
                .containsExactly("2-b", "2", "demo", "abc", "def", "-5", "2");
    }

    @Test
    void filesWinOverTheSummary() throws Exception {
        Path run = dir.resolve("run");
        Files.createDirectories(run);
        Files.writeString(run.resolve("summary.json"), summary("\"dominated\""));
        Files.writeString(run.resolve("points.csv"), "point,metric,mean\n0,x,1.5\n");
        ResultsTables.register(db, run);
        assertThat(new QueryRunner(db).query("SELECT metric, mean FROM points", 10).rows())
                .containsExactly(List.of("x", "1.5"));
    }
}
