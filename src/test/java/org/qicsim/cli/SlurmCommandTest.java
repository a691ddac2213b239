package org.qicsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qicsim.experiment.cluster.SingleNodeSlurm;

/**
 * {@code qicsim slurm}: the job scripts it writes, and, on a real single-node SLURM cluster started
 * for the test ({@link SingleNodeSlurm}; skipped, with the reason, where SLURM is not installed),
 * a sweep run as a 3-task job array plus the dependent merge job, whose merged folder must equal the
 * local sweep table for table.
 */
class SlurmCommandTest {
    /** The whole cluster test, from start to teardown, must end within this (the CI budget is 2 minutes). */
    private static final long TIMEOUT_SECONDS = 150;

    @TempDir
    Path dir;

    private Path experiment() throws IOException {
        Path file = dir.resolve("experiment.yaml");
        Files.writeString(file, SweepCommandTest.EXPERIMENT, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void writesAnArrayOfShardsAndADependentMergeJob() throws Exception {
        Path job = dir.resolve("job");
        CliRun run = CliRun.of("slurm", experiment().toString(), "--tasks", "3", "--cpus", "2", "--partition", "short",
                "--time", "0:30:00", "--mem", "2G", "--out", job.toString(), "--quiet");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.lastLine()).isEqualTo(job.toString());
        assertThat(run.out()).contains("12 runs in 3 shards of 4 to 4 runs, 2 CPUs each", "submit with: bash");
        String array = Files.readString(job.resolve("sweep-array.sbatch"));
        assertThat(array).contains("#SBATCH --array=0-2\n", "#SBATCH --cpus-per-task=2\n", "#SBATCH --partition=short\n",
                "#SBATCH --time=0:30:00\n", "#SBATCH --mem=2G\n", "--shard \"$i/3\"", "--threads \"$threads\"",
                "threads=${SLURM_CPUS_PER_TASK:-2}", "sweep --resume \"$out.partial\"");
        String merge = Files.readString(job.resolve("merge.sbatch"));
        assertThat(merge).contains("#SBATCH --kill-on-invalid-dep=yes", " merge \"${shards[@]}\" --out \"$JOB_DIR/merged\"");
        assertThat(Files.readString(job.resolve("submit.sh"))).contains("--dependency=afterok:$array merge.sbatch");
        assertThat(Files.readString(job.resolve("experiment.resolved.yaml")))
                .isEqualTo(resolvedOf(experiment()));
        for (String script : List.of("sweep-array.sbatch", "merge.sbatch", "submit.sh")) {
            Process p = new ProcessBuilder("bash", "-n", job.resolve(script).toString()).redirectErrorStream(true).start();
            assertThat(p.waitFor()).as(script + ": " + new String(p.getInputStream().readAllBytes())).isZero();
        }
    }

    @Test
    void passesAdaptiveReplicationToEveryTask() throws Exception {
        Path job = dir.resolve("job");
        CliRun run = CliRun.of("slurm", experiment().toString(), "--tasks", "2", "--target-ci", "finalRate=0.002",
                "--max-reps", "6", "--out", job.toString(), "--quiet");
        assertThat(run.exit()).as(run.toString()).isZero();
        // Two world groups of 2 points, 3 first-round replicates each.
        assertThat(run.out()).contains("12 runs in the first round in 2 shards of 6 to 6 runs");
        assertThat(Files.readString(job.resolve("sweep-array.sbatch")))
                .contains("--quiet '--target-ci' 'finalRate=0.002' '--max-reps' '6'\n");
    }

    private static String resolvedOf(Path experiment) throws Exception {
        return org.qicsim.experiment.sweep.ExperimentFile.load(experiment).resolvedYaml();
    }

    @Test
    void refusesBadOptionsWithExit2() throws Exception {
        Path file = experiment();
        List<List<String>> bad = List.of(List.of("--tasks", "0"), List.of("--tasks", "2", "--time", "soon"),
                List.of("--tasks", "2", "--mem", "lots"), List.of("--tasks", "2", "--partition", "a b"),
                List.of("--tasks", "2", "--wait"), List.of("--tasks", "2", "--cpus", "0"),
                List.of("--tasks", "3", "--target-ci", "finalRate=0.002"), List.of("--tasks", "2", "--max-reps", "5"));
        for (List<String> options : bad) {
            List<String> args = new ArrayList<>(List.of("slurm", file.toString(), "--out", dir.resolve("j").toString()));
            args.addAll(options);
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exit()).as(options + ": " + run).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(dir.resolve("j")).as(options.toString()).doesNotExist();
        }
    }

    /**
     * The acceptance check: a 3-task array of a small sweep (12 runs: 2 worlds × 2 designs ×
     * 3 replicates) on a private single-node cluster, merged by the dependent job, equals the local
     * sweep: every table's rows and points.csv the same.
     */
    @Test
    void aThreeTaskArrayMergedEqualsTheLocalSweep() throws Exception {
        Optional<String> unavailable = SingleNodeSlurm.unavailableReason();
        assumeTrue(unavailable.isEmpty(), () -> "skipped: " + unavailable.orElse(""));
        Path file = experiment();
        CliRun local = CliRun.of("sweep", file.toString(), "--out", dir.resolve("local").toString(), "--quiet",
                "--threads", "2");
        assertThat(local.exit()).as(local.toString()).isZero();
        Path job = dir.resolve("job");
        try (SingleNodeSlurm cluster = SingleNodeSlurm.start(Path.of("target"), 2)) {
            Path tmp = Files.createDirectories(dir.resolve("tmp"));
            // The command runs as a researcher would run it: its own JVM, with SLURM_CONF pointing
            // at the cluster; the tasks run this JVM's class path.
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.io.tmpdir=" + tmp, "-cp", classpath(), Main.class.getName(), "slurm", file.toString(),
                    "--tasks", "3", "--cpus", "1", "--partition", "ci", "--time", "10", "--mem", "1G",
                    "--out", job.toString(), "--submit", "--wait", "--quiet"));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("slurm-command.log").toFile());
            pb.environment().putAll(cluster.environment());
            pb.environment().put("TMPDIR", tmp.toString());
            Process p = pb.start();
            boolean finished = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!finished) {
                p.destroyForcibly();
            }
            String output = Files.readString(dir.resolve("slurm-command.log"));
            String context = output + "\n" + logs(job) + cluster.logs();
            assertThat(finished).as("qicsim slurm --wait finished in " + TIMEOUT_SECONDS + " s\n" + context).isTrue();
            assertThat(p.exitValue()).as(context).isZero();
            assertThat(output).containsPattern("array job \\d+, merge job \\d+");
            assertThat(output.strip()).endsWith(job.resolve("merged").toString());
        }
        Path merged = job.resolve("merged");
        for (int i = 0; i < 3; i++) {
            JsonNode m = ShardMergeTest.manifest(job.resolve("shards/shard-" + i));
            assertThat(m.path("shard").path("index").asInt()).isEqualTo(i);
            assertThat(m.path("threads").asInt()).as("--threads $SLURM_CPUS_PER_TASK").isEqualTo(1);
        }
        JsonNode m = ShardMergeTest.manifest(merged);
        assertThat(m.path("mergedFrom")).hasSize(3);
        assertThat(m.path("experimentHash").asText())
                .isEqualTo(ShardMergeTest.manifest(dir.resolve("local")).path("experimentHash").asText());
        Path localDir = dir.resolve("local");
        for (String table : List.of("runs", "timeseries", "sites", "points")) {
            List<String> key = switch (table) {
                case "timeseries" -> List.of("point", "replicate", "month");
                case "sites" -> List.of("point", "replicate", "site");
                case "points" -> List.of("point", "metric");
                default -> SweepCommandTest.RUN_KEY;
            };
            assertThat(TableRows.of(merged, table, key)).as(table).isNotEmpty()
                    .isEqualTo(TableRows.of(localDir, table, key));
        }
        assertThat(Files.readString(merged.resolve("points.csv"))).isEqualTo(Files.readString(localDir.resolve("points.csv")));
    }

    /** The test JVM's class path (Surefire's real one when it runs the tests from a manifest-only jar). */
    private static String classpath() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        List<String> absolute = new ArrayList<>();
        for (String entry : cp.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                absolute.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return String.join(File.pathSeparator, absolute);
    }

    private static String logs(Path job) {
        StringBuilder s = new StringBuilder();
        try (var files = Files.list(job.resolve("logs"))) {
            for (Path f : files.sorted().toList()) {
                s.append("--- ").append(f.getFileName()).append('\n').append(Files.readString(f));
            }
        } catch (IOException e) {
            s.append("(no job logs: ").append(e.getMessage()).append(")\n");
        }
        return s.toString();
    }
}
