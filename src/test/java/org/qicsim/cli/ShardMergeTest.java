package org.qicsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep --shard i/N} and {@code qicsim merge}: the merged folder equals an unsharded sweep
 * table for table (sorted exports byte-identical, the points table and points.csv included), in
 * Parquet and CSV; shards keep counterfactual groups whole; merge refuses, with exit 2 and a
 * message naming what differs, anything but every complete shard of one experiment and build.
 */
class ShardMergeTest {
    /** 2 worlds × 2 collaborative designs × 3 replicates: 6 counterfactual groups of 2 runs, 12 runs. */
    static final String EXPERIMENT = SweepCommandTest.EXPERIMENT;
    private static final Map<String, String> ORDER = Map.of("runs", "point, replicate", "timeseries",
            "point, replicate, month", "sites", "point, replicate, site", "points", "point, metric");

    @TempDir
    Path dir;

    private Path experiment(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Path run(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exit()).as(run.toString()).isZero();
        return Path.of(run.lastLine());
    }

    private List<Path> shards(Path file, int n, String prefix, String... more) {
        List<Path> shards = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> args = new ArrayList<>(List.of("sweep", file.toString(), "--shard", i + "/" + n, "--out",
                    dir.resolve(prefix + i).toString(), "--quiet", "--threads", i % 2 == 0 ? "1" : "2"));
            args.addAll(List.of(more));
            shards.add(run(args.toArray(String[]::new)));
        }
        return shards;
    }

    private CliRun merge(List<Path> shards, String out) {
        List<String> args = new ArrayList<>(List.of("merge"));
        shards.forEach(s -> args.add(s.toString()));
        args.addAll(List.of("--out", dir.resolve(out).toString(), "--quiet"));
        return CliRun.of(args.toArray(String[]::new));
    }

    static JsonNode manifest(Path folder) throws IOException {
        return new ObjectMapper().readTree(folder.resolve("manifest.json").toFile());
    }

    /** Every table of the two folders, exported sorted through `qicsim query`, is byte-identical. */
    private void assertSameSortedTables(Path a, Path b, String... tables) throws IOException {
        for (String table : tables) {
            String sql = "SELECT * FROM " + table + " ORDER BY " + ORDER.get(table);
            byte[] x = export(a, sql, a.getFileName() + "-" + table + ".csv");
            byte[] y = export(b, sql, b.getFileName() + "-" + table + ".csv");
            assertThat(y).as(table).isEqualTo(x);
            assertThat(new String(x, StandardCharsets.UTF_8).lines().count()).as(table).isGreaterThan(1);
        }
        assertThat(Files.readString(b.resolve("points.csv"))).isEqualTo(Files.readString(a.resolve("points.csv")));
        assertThat(Files.readString(b.resolve("design.csv"))).isEqualTo(Files.readString(a.resolve("design.csv")));
        assertThat(Files.readString(b.resolve("experiment.resolved.yaml")))
                .isEqualTo(Files.readString(a.resolve("experiment.resolved.yaml")));
    }

    private byte[] export(Path folder, String sql, String name) throws IOException {
        Path file = dir.resolve("export-" + name);
        CliRun run = CliRun.of("query", folder.toString(), sql, "--csv", file.toString());
        assertThat(run.exit()).as(run.toString()).isZero();
        return Files.readAllBytes(file);
    }

    @Test
    void threeShardsMergedEqualTheUnshardedSweepTableForTable() throws Exception {
        Path file = experiment("experiment.yaml", EXPERIMENT);
        Path whole = run("sweep", file.toString(), "--out", dir.resolve("whole").toString(), "--quiet", "--threads", "2");
        List<Path> shards = shards(file, 3, "shard-");

        // Whole counterfactual groups (world × replicate) per shard: 6 groups of 2 runs dealt to 3 shards.
        long arms = 0;
        for (int i = 0; i < 3; i++) {
            JsonNode m = manifest(shards.get(i));
            assertThat(m.path("shard").path("index").asInt()).isEqualTo(i);
            assertThat(m.path("shard").path("count").asInt()).isEqualTo(3);
            assertThat(m.path("shard").path("runs").asLong()).isEqualTo(4);
            assertThat(m.path("runsStored").asLong()).isEqualTo(4);
            assertThat(m.path("experimentHash").asText()).isEqualTo(manifest(whole).path("experimentHash").asText());
            assertThat(shards.get(i).resolve("points")).doesNotExist();
            arms += m.path("sessions").get(0).path("counterfactualArms").asLong();
        }
        assertThat(arms).as("counterfactual arms of all shards = the unsharded sweep's")
                .isEqualTo(manifest(whole).path("sessions").get(0).path("counterfactualArms").asLong());

        // Merge in any order of the arguments.
        CliRun merged = merge(List.of(shards.get(2), shards.get(0), shards.get(1)), "merged");
        assertThat(merged.exit()).as(merged.toString()).isZero();
        Path m = Path.of(merged.lastLine());
        assertSameSortedTables(whole, m, "runs", "timeseries", "sites", "points");
        JsonNode mm = manifest(m);
        assertThat(mm.path("status").asText()).isEqualTo("complete");
        assertThat(mm.path("runsStored").asLong()).isEqualTo(12);
        assertThat(mm.path("mergedFrom")).hasSize(3);
        assertThat(mm.path("experimentHash").asText()).isEqualTo(manifest(whole).path("experimentHash").asText());

        // Refusals, exit 2, naming what is wrong.
        CliRun missing = merge(List.of(shards.get(0), shards.get(2)), "m1");
        assertThat(missing.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(missing.err()).contains("shard 1/3 is missing");
        CliRun twice = merge(List.of(shards.get(0), shards.get(1), shards.get(1), shards.get(2)), "m2");
        assertThat(twice.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(twice.err()).contains("shard 1/3 is given twice");
        CliRun notShard = merge(List.of(shards.get(0), whole), "m3");
        assertThat(notShard.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(notShard.err()).contains("is not a shard");
        assertThat(dir.resolve("m1")).doesNotExist();
        assertThat(dir.resolve("m1.partial")).doesNotExist();

        // A shard of another experiment (another seed) or another shard count.
        Path other = experiment("other.yaml", EXPERIMENT.replace("seed: 7", "seed: 8"));
        Path foreign = run("sweep", other.toString(), "--shard", "1/3", "--out", dir.resolve("foreign").toString(),
                "--quiet", "--threads", "1");
        CliRun differs = merge(List.of(shards.get(0), foreign, shards.get(2)), "m4");
        assertThat(differs.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(differs.err()).contains("experiment (experimentHash) differs");
        Path ofTwo = run("sweep", file.toString(), "--shard", "1/2", "--out", dir.resolve("of-two").toString(),
                "--quiet", "--threads", "1");
        CliRun count = merge(List.of(shards.get(0), ofTwo, shards.get(2)), "m5");
        assertThat(count.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(count.err()).contains("shard count differs (3 vs 2)");

        // A shard run by another build: its manifest says so.
        Path copy = copyTree(shards.get(1), dir.resolve("rebuilt"));
        Path mf = copy.resolve("manifest.json");
        Files.writeString(mf, Files.readString(mf).replaceFirst("\"commit\" *: *\"[^\"]*\"", "\"commit\" : \"0123abc\""));
        CliRun build = merge(List.of(shards.get(0), copy, shards.get(2)), "m6");
        assertThat(build.exit()).as(build.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(build.err()).contains("build differs", "0123abc");

        // An unfinished shard (of a larger sweep, so that the stop comes before its last run).
        Path larger = experiment("larger.yaml", EXPERIMENT.replace("replications: 3", "replications: 24"));
        CliRun cut = CliRun.of("sweep", larger.toString(), "--shard", "1/3", "--out", dir.resolve("cut").toString(),
                "--quiet", "--threads", "1", "--interrupt-after", "1");
        assertThat(cut.exit()).as(cut.toString()).isEqualTo(ExitCodes.INTERRUPTED);
        CliRun unfinished = merge(List.of(shards.get(0), dir.resolve("cut.partial"), shards.get(2)), "m7");
        assertThat(unfinished.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(unfinished.err()).contains("is interrupted", "--resume");
    }

    @Test
    void csvShardsMergeToTheUnshardedCsvSweep() throws Exception {
        Path file = experiment("experiment.yaml", EXPERIMENT);
        Path whole = run("sweep", file.toString(), "--out", dir.resolve("whole").toString(), "--quiet", "--csv");
        List<Path> shards = shards(file, 2, "csv-", "--csv");
        CliRun merged = merge(shards, "merged");
        assertThat(merged.exit()).as(merged.toString()).isZero();
        Path m = Path.of(merged.lastLine());
        assertThat(manifest(m).path("storage").asText()).isEqualTo("csv");
        assertSameSortedTables(whole, m, "runs", "timeseries", "sites", "points");
    }

    @Test
    void badShardArgumentsAreRefusedBeforeAnyRun() {
        Path file = dir.resolve("experiment.yaml");
        for (String bad : List.of("3/3", "1", "a/b", "-1/2", "0/0")) {
            CliRun run = CliRun.of("sweep", file.toString(), "--shard", bad, "--out", dir.resolve("x").toString());
            assertThat(run.exit()).as(bad).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(run.err()).as(bad).contains("--shard");
        }
        assertThat(dir.resolve("x.partial")).doesNotExist();
    }

    private static Path copyTree(Path from, Path to) throws IOException {
        try (var all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
