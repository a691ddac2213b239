package org.qicsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qicsim.experiment.Seeds;

/**
 * {@code qicsim sweep} end to end, in process: results equal for any thread count, across
 * interruption and resumption and between Parquet and CSV storage, compared value by value as rows
 * keyed by (point, replicate); exports sorted by point and replicate byte-identical.
 */
class SweepCommandTest {
    static final Path MICHIGAN = Path.of("scenarios/michigan-cqi.yaml").toAbsolutePath();
    /** 2 worlds (heterogeneity) × 2 collaborative designs, 3 replicates: 12 small runs. */
    static final String EXPERIMENT = """
            scenario: %s
            seed: 7
            replications: 3
            set: {sites.count: 10, horizonMonths: 24}
            factors:
              sites.heterogeneity: [0.1, 0.3]
              collaborative.feedback.display: [funnel, league]
            design: grid
            outputs: {monthly: true, sites: true}
            """.formatted(MICHIGAN);
    static final List<String> RUN_KEY = List.of("point", "replicate");

    @TempDir
    Path dir;

    private Path experiment(String text) throws IOException {
        Path file = dir.resolve("experiment.yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Path sweep(Path experiment, String out, String... more) {
        String[] args = new String[5 + more.length];
        args[0] = "sweep";
        args[1] = experiment.toString();
        args[2] = "--out";
        args[3] = dir.resolve(out).toString();
        args[4] = "--quiet";
        System.arraycopy(more, 0, args, 5, more.length);
        CliRun run = CliRun.of(args);
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.lastLine()).isEqualTo(dir.resolve(out).toString());
        return dir.resolve(out);
    }

    /** Every table of two sweep folders holds the same rows, value by value. */
    private static void assertSameTables(Path a, Path b) throws Exception {
        assertThat(TableRows.of(a, "runs", RUN_KEY)).hasSize(12).isEqualTo(TableRows.of(b, "runs", RUN_KEY));
        assertThat(TableRows.of(a, "timeseries", List.of("point", "replicate", "month")))
                .hasSize(12 * 24).isEqualTo(TableRows.of(b, "timeseries", List.of("point", "replicate", "month")));
        assertThat(TableRows.of(a, "sites", List.of("point", "replicate", "site")))
                .hasSize(12 * 10).isEqualTo(TableRows.of(b, "sites", List.of("point", "replicate", "site")));
        assertThat(TableRows.of(a, "points", List.of("point", "metric")))
                .isEqualTo(TableRows.of(b, "points", List.of("point", "metric")));
        assertThat(Files.readString(a.resolve("points.csv"))).isEqualTo(Files.readString(b.resolve("points.csv")));
    }

    private Path export(Path folder, String sql, String name) {
        Path file = dir.resolve(name);
        CliRun run = CliRun.of("query", folder.toString(), sql, "--csv", file.toString());
        assertThat(run.exit()).as(run.toString()).isZero();
        return file;
    }

    private static JsonNode manifest(Path folder) throws IOException {
        return new ObjectMapper().readTree(folder.resolve("manifest.json").toFile());
    }

    @Test
    void oneAndTwoThreadsGiveTheSameRowsAndByteIdenticalSortedExports() throws Exception {
        Path file = experiment(EXPERIMENT);
        Path one = sweep(file, "one", "--threads", "1");
        Path two = sweep(file, "two", "--threads", "2");
        assertSameTables(one, two);
        for (String table : List.of("runs", "timeseries", "sites")) {
            String sql = "SELECT * FROM " + table + " ORDER BY point, replicate"
                    + (table.equals("timeseries") ? ", month" : table.equals("sites") ? ", site" : "");
            Path a = export(one, sql, table + "-1.csv");
            Path b = export(two, sql, table + "-2.csv");
            assertThat(Files.readAllBytes(a)).as(table).isEqualTo(Files.readAllBytes(b));
        }
        assertThat(Files.readAllBytes(one.resolve("points.csv"))).isEqualTo(Files.readAllBytes(two.resolve("points.csv")));

        // Both worlds computed once per replicate and shared by the two designs of each world.
        assertThat(manifest(two).path("sessions").get(0).path("counterfactualArms").asLong()).isEqualTo(2 * 3);
        assertThat(manifest(two).path("status").asText()).isEqualTo("complete");
        assertThat(manifest(two).path("storage").asText()).isEqualTo("parquet");
        // Common random numbers: replicate r of every point runs with runSeed(masterSeed, r).
        for (List<String> row : TableRows.of(two, "runs", RUN_KEY).values()) {
            int replicate = Integer.parseInt(row.get(1));
            assertThat(row.get(2)).isEqualTo(Seeds.hex(Seeds.runSeed(7, replicate)));
        }
        assertThat(one.resolve("runs")).isDirectory();
        assertThat(Files.readString(one.resolve("design.csv"))).isEqualTo("""
                point,sites.heterogeneity,collaborative.feedback.display
                1,0.1,funnel
                2,0.1,league
                3,0.3,funnel
                4,0.3,league
                """);
    }

    @Test
    void anInterruptedSweepResumedEqualsAnUninterruptedOne() throws Exception {
        Path file = experiment(EXPERIMENT);
        Path whole = sweep(file, "whole", "--threads", "2");

        CliRun stopped = CliRun.of("sweep", file.toString(), "--out", dir.resolve("cut").toString(), "--quiet",
                "--threads", "2", "--interrupt-after", "2");
        assertThat(stopped.exit()).as(stopped.toString()).isEqualTo(ExitCodes.INTERRUPTED);
        Path partial = dir.resolve("cut.partial");
        assertThat(stopped.lastLine()).isEqualTo(partial.toString());
        assertThat(stopped.err()).contains("interrupted:", "qicsim sweep --resume " + partial);
        assertThat(dir.resolve("cut")).doesNotExist();
        JsonNode m = manifest(partial);
        assertThat(m.path("status").asText()).isEqualTo("interrupted");
        long stored = m.path("runsStored").asLong();
        assertThat(stored).isBetween(2L, 11L);
        assertThat(TableRows.of(partial, "runs", RUN_KEY)).hasSize((int) stored);
        assertThat(partial.resolve("points.csv")).doesNotExist();

        // The manifest names the experiment file, so --resume alone finds it.
        CliRun resumed = CliRun.of("sweep", "--resume", partial.toString(), "--quiet", "--threads", "1");
        assertThat(resumed.exit()).as(resumed.toString()).isZero();
        Path cut = dir.resolve("cut");
        assertThat(resumed.lastLine()).isEqualTo(cut.toString());
        assertThat(partial).doesNotExist();
        assertThat(resumed.out()).contains("12 runs (" + (12 - stored) + " this session");
        assertSameTables(whole, cut);
        JsonNode sessions = manifest(cut).path("sessions");
        assertThat(sessions).hasSize(2);
        assertThat(sessions.get(0).path("status").asText()).isEqualTo("interrupted");
        assertThat(sessions.get(1).path("runs").asLong()).isEqualTo(12 - stored);
        assertThat(Files.readString(cut.resolve("log.txt"))).contains("(" + stored + " stored)");
    }

    @Test
    void aFolderCanBeInterruptedTwiceAndResumedInCsvToo() throws Exception {
        Path file = experiment(EXPERIMENT);
        Path whole = sweep(file, "whole", "--threads", "1");
        CliRun first = CliRun.of("sweep", file.toString(), "--out", dir.resolve("csv").toString(), "--quiet", "--csv",
                "--threads", "1", "--interrupt-after", "3");
        assertThat(first.exit()).as(first.toString()).isEqualTo(ExitCodes.INTERRUPTED);
        Path partial = dir.resolve("csv.partial");
        assertThat(partial.resolve("runs.csv")).exists();
        assertThat(partial.resolve("runs")).doesNotExist();
        CliRun second = CliRun.of("sweep", file.toString(), "--resume", partial.toString(), "--quiet", "--threads", "2",
                "--interrupt-after", "1");
        assertThat(second.exit()).as(second.toString()).isEqualTo(ExitCodes.INTERRUPTED);
        CliRun last = CliRun.of("sweep", "--resume", dir.resolve("csv").toString(), "--quiet", "--threads", "2");
        assertThat(last.exit()).as(last.toString()).isZero();
        Path csv = dir.resolve("csv");
        assertThat(manifest(csv).path("storage").asText()).isEqualTo("csv");
        assertThat(manifest(csv).path("sessions")).hasSize(3);
        assertThat(csv.resolve("points")).doesNotExist();
        assertSameTables(whole, csv);
    }

    @Test
    void resumeRefusesAnExperimentThatChangedAndSaysWhere() throws Exception {
        Path file = experiment(EXPERIMENT);
        CliRun stopped = CliRun.of("sweep", file.toString(), "--out", dir.resolve("cut").toString(), "--quiet",
                "--threads", "1", "--interrupt-after", "1");
        assertThat(stopped.exit()).isEqualTo(ExitCodes.INTERRUPTED);
        Path partial = dir.resolve("cut.partial");

        experiment(EXPERIMENT.replace("replications: 3", "replications: 4"));
        CliRun reps = CliRun.of("sweep", "--resume", partial.toString(), "--quiet");
        assertThat(reps.exit()).as(reps.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(reps.err()).contains("cannot resume", "no longer resolves to its experiment.resolved.yaml",
                "was \"replications: 3\", is now \"replications: 4\"").doesNotContain("Exception");

        experiment(EXPERIMENT.replace("sites.count: 10", "sites.count: 12"));
        CliRun base = CliRun.of("sweep", "--resume", partial.toString(), "--quiet");
        assertThat(base.exit()).as(base.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(base.err()).contains("the base scenario of", "has changed", "was \"count: 10\", is now \"count: 12\"");

        // Unchanged again: it resumes.
        experiment(EXPERIMENT);
        assertThat(CliRun.of("sweep", "--resume", partial.toString(), "--quiet").exit()).isZero();
        CliRun again = CliRun.of("sweep", "--resume", dir.resolve("cut").toString(), "--quiet");
        assertThat(again.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(again.err()).contains("is complete", "nothing to resume");
    }

    @Test
    void theResolvedExperimentInTheFolderRepeatsTheSweep() throws Exception {
        Path first = sweep(experiment(EXPERIMENT), "first", "--threads", "2");
        Path again = sweep(first.resolve("experiment.resolved.yaml"), "again", "--threads", "2");
        assertThat(Files.readString(again.resolve("experiment.resolved.yaml")))
                .isEqualTo(Files.readString(first.resolve("experiment.resolved.yaml")));
        assertThat(manifest(again).path("experimentHash")).isEqualTo(manifest(first).path("experimentHash"));
        assertSameTables(first, again);
    }

    @Test
    void aPointSummarisesLikeARunOfItsScenario() throws Exception {
        Path folder = sweep(experiment(EXPERIMENT), "sweep", "--threads", "2");
        CliRun run = CliRun.of("run", MICHIGAN.toString(), "--set", "sites.count=10", "--set", "horizonMonths=24",
                "--set", "sites.heterogeneity=0.3", "--set", "collaborative.feedback.display=league", "--seed", "7",
                "--reps", "3", "--out", dir.resolve("run").toString(), "--quiet");
        assertThat(run.exit()).as(run.toString()).isZero();
        Map<String, List<String>> points = TableRows.of(folder, "points", List.of("point", "metric"));
        Map<String, List<String>> summary = TableRows.of(dir.resolve("run"), "points", List.of("point", "metric"));
        assertThat(summary).hasSize(28);
        for (Map.Entry<String, List<String>> e : summary.entrySet()) {
            String metric = e.getValue().get(1);
            List<String> ours = points.get("4/" + metric + "/");
            assertThat(ours).as(metric).isNotNull();
            if (metric.equals("costPerEventAverted")) {
                // The ratio matches; its bootstrap interval is drawn from the point's own generator.
                assertThat(ours.get(2)).isEqualTo(e.getValue().get(2));
            } else {
                assertThat(ours.subList(1, ours.size())).as(metric).isEqualTo(e.getValue().subList(1, 7));
            }
        }
        Map<String, List<String>> runRows = TableRows.of(dir.resolve("run"), "runs", RUN_KEY);
        Map<String, List<String>> sweepRows = TableRows.of(folder, "runs", RUN_KEY);
        for (int r = 0; r < 3; r++) {
            List<String> a = runRows.get("0/" + r + "/");
            List<String> b = sweepRows.get("4/" + r + "/");
            assertThat(b.subList(1, b.size())).isEqualTo(a.subList(1, a.size()));
        }
    }

    @Test
    void withoutCommonRandomNumbersEveryPointHasItsOwnSeedsAndCounterfactuals() throws Exception {
        Path folder = sweep(experiment(EXPERIMENT.replace("replications: 3", "replications: 3\ncommonRandomNumbers: false")),
                "own", "--threads", "2");
        Map<String, List<String>> runs = TableRows.of(folder, "runs", RUN_KEY);
        for (List<String> row : runs.values()) {
            int point = Integer.parseInt(row.get(0));
            int replicate = Integer.parseInt(row.get(1));
            assertThat(row.get(2)).isEqualTo(Seeds.hex(Seeds.runSeed(Seeds.pointSeed(7, point), replicate)));
        }
        assertThat(runs.values().stream().map(r -> r.get(2)).distinct()).hasSize(12);
        assertThat(manifest(folder).path("sessions").get(0).path("counterfactualArms").asLong()).isEqualTo(12);
    }

    @Test
    void dryRunPrintsTheRunsAndTheDesignAndWritesNothing() throws Exception {
        Path file = experiment(EXPERIMENT);
        CliRun run = CliRun.of("sweep", file.toString(), "--dry-run", "--results", dir.resolve("results").toString());
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("grid design, 2 factors, 4 points",
                "4 points × 3 replicates = 12 runs, 6 counterfactual arms (2 worlds)", "estimated time",
                "point,sites.heterogeneity,collaborative.feedback.display\n1,0.1,funnel\n");
        assertThat(dir.resolve("results")).doesNotExist();
    }

    @Test
    void aStampedFolderGoesUnderResultsSweep() throws Exception {
        Path file = experiment(EXPERIMENT.replace("replications: 3", "replications: 1"));
        CliRun run = CliRun.of("sweep", file.toString(), "--results", dir.resolve("results").toString(), "--quiet");
        assertThat(run.exit()).as(run.toString()).isZero();
        Path folder = Path.of(run.lastLine());
        assertThat(folder.getParent()).isEqualTo(dir.resolve("results").resolve("sweep"));
        assertThat(folder.getFileName().toString()).matches("\\d{8}T\\d{6}Z-[0-9a-f]{8}")
                .endsWith(manifest(folder).path("experimentHash").asText().substring(0, 8));
        assertThat(folder.resolve("scenario.resolved.yaml")).exists();
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        assertThat(CliRun.of("sweep").exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        Path file = experiment(EXPERIMENT);
        CliRun both = CliRun.of("sweep", file.toString(), "--resume", dir.toString(), "--out", dir.resolve("x").toString());
        assertThat(both.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        CliRun missing = CliRun.of("sweep", "--resume", dir.resolve("nothing").toString());
        assertThat(missing.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(missing.err()).contains("no interrupted results folder");
        Files.createDirectories(dir.resolve("taken"));
        CliRun taken = CliRun.of("sweep", file.toString(), "--out", dir.resolve("taken").toString());
        assertThat(taken.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
    }
}
