package org.qicsim.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFolderTest {

    private static final Instant START = Instant.parse("2026-11-26T07:25:45.9Z");
    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @TempDir
    Path root;

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void runFolderIsBuiltAsPartialThenRenamed() throws IOException {
        Path results = root.resolve("results");
        ResultsFolder folder = ResultsFolder.forRun(results, "michigan-cqi", START, HASH);
        Path scenarioDir = results.resolve("michigan-cqi");
        assertThat(folder.dir()).isEqualTo(scenarioDir.resolve("20261126T072545Z-9f86d081.partial"));
        try (CsvWriter runs = folder.csv("runs.csv", List.of("point", "replicate"))) {
            runs.row(0, 0);
        }
        folder.writeManifest("", Manifest.start(BuildInfo.load(), List.of("run"), START));
        folder.writeSummary("", new SummaryJson().put("scenario", "michigan-cqi"));
        assertThat(list(scenarioDir)).containsExactly("20261126T072545Z-9f86d081.partial");

        Path done = folder.commit();
        assertThat(done).isEqualTo(scenarioDir.resolve("20261126T072545Z-9f86d081"));
        assertThat(folder.dir()).isEqualTo(done);
        assertThat(list(scenarioDir)).containsExactly("20261126T072545Z-9f86d081");
        assertThat(list(done)).containsExactly("manifest.json", "runs.csv", "summary.json");
        assertThat(Files.readString(done.resolve("runs.csv"))).isEqualTo("point,replicate\n0,0\n");
        assertThat(done.getFileName().toString()).doesNotContain(":");
    }

    @Test
    void existingFoldersGetNumberedSuffixes() throws IOException {
        Path first = ResultsFolder.forRun(root, "demo", START, HASH).commit();
        ResultsFolder second = ResultsFolder.forRun(root, "demo", START, HASH);
        ResultsFolder third = ResultsFolder.forRun(root, "demo", START, HASH);
        assertThat(second.dir().getFileName().toString()).isEqualTo("20261126T072545Z-9f86d081-2.partial");
        assertThat(third.dir().getFileName().toString()).isEqualTo("20261126T072545Z-9f86d081-3.partial");
        assertThat(third.commit().getFileName().toString()).isEqualTo("20261126T072545Z-9f86d081-3");
        assertThat(second.commit().getFileName().toString()).isEqualTo("20261126T072545Z-9f86d081-2");
        assertThat(first.getFileName().toString()).isEqualTo("20261126T072545Z-9f86d081");
    }

    @Test
    void aNameTakenWhileRunningMovesToTheNextSuffix() throws IOException {
        ResultsFolder folder = ResultsFolder.forRun(root, "demo", START, HASH);
        Path intruder = Files.createDirectories(root.resolve("demo/20261126T072545Z-9f86d081"));
        Files.writeString(intruder.resolve("mine.txt"), "user data");
        Path done = folder.commit();
        assertThat(done.getFileName().toString()).isEqualTo("20261126T072545Z-9f86d081-2");
        assertThat(Files.readString(intruder.resolve("mine.txt"))).isEqualTo("user data");
    }

    @Test
    void openWritersBlockTheCommit() throws IOException {
        ResultsFolder folder = ResultsFolder.forRun(root, "demo", START, HASH);
        CsvWriter csv = folder.csv("timeseries.csv", List.of("month"));
        RunLog log = folder.log();
        assertThatThrownBy(folder::commit).isInstanceOf(IllegalStateException.class).hasMessageContaining("still open");
        csv.close();
        assertThatThrownBy(folder::commit).isInstanceOf(IllegalStateException.class);
        log.close();
        AtomicInteger closes = new AtomicInteger();
        Closeable external = closes::incrementAndGet;
        folder.track(external);
        Path done = folder.commit();
        assertThat(closes).hasValue(1);
        assertThat(list(done)).containsExactly("log.txt", "timeseries.csv");
        assertThatThrownBy(() -> folder.csv("more.csv", List.of("x"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void logTxtGetsLogRecordsWhileAttached() throws IOException {
        ResultsFolder folder = ResultsFolder.forRun(root, "demo", START, HASH);
        try (RunLog log = folder.log()) {
            assertThat(log.isOpen()).isTrue();
            Logger.getLogger("org.qicsim.test.folder").warning("replicate 3 slow");
        }
        Path done = folder.commit();
        assertThat(Files.readString(done.resolve("log.txt"))).contains("WARNING replicate 3 slow\n");
    }

    @Test
    void closingWithoutCommitLeavesThePartialFolder() throws IOException {
        ResultsFolder folder = ResultsFolder.forRun(root, "demo", START, HASH);
        CsvWriter csv = folder.csv("runs.csv", List.of("a"));
        csv.cell(1);
        folder.close();
        assertThat(csv.isOpen()).isFalse();
        assertThat(list(root.resolve("demo"))).containsExactly("20261126T072545Z-9f86d081.partial");
        assertThat(Files.readString(root.resolve("demo/20261126T072545Z-9f86d081.partial/runs.csv"))).isEqualTo("a\n");
    }

    @Test
    void outNamesTheFolderAndMustNotExist() throws IOException {
        Path out = root.resolve("my/run");
        ResultsFolder folder = ResultsFolder.at(out);
        assertThat(folder.dir()).isEqualTo(root.resolve("my/run.partial"));
        assertThat(folder.commit()).isEqualTo(out.toAbsolutePath());
        assertThat(Files.isDirectory(out)).isTrue();

        assertThatThrownBy(() -> ResultsFolder.at(out)).isInstanceOf(TargetExistsException.class)
                .hasMessageContaining("already exists");
        Files.createDirectories(root.resolve("other.partial"));
        assertThatThrownBy(() -> ResultsFolder.at(root.resolve("other")))
                .isInstanceOf(TargetExistsException.class).hasMessageContaining("interrupted");
        assertThat(Files.exists(root.resolve("other"))).isFalse();
    }

    @Test
    void outFolderAppearingDuringTheRunIsNotOverwritten() throws IOException {
        Path out = root.resolve("late");
        ResultsFolder folder = ResultsFolder.at(out);
        Files.createDirectory(out);
        Files.writeString(out.resolve("keep.txt"), "user");
        assertThatThrownBy(folder::commit).isInstanceOf(TargetExistsException.class);
        assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("user");
        assertThat(Files.isDirectory(root.resolve("late.partial"))).isTrue();
    }

    @Test
    void compareFolderHoldsNumberedDesignSubfolders() throws IOException {
        ResultsFolder folder = ResultsFolder.forCompare(root, START, HASH);
        assertThat(folder.dir()).isEqualTo(root.resolve("compare/20261126T072545Z-9f86d081.partial"));
        String design = folder.design(1, "michigan-cqi");
        assertThat(design).isEqualTo("designs/1-michigan-cqi");
        try (CsvWriter runs = folder.csv(design + "/runs.csv", List.of("point"))) {
            runs.row(0);
        }
        folder.writeManifest(design, Manifest.start(BuildInfo.load(), List.of("compare"), START));
        try (CsvWriter compare = folder.csv("compare.csv", List.of("design"))) {
            compare.row("michigan-cqi");
        }
        Path done = folder.commit();
        assertThat(list(done)).containsExactly("compare.csv", "designs");
        assertThat(list(done.resolve("designs/1-michigan-cqi"))).containsExactly("manifest.json", "runs.csv");
    }

    @Test
    void namesAndRelativePathsAreChecked() throws IOException {
        assertThatThrownBy(() -> ResultsFolder.forRun(root, "../escape", START, HASH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResultsFolder.forRun(root, "Upper", START, HASH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResultsFolder.forRun(root, "ok", START, "ABCDEF12"))
                .isInstanceOf(IllegalArgumentException.class);
        ResultsFolder folder = ResultsFolder.forRun(root, "ok", START, HASH);
        for (String bad : new String[] {"../x.csv", "a//b", "c:x", "a\\b", "/abs", "./x"}) {
            assertThatThrownBy(() -> folder.resolve(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(folder.resolve("designs/1-a/runs.csv")).isEqualTo(folder.dir().resolve("designs").resolve("1-a").resolve("runs.csv"));
        assertThatThrownBy(() -> folder.design(0, "a")).isInstanceOf(IllegalArgumentException.class);
    }
}
