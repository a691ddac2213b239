package org.qicsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ARCHITECTURE.md "Results layout" and MODEL.md §7 bit-identity, through the picocli commands. */
class RunAndCompareCommandTest {
    private static final List<String> DATA = List.of("runs.csv", "timeseries.csv", "sites.csv", "summary.json");

    @TempDir
    Path dir;

    static CliRun qicsim(String... args) {
        return CliRun.of(args);
    }

    /** A small design of michigan-cqi (20 sites, 30 months) so the tests stay fast. */
    private Path small(String name, String extra) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, "name: " + name + "\nextends: " + Path.of("scenarios/michigan-cqi.yaml").toAbsolutePath()
                + "\nreplications: 4\nhorizonMonths: 30\nsites: {count: 20}\n" + extra, StandardCharsets.UTF_8);
        return file;
    }

    private static void assertSameFiles(Path a, Path b, List<String> names) throws IOException {
        for (String name : names) {
            assertThat(Files.readAllBytes(b.resolve(name))).as(name).isEqualTo(Files.readAllBytes(a.resolve(name)));
        }
    }

    @Test
    void runIsBitIdenticalForAnyThreadCountAndReproducibleFromItsResolvedScenario() throws IOException {
        Path scenario = small("tiny", "");
        CliRun one = qicsim("run", scenario.toString(), "--threads", "1", "--out", dir.resolve("one").toString());
        CliRun two = qicsim("run", scenario.toString(), "--threads", "2", "--out", dir.resolve("two").toString());
        CliRun again = qicsim("run", scenario.toString(), "--threads", "2", "--out", dir.resolve("again").toString());
        assertThat(one.exit()).as(one.err()).isZero();
        assertThat(two.exit()).as(two.err()).isZero();
        assertThat(again.exit()).isZero();
        assertSameFiles(dir.resolve("one"), dir.resolve("two"), DATA);
        assertSameFiles(dir.resolve("one"), dir.resolve("again"), DATA);
        // The last stdout line is the results folder; the summary precedes it.
        assertThat(one.out().strip()).endsWith(dir.resolve("one").toString());
        assertThat(one.out()).contains("finalRate").contains("costPerEventAverted");

        Path resolved = dir.resolve("one").resolve("scenario.resolved.yaml");
        CliRun replay = qicsim("run", resolved.toString(), "--out", dir.resolve("replay").toString());
        assertThat(replay.exit()).as(replay.err()).isZero();
        assertSameFiles(dir.resolve("one"), dir.resolve("replay"), DATA);
        assertThat(Files.readString(dir.resolve("one/manifest.json"))).contains("\"threads\": 1", "splitmix64-v1");
    }

    @Test
    void runRefusesAnExistingOutputFolderAndKeepsItIntact() throws IOException {
        Path existing = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(existing.resolve("notes.txt"), "precious");
        CliRun r = qicsim("run", small("tiny", "").toString(), "--out", existing.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(existing.toString()).doesNotContain("Exception\n\tat ");
        assertThat(Files.readString(existing.resolve("notes.txt"))).isEqualTo("precious");
    }

    @Test
    void badScenarioIsAUserErrorWithItsLocation() throws IOException {
        Path bad = small("bad", "collaborative: {feedback: {display: funel}}\n");
        CliRun r = qicsim("run", bad.toString(), "--dry-run");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("bad.yaml:", "collaborative.feedback.display", "funnel").doesNotContain("\tat ");
    }

    @Test
    void dryRunPrintsTheRunsWithoutWritingAnything() throws IOException {
        CliRun r = qicsim("run", small("tiny", "").toString(), "--dry-run", "--results", dir.resolve("res").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("4 runs").contains("estimated time");
        assertThat(Files.exists(dir.resolve("res"))).isFalse();
    }

    @Test
    void compareIsPairedAndBitIdenticalForAnyThreadCount() throws IOException {
        Path a = small("base", "");
        Path b = small("league", "collaborative: {feedback: {display: league}}\n");
        CliRun one = qicsim("compare", a.toString(), b.toString(), "--threads", "1", "--out", dir.resolve("c1").toString());
        CliRun two = qicsim("compare", a.toString(), b.toString(), "--threads", "2", "--out", dir.resolve("c2").toString());
        assertThat(one.exit()).as(one.err()).isZero();
        assertThat(two.exit()).isZero();
        assertSameFiles(dir.resolve("c1"), dir.resolve("c2"), List.of("compare.csv", "runs.csv",
                "timeseries.csv", "sites.csv", "designs/2-league/summary.json"));
        // One layout: every design's rows in the folder's tables, told apart by point; none under designs/.
        assertThat(dir.resolve("c1/designs/1-base/runs.csv")).doesNotExist();
        assertThat(Files.readAllLines(dir.resolve("c1/runs.csv")).stream().skip(1).map(l -> l.split(",")[0])
                .distinct().sorted().toList()).containsExactly("1", "2");
        assertThat(one.out()).contains("Paired comparison").contains("diff");
        String csv = Files.readString(dir.resolve("c1/compare.csv"));
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("design,name,metric,mean,ciLow,ciHigh");
        assertThat(Files.readString(dir.resolve("c1/manifest.json"))).contains("\"paired\": true");
    }

    @Test
    void compareRefusesDifferentWorldsUnlessAllowedAndThenLabelsThemUnpaired() throws IOException {
        Path a = small("base", "");
        Path b = small("bigger", "practices: {count: 8}\n");
        CliRun refused = qicsim("compare", a.toString(), b.toString(), "--dry-run");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("different world", "--allow-different-worlds");
        CliRun allowed = qicsim("compare", a.toString(), b.toString(), "--allow-different-worlds", "--reps", "3",
                "--out", dir.resolve("u").toString());
        assertThat(allowed.exit()).as(allowed.err()).isZero();
        assertThat(allowed.out()).contains("UNPAIRED");
        assertThat(Files.readString(dir.resolve("u/manifest.json"))).contains("\"paired\": false");
    }

    @Test
    void compareUsesOneSeedAndReplicateCountAndWarnsWhenFilesDiffer() throws IOException {
        Path a = small("base", "");
        Path b = small("other", "seed: 7\n");
        CliRun r = qicsim("compare", a.toString(), b.toString(), "--dry-run");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("WARNING").contains("seed 7");
        assertThat(r.out()).contains("8 runs (4 replicates, master seed 20231201)");
    }

    /**
     * Ctrl-C (simulated after 3 runs): exit 130, no published folder, and a {@code .partial} folder
     * whose tables hold only the whole runs that finished, row for row as a complete run writes them.
     */
    @Test
    void anInterruptedRunExitsWith130AndLeavesOnlyWholeRows() throws IOException {
        Path scenario = small("tiny", "");
        // More runs than the pool keeps in flight (4 per thread), so some are never started.
        CliRun whole = qicsim("run", scenario.toString(), "--threads", "2", "--reps", "24",
                "--out", dir.resolve("whole").toString());
        CliRun stopped = qicsim("run", scenario.toString(), "--threads", "2", "--reps", "24", "--interrupt-after", "2",
                "--out", dir.resolve("stopped").toString());
        assertThat(whole.exit()).isZero();
        assertThat(stopped.exit()).isEqualTo(130);
        assertThat(stopped.err()).contains("interrupted", "runs finished and written", "stopped.partial");
        assertThat(Files.exists(dir.resolve("stopped"))).isFalse();
        Path partial = dir.resolve("stopped.partial");
        List<String> done = Files.readAllLines(partial.resolve("runs.csv"));
        List<String> all = Files.readAllLines(dir.resolve("whole/runs.csv"));
        // The header and at least the requested runs, each identical to the uninterrupted run's row.
        assertThat(done.size()).isBetween(3, all.size() - 1);
        assertThat(all.subList(0, done.size())).isEqualTo(done);
        assertThat(Files.readString(partial.resolve("runs.csv"))).endsWith("\n");
    }

    /**
     * {@code --resume} of an interrupted run and compare (stopped after 3 runs on one thread, twice for compare)
     * finishes the folder with sorted rows and summaries equal to an uninterrupted command's, on
     * another thread count; a resume with other options is refused (exit 2) before any run.
     */
    @Test
    void interruptedRunAndCompareResumeToTheUninterruptedResults() throws IOException {
        Path a = small("base", "");
        Path b = small("other", "collaborative: {feedback: {display: league}}\n");
        String[] reps = {"--reps", "10", "--no-report"};
        assertThat(qicsim(concat(new String[] {"run", a.toString(), "--threads", "2", "--out",
            dir.resolve("run-whole").toString()}, reps)).exit()).isZero();
        assertThat(qicsim(concat(new String[] {"compare", a.toString(), b.toString(), "--threads", "2", "--out",
            dir.resolve("cmp-whole").toString()}, reps)).exit()).isZero();

        // One thread keeps at most 4 runs in flight, so a stop after 3 leaves runs to resume.
        CliRun stopped = qicsim(concat(new String[] {"run", a.toString(), "--threads", "1", "--interrupt-after", "3",
            "--out", dir.resolve("run").toString()}, reps));
        assertThat(stopped.exit()).isEqualTo(130);
        assertThat(stopped.err()).contains("--resume " + dir.resolve("run.partial"));
        CliRun other = qicsim(concat(new String[] {"run", a.toString(), "--seed", "5", "--resume",
            dir.resolve("run.partial").toString()}, reps));
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err()).contains("differs");
        assertThat(qicsim(concat(new String[] {"run", a.toString(), "--threads", "2", "--resume",
            dir.resolve("run.partial").toString()}, reps)).exit()).isZero();
        assertSameSortedRows(dir.resolve("run-whole"), dir.resolve("run"), "");
        assertSameFiles(dir.resolve("run-whole"), dir.resolve("run"), List.of("summary.json", "points.csv"));
        // Killed while writing its summaries (every run stored, summary.json there, no manifest yet):
        // the resume writes them afresh.
        Path killed = dir.resolve("killed.partial");
        Files.createDirectories(killed);
        for (String name : List.of("runs.csv", "timeseries.csv", "sites.csv", "scenario.resolved.yaml", "summary.json")) {
            Files.copy(dir.resolve("run").resolve(name), killed.resolve(name));
        }
        assertThat(qicsim(concat(new String[] {"run", a.toString(), "--resume", killed.toString()}, reps)).exit())
                .isZero();
        assertSameFiles(dir.resolve("run-whole"), dir.resolve("killed"), List.of("runs.csv", "summary.json",
            "points.csv"));

        for (int k = 0; k < 2; k++) {
            String[] args = k == 0 ? new String[] {"--out", dir.resolve("cmp").toString()}
                : new String[] {"--resume", dir.resolve("cmp.partial").toString()};
            assertThat(qicsim(concat(concat(new String[] {"compare", a.toString(), b.toString(), "--threads", "1",
                "--interrupt-after", "3"}, args), reps)).exit()).isEqualTo(130);
        }
        assertThat(qicsim(concat(new String[] {"compare", a.toString(), b.toString(), "--resume",
            dir.resolve("cmp.partial").toString()}, reps)).exit()).isZero();
        assertSameSortedRows(dir.resolve("cmp-whole"), dir.resolve("cmp"), "");
        for (String design : List.of("designs/1-base", "designs/2-other")) {
            assertSameFiles(dir.resolve("cmp-whole"), dir.resolve("cmp"), List.of(design + "/summary.json"));
        }
        assertSameFiles(dir.resolve("cmp-whole"), dir.resolve("cmp"), List.of("compare.csv", "points.csv", "cea.csv"));
    }

    private static void assertSameSortedRows(Path a, Path b, String prefix) throws IOException {
        for (String table : List.of("runs.csv", "timeseries.csv", "sites.csv")) {
            List<String> expected = new java.util.ArrayList<>(Files.readAllLines(a.resolve(prefix + table)));
            List<String> actual = new java.util.ArrayList<>(Files.readAllLines(b.resolve(prefix + table)));
            assertThat(actual.get(0)).isEqualTo(expected.get(0));
            java.util.Collections.sort(expected);
            java.util.Collections.sort(actual);
            assertThat(actual).as(prefix + table).isEqualTo(expected);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
