package org.qicsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Crash safety of {@code qicsim sweep} (issue 15, item 5), with real processes where it matters: a
 * child JVM killed ({@code destroyForcibly}, SIGKILL) at 20 seeded random moments and resumed each
 * time ends with tables equal to an uninterrupted sweep; a second process resuming a folder in use
 * is refused; a failed write (an injected full disk) stores nothing more and leaves a folder marked
 * failed that resumes to the same tables; Ctrl-C (SIGINT) always prints the folder and the resume
 * command; a closed stdout gives exit 1.
 */
class CrashSafetyTest {
    /** 2 worlds × 3 designs × 12 replicates = 72 runs of a 10-site, 24-month michigan-cqi, every table kept. */
    static final String EXPERIMENT = """
            scenario: %s
            seed: 11
            replications: 12
            set: {sites.count: 10, horizonMonths: 24}
            factors:
              sites.heterogeneity: [0.1, 0.3]
              collaborative.feedback.display: [funnel, funnel99, league]
            design: grid
            outputs: {monthly: true, sites: true}
            """.formatted(SweepCommandTest.MICHIGAN);
    static final int RUNS = 72;
    static final List<String> RUN_KEY = List.of("point", "replicate");

    @TempDir
    Path dir;

    private Path experiment() throws IOException {
        Path file = dir.resolve("experiment.yaml");
        Files.writeString(file, EXPERIMENT, StandardCharsets.UTF_8);
        return file;
    }

    private Path reference(Path experiment, String storage) {
        Path out = dir.resolve("reference-" + storage);
        CliRun run = storage.equals("csv")
                ? CliRun.of("sweep", experiment.toString(), "--out", out.toString(), "--quiet", "--csv")
                : CliRun.of("sweep", experiment.toString(), "--out", out.toString(), "--quiet");
        assertThat(run.exit()).as(run.toString()).isZero();
        return out;
    }

    private static void assertSameTables(Path a, Path b) throws Exception {
        assertThat(TableRows.of(a, "runs", RUN_KEY)).hasSize(RUNS).isEqualTo(TableRows.of(b, "runs", RUN_KEY));
        assertThat(TableRows.of(a, "timeseries", List.of("point", "replicate", "month")))
                .hasSize(RUNS * 24).isEqualTo(TableRows.of(b, "timeseries", List.of("point", "replicate", "month")));
        assertThat(TableRows.of(a, "sites", List.of("point", "replicate", "site")))
                .hasSize(RUNS * 10).isEqualTo(TableRows.of(b, "sites", List.of("point", "replicate", "site")));
        assertThat(Files.readString(a.resolve("points.csv"))).isEqualTo(Files.readString(b.resolve("points.csv")));
    }

    private static String status(Path folder) throws IOException {
        return new ObjectMapper().readTree(folder.resolve("manifest.json").toFile()).path("status").asText();
    }

    /**
     * 20 SIGKILLs at seeded random moments (0.3 to 6 s after the child starts: during start-up,
     * planning, runs, commits and summaries), each followed by {@code --resume}; then a last
     * resume without a kill; a sweep that finishes between kills is kept for the checks and a new
     * one started, until 20 running children have been killed. The children commit every 300 ms (a hidden test option; 5 s by
     * default) so that the kills land among commits, not only before the first one. The runs, timeseries and sites tables equal an uninterrupted sweep's
     * row for row (TableRows refuses a duplicated key; the counts rule out lost rows; equal values
     * rule out torn ones), and no copy of DuckDB's native library is left in the temporary folder
     * once a later process has started (each deletes its own copy once loaded, and stale ones). Once, while a child holds the folder, an in-process resume is refused.
     */
    @Test
    void killedAtTwentyRandomMomentsAndResumedEqualsAnUninterruptedSweep() throws Exception {
        Path experiment = experiment();
        Path reference = reference(experiment, "parquet");
        Set<Path> tmpBefore = listing(Path.of("target", "tmp"));
        SplittableRandom random = new SplittableRandom(20261207L);
        boolean refusedOnce = false;
        List<String> stored = new ArrayList<>();
        List<Path> finished = new ArrayList<>();
        int round = 0;
        Path out = dir.resolve("killed0");
        Path partial = dir.resolve("killed0.partial");
        for (int kill = 0; kill < 20; ) {
            if (Files.exists(out)) {
                // A sweep finished between kills: keep it for the checks and start another.
                finished.add(out);
                round++;
                out = dir.resolve("killed" + round);
                partial = dir.resolve("killed" + round + ".partial");
            }
            Process child = Files.exists(partial)
                    ? ChildJvm.start(dir, "kill" + kill, "sweep", experiment.toString(), "--resume", partial.toString(),
                            "--threads", "2", "--quiet", "--commit-every-ms", "300")
                    : ChildJvm.start(dir, "kill" + kill, "sweep", experiment.toString(), "--out", out.toString(),
                            "--threads", "2", "--quiet", "--commit-every-ms", "300");
            long delay = 300 + random.nextLong(5_700);
            if (!refusedOnce && kill >= 2) {
                // While the child holds the folder (its lock is taken before anything is read), a
                // second process resuming it is refused.
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay);
                while (!refusedOnce && child.isAlive() && System.nanoTime() < until) {
                    if (heldByAnotherProcess(partial.resolve(".lock"))) {
                        CliRun second = CliRun.of("sweep", "--resume", partial.toString(), "--quiet");
                        assertThat(second.exit()).as(second.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
                        assertThat(second.err()).contains("is being written by another qicsim process");
                        refusedOnce = true;
                    }
                    Thread.sleep(20);
                }
                Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
            } else {
                Thread.sleep(delay);
            }
            boolean alive = child.isAlive();
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            if (!alive) {
                // It ended by itself: finished (0), or refused in the instant the probe above held the lock.
                String err = Files.readString(dir.resolve("kill" + kill + ".err"));
                assertThat(child.exitValue() == 0 || err.contains("is being written by another qicsim process"))
                        .as("child exit " + child.exitValue() + ": " + err).isTrue();
            } else {
                stored.add(String.format(Locale.ROOT, "kill %d (sweep %d) at %.1f s: %s", kill, round, delay / 1000.0,
                        Files.exists(partial) ? runsStored(partial) + " runs stored" : "no folder yet"));
                kill++;
            }
        }
        // The last resume in a child too, started when every killed child's copy of DuckDB's
        // library is stale: its first connection deletes those copies.
        Thread.sleep(TimeUnit.SECONDS.toMillis(10));
        if (Files.exists(partial)) {
            Process last = ChildJvm.start(dir, "last", "sweep", experiment.toString(), "--resume", partial.toString(),
                    "--threads", "2", "--quiet");
            assertThat(last.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(last.exitValue()).as(Files.readString(dir.resolve("last.err")) + "\n" + String.join("\n", stored))
                    .isZero();
        } else {
            Process query = ChildJvm.start(dir, "query", "query", reference.toString(), "SELECT count(*) FROM runs");
            assertThat(query.waitFor(2, TimeUnit.MINUTES)).isTrue();
        }
        if (Files.exists(out)) {
            finished.add(out);
        }
        System.out.println("CrashSafetyTest kills:\n" + String.join("\n", stored));
        assertThat(finished).isNotEmpty();
        for (Path folder : finished) {
            assertThat(status(folder)).isEqualTo("complete");
            assertThat(folder.resolve(".lock")).doesNotExist();
            assertThat(folder.resolve(".duckdb-tmp")).doesNotExist();
            assertSameTables(folder, reference);
        }
        assertThat(refusedOnce).as("a second process was refused at least once").isTrue();
        Set<Path> left = listing(Path.of("target", "tmp"));
        left.removeAll(tmpBefore);
        assertThat(left).as("left in java.io.tmpdir by killed processes")
                .noneMatch(p -> p.getFileName().toString().startsWith("libduckdb_java"));
    }

    /** Whether another process holds the lock on {@code file} (probed with a lock released at once). */
    private static boolean heldByAnotherProcess(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private static long runsStored(Path partial) throws Exception {
        if (!Files.isDirectory(partial.resolve("runs"))) {
            return 0;
        }
        try (Stream<Path> parts = Files.list(partial.resolve("runs"))) {
            if (parts.noneMatch(p -> p.getFileName().toString().endsWith(".parquet"))) {
                return 0;
            }
        }
        return TableRows.of(partial, "runs", RUN_KEY).size();
    }

    private static Set<Path> listing(Path dir) throws IOException {
        Set<Path> all = new TreeSet<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(all::add);
            }
        }
        return all;
    }

    /**
     * A write fails as on a full disk after a few table flushes (CSV: the file gets half its rows
     * first). The command exits 1 saying the folder is left unpublished and marked failed; the
     * manifest says {@code failed}; the runs table holds only runs whose every row is stored; a
     * resume then completes to tables equal to an uninterrupted sweep.
     */
    @ParameterizedTest
    @ValueSource(strings = {"csv", "parquet"})
    void aFailedWriteStoresNothingMoreAndTheFolderIsMarkedFailed(String storage) throws Exception {
        Path experiment = experiment();
        Path reference = reference(experiment, storage);
        Path out = dir.resolve("full-" + storage);
        List<String> args = new ArrayList<>(List.of("sweep", experiment.toString(), "--out", out.toString(), "--quiet",
                "--fail-write-after", "4"));
        if (storage.equals("csv")) {
            args.add("--csv");
        }
        // With a fault injected every run is committed on its own, so the fault (the fifth table
        // flush) strikes the second commit's sites table mid-sweep.
        CliRun failed = CliRun.of(args.toArray(String[]::new));
        assertThat(failed.exit()).as(failed.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(failed.err()).contains("No space left on device").contains("marked failed")
                .contains("qicsim sweep --resume " + dir.resolve("full-" + storage + ".partial"));
        Path partial = dir.resolve("full-" + storage + ".partial");
        assertThat(out).doesNotExist();
        assertThat(status(partial)).isEqualTo("failed");
        CliRun resumed = CliRun.of("sweep", "--resume", partial.toString(), "--quiet");
        assertThat(resumed.exit()).as(resumed.toString()).isZero();
        assertSameTables(out, reference);
    }

    /**
     * Ctrl-C (SIGINT to a child JVM) while runs are going, three times: each exit is 130, the last
     * line of stdout is the {@code .partial} folder and stderr gives the resume command; the
     * shutdown hook no longer lets the JVM halt before those are printed.
     */
    @Test
    void ctrlCAlwaysPrintsTheFolderAndTheResumeCommand() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/kill")) || Files.isExecutable(Path.of("/usr/bin/kill")),
                "needs kill(1) to send SIGINT");
        Path experiment = experiment();
        for (int i = 0; i < 3; i++) {
            Path out = dir.resolve("int" + i);
            Process child = ChildJvm.start(dir, "int" + i, "sweep", experiment.toString(), "--out", out.toString(),
                    "--threads", "1");
            Path err = dir.resolve("int" + i + ".err");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(err).contains("to run on") && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(50);
            }
            Thread.sleep(200L * i);
            new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
            assertThat(child.waitFor(90, TimeUnit.SECONDS)).isTrue();
            String stdout = Files.readString(dir.resolve("int" + i + ".out")).strip();
            String stderr = Files.readString(err);
            if (child.exitValue() == 0) {
                continue; // finished before the signal arrived
            }
            assertThat(child.exitValue()).as(stderr).isEqualTo(ExitCodes.INTERRUPTED);
            String[] lines = stdout.split("\n");
            assertThat(lines[lines.length - 1]).isEqualTo(dir.resolve("int" + i + ".partial").toString());
            assertThat(stderr).contains("finish with: qicsim sweep --resume " + dir.resolve("int" + i + ".partial"));
        }
    }

    /** Output to a closed stdout is a failure (exit 1), not a silent success. */
    @Test
    void aClosedStdoutExitsOne() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh to close stdout");
        List<String> java = ChildJvm.command("schema", "--list");
        StringBuilder line = new StringBuilder("exec");
        for (String word : java) {
            line.append(" '").append(word.replace("'", "'\\''")).append('\'');
        }
        line.append(" >&-");
        Process child = new ProcessBuilder("/bin/sh", "-c", line.toString())
                .redirectError(dir.resolve("closed.err").toFile()).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(ExitCodes.FAILURE);
        assertThat(Files.readString(dir.resolve("closed.err"))).contains("could not write the results to standard output");
    }

}
