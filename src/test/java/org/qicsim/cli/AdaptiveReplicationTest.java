package org.qicsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep --target-ci METRIC=HALFWIDTH --max-reps N}: rounds decided from completed rounds
 * only, so the same tables and the same rounds for 1 and 2 threads, after an interruption and
 * resumption, and for shards of whole world groups merged; every point's stopping reason agrees
 * with its row of the points table; sharding a one-world experiment more ways than it has world
 * groups is refused.
 */
class AdaptiveReplicationTest {
    /** 2 worlds × 2 designs, 3 replicates in the first round; finalRate's half-width is about 0.003 there. */
    private static final String EXPERIMENT = SweepCommandTest.EXPERIMENT;
    private static final double TARGET = 0.0015;
    private static final int CAP = 6;
    private static final String[] ADAPTIVE = {"--target-ci", "finalRate=" + TARGET, "--max-reps", Integer.toString(CAP)};

    @TempDir
    Path dir;

    private Path experiment(String text) throws IOException {
        Path file = dir.resolve("experiment.yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Path sweep(Path file, String out, String... more) {
        CliRun run = CliRun.of(with(new String[] {"sweep", file.toString(), "--out", dir.resolve(out).toString(),
            "--quiet"}, more));
        assertThat(run.exit()).as(run.toString()).isZero();
        return Path.of(run.lastLine());
    }

    private static String[] with(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static void assertSameTables(Path a, Path b) throws Exception {
        for (Map.Entry<String, List<String>> t : Map.of("runs", SweepCommandTest.RUN_KEY, "timeseries",
                List.of("point", "replicate", "month"), "sites", List.of("point", "replicate", "site"), "points",
                List.of("point", "metric")).entrySet()) {
            assertThat(TableRows.of(b, t.getKey(), t.getValue())).as(t.getKey())
                    .isEqualTo(TableRows.of(a, t.getKey(), t.getValue()));
        }
        assertThat(Files.readString(b.resolve("points.csv"))).isEqualTo(Files.readString(a.resolve("points.csv")));
    }

    @Test
    void roundsAndTablesAreTheSameForOneAndTwoThreadsAndAfterResuming() throws Exception {
        Path file = experiment(EXPERIMENT);
        Path one = sweep(file, "one", with(ADAPTIVE, "--threads", "1"));
        Path two = sweep(file, "two", with(ADAPTIVE, "--threads", "2"));
        assertSameTables(one, two);
        JsonNode adaptive = ShardMergeTest.manifest(one).path("adaptive");
        assertThat(ShardMergeTest.manifest(two).path("adaptive")).isEqualTo(adaptive);
        assertThat(adaptive.path("rounds").asInt()).as("more than one round was needed").isGreaterThan(1);

        // Each point: replicates 0 … n − 1 stored, n in the points table, and a stop that fits its CI.
        Map<String, List<String>> runs = TableRows.of(one, "runs", SweepCommandTest.RUN_KEY);
        Map<String, List<String>> points = TableRows.of(one, "points", List.of("point", "metric"));
        long total = 0;
        for (JsonNode p : adaptive.path("points")) {
            int point = p.path("point").asInt();
            int n = p.path("replications").asInt();
            total += n;
            for (int r = 0; r < CAP; r++) {
                assertThat(runs.containsKey(point + "/" + r + "/")).as("point " + point + " replicate " + r).isEqualTo(r < n);
            }
            List<String> row = points.get(point + "/finalRate/");
            double halfWidth = (Double.parseDouble(row.get(5)) - Double.parseDouble(row.get(4))) / 2;
            assertThat(Integer.parseInt(row.get(6))).isEqualTo(n);
            if (p.path("stop").asText().equals("target met")) {
                assertThat(halfWidth).as("point " + point).isLessThanOrEqualTo(TARGET + 1e-12);
            } else {
                assertThat(p.path("stop").asText()).isEqualTo("cap reached");
                assertThat(n).isEqualTo(CAP);
                assertThat(halfWidth).as("point " + point).isGreaterThan(TARGET);
            }
        }
        assertThat(runs).hasSize((int) total);
        assertThat(ShardMergeTest.manifest(one).path("runs").asLong()).isEqualTo(total);

        // Interrupted in the second round, resumed: the rounds are replayed from the stored rows.
        CliRun cut = CliRun.of(with(new String[] {"sweep", file.toString(), "--out", dir.resolve("cut").toString(),
            "--quiet", "--threads", "2", "--interrupt-after", "14"}, ADAPTIVE));
        assertThat(cut.exit()).as(cut.toString()).isEqualTo(ExitCodes.INTERRUPTED);
        CliRun resumed = CliRun.of("sweep", "--resume", dir.resolve("cut.partial").toString(), "--quiet", "--threads", "1");
        assertThat(resumed.exit()).as(resumed.toString()).isZero();
        assertSameTables(one, dir.resolve("cut"));
        assertThat(ShardMergeTest.manifest(dir.resolve("cut")).path("adaptive")).isEqualTo(adaptive);
    }

    @Test
    void shardsOfWholeWorldGroupsMergeToTheUnshardedAdaptiveSweep() throws Exception {
        Path file = experiment(EXPERIMENT);
        Path whole = sweep(file, "whole", with(ADAPTIVE, "--threads", "2"));
        Path s0 = sweep(file, "s0", with(ADAPTIVE, "--shard", "0/2", "--threads", "1"));
        Path s1 = sweep(file, "s1", with(ADAPTIVE, "--shard", "1/2", "--threads", "2"));
        assertThat(ShardMergeTest.manifest(s0).path("shard").path("split").asText()).isEqualTo("whole world groups");
        CliRun merged = CliRun.of("merge", s0.toString(), s1.toString(), "--out", dir.resolve("merged").toString(),
                "--quiet");
        assertThat(merged.exit()).as(merged.toString()).isZero();
        Path m = Path.of(merged.lastLine());
        assertSameTables(whole, m);
        assertThat(ShardMergeTest.manifest(m).path("adaptive")).isEqualTo(ShardMergeTest.manifest(whole).path("adaptive"));

        // Two world groups cannot make three whole-group shards.
        CliRun three = CliRun.of(with(new String[] {"sweep", file.toString(), "--shard", "0/3", "--out",
            dir.resolve("three").toString()}, ADAPTIVE));
        assertThat(three.exit()).as(three.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(three.err()).contains("whole world groups", "2 world groups for 3 shards");
    }

    @Test
    void badTargetsAreRefused() throws Exception {
        Path file = experiment(EXPERIMENT);
        for (List<String> bad : List.of(List.of("--target-ci", "finalRate"), List.of("--target-ci", "finalRat=0.1"),
                List.of("--target-ci", "finalRate=-1"), List.of("--target-ci", "finalRate=0"),
                List.of("--max-reps", "10"), List.of("--target-ci", "finalRate=0.1", "--max-reps", "2"))) {
            String[] args = with(new String[] {"sweep", file.toString(), "--out", dir.resolve("x").toString()},
                    bad.toArray(String[]::new));
            CliRun run = CliRun.of(args);
            assertThat(run.exit()).as(bad + ": " + run).isEqualTo(ExitCodes.INVALID_INPUT);
        }
        assertThat(dir.resolve("x.partial")).doesNotExist();
    }
}
