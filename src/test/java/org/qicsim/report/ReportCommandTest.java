package org.qicsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qicsim report} and the reports {@code run}, {@code compare} and {@code sweep} write. */
class ReportCommandTest {
    @TempDir
    Path dir;

    @Test
    void compareWritesItsReportAndPrintsItsPathBeforeTheFolder() throws IOException {
        ReportFixtures f = ReportFixtures.get();
        String[] lines = f.compareOut.strip().split("\n");
        assertThat(lines[lines.length - 1]).isEqualTo(f.compare.toAbsolutePath().normalize().toString());
        assertThat(lines[lines.length - 2]).isEqualTo("report: " + f.compare.resolve("report.html").toAbsolutePath()
                .normalize());
        assertThat(f.morris.resolve("report.html")).isRegularFile();
    }

    @Test
    void anExistingReportIsKeptUnlessReplaceIsGiven() throws IOException {
        Path folder = copy(ReportFixtures.get().patterns);
        String[] first = ReportFixtures.qicsim("report", folder.toString());
        assertThat(first[0]).as(first[2]).isEqualTo("0");
        assertThat(first[1].strip()).isEqualTo(folder.resolve("report.html").toString());
        Files.writeString(folder.resolve("report.html"), "mine");
        String[] again = ReportFixtures.qicsim("report", folder.toString());
        assertThat(again[0]).isEqualTo("2");
        assertThat(again[2]).contains("already exists").contains("--replace");
        assertThat(Files.readString(folder.resolve("report.html"))).isEqualTo("mine");
        String[] replaced = ReportFixtures.qicsim("report", folder.toString(), "--replace");
        assertThat(replaced[0]).as(replaced[2]).isEqualTo("0");
        assertThat(Files.readString(folder.resolve("report.html"))).startsWith("<!DOCTYPE html>");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void foldersThatAreNotCompleteResultsAreRefusedWithExitCode2() throws IOException {
        String[] none = ReportFixtures.qicsim("report", dir.resolve("nowhere").toString());
        assertThat(none[0]).isEqualTo("2");
        assertThat(none[2]).contains("is not a folder");
        Path partial = Files.createDirectories(dir.resolve("x.partial"));
        String[] unfinished = ReportFixtures.qicsim("report", partial.toString());
        assertThat(unfinished[0]).isEqualTo("2");
        assertThat(unfinished[2]).contains(".partial");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        String[] other = ReportFixtures.qicsim("report", empty.toString());
        assertThat(other[0]).isEqualTo("2");
        assertThat(other[2]).contains("not a qicsim results folder");
        assertThat(empty.resolve("report.html")).doesNotExist();
    }

    @Test
    void aSummaryFileMissingAContractColumnIsNamedInTheMessage() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(folder.resolve("scorecard.csv"), "id,set,title\nC1,component,x\n");
        String[] r = ReportFixtures.qicsim("report", folder.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("scorecard.csv: missing columns metric, estimate");
        assertThat(folder.resolve("report.html")).doesNotExist();
    }

    @Test
    void runWithNoReportWritesNone() throws IOException {
        Path scenario = dir.resolve("tiny.yaml");
        Files.writeString(scenario, "extends: " + Path.of("scenarios/michigan-cqi.yaml").toAbsolutePath()
                + "\nreplications: 1\nhorizonMonths: 24\nsites: {count: 5}\n");
        String[] r = ReportFixtures.qicsim("run", scenario.toString(), "--quiet", "--no-report", "--out",
                dir.resolve("out").toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).doesNotContain("report:");
        assertThat(dir.resolve("out")).isDirectory();
        assertThat(dir.resolve("out/report.html")).doesNotExist();
    }

    private Path copy(Path folder) throws IOException {
        Path target = dir.resolve(folder.getFileName());
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file) && !file.getFileName().toString().equals("report.html")) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
        }
        return target;
    }
}
