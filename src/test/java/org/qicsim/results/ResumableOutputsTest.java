package org.qicsim.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a resumed command needs from the results writers: reopening a folder and continuing a CSV. */
class ResumableOutputsTest {

    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final List<String> HEADER = List.of("point", "replicate", "x");

    @TempDir
    Path root;

    @Test
    void aSweepFolderIsStampedUnderSweep() throws IOException {
        ResultsFolder folder = ResultsFolder.forSweep(root, Instant.parse("2026-11-26T07:25:45Z"), HASH);
        assertThat(folder.dir()).isEqualTo(root.resolve("sweep").resolve("20261126T072545Z-9f86d081.partial"));
        assertThat(folder.commit()).isEqualTo(root.resolve("sweep").resolve("20261126T072545Z-9f86d081"));
    }

    @Test
    void aPartialFolderIsReopenedByEitherNameAndPublishedWithoutTheSuffix() throws IOException {
        ResultsFolder first = ResultsFolder.at(root.resolve("out"));
        RunLog log = first.log();
        Logger.getLogger("org.qicsim.test").info("first session");
        log.close();
        first.close();
        assertThat(root.resolve("out.partial")).isDirectory();

        for (Path name : List.of(root.resolve("out"), root.resolve("out.partial"))) {
            ResultsFolder again = ResultsFolder.reopen(name);
            assertThat(again.isReopened()).isTrue();
            assertThat(again.dir()).isEqualTo(root.resolve("out.partial"));
            // One writer at a time: the folder's lock refuses a second until the first closes.
            assertThatThrownBy(() -> ResultsFolder.reopen(name)).isInstanceOf(FolderInUseException.class)
                    .hasMessageContaining("is being written by another qicsim process");
            again.close();
        }
        ResultsFolder again = ResultsFolder.reopen(root.resolve("out.partial"));
        RunLog more = again.log();
        Logger.getLogger("org.qicsim.test").info("second session");
        more.close();
        Path done = again.commit();
        assertThat(done).isEqualTo(root.resolve("out"));
        assertThat(Files.readString(done.resolve("log.txt"))).contains("first session").contains("second session");

        assertThatThrownBy(() -> ResultsFolder.reopen(root.resolve("out"))).isInstanceOf(UserInputException.class)
                .hasMessageContaining("is complete");
        assertThatThrownBy(() -> ResultsFolder.reopen(root.resolve("other"))).isInstanceOf(UserInputException.class)
                .hasMessageContaining("no interrupted results folder");
    }

    @Test
    void aCsvIsContinuedAfterDroppingALineCutShort() throws IOException {
        Path file = root.resolve("runs.csv");
        try (CsvWriter csv = CsvWriter.create(file, HEADER)) {
            csv.row(1, 0, 0.5);
            csv.row(1, 1, 0.25);
        }
        Files.writeString(file, "2,0,0.12", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        assertThat(CsvWriter.readyToAppend(file, HEADER)).isTrue();
        assertThat(Files.readString(file)).isEqualTo("point,replicate,x\n1,0,0.5\n1,1,0.25\n");
        StringWriter tail = new StringWriter();
        CsvWriter more = CsvWriter.continuing(tail, HEADER);
        more.row(2, 0, 0.125);
        more.flush();
        assertThat(tail).hasToString("2,0,0.125\n");
    }

    @Test
    void aMissingEmptyOrHeaderOnlyFileNeedsAHeaderAndAForeignOneIsRefused() throws IOException {
        assertThat(CsvWriter.readyToAppend(root.resolve("none.csv"), HEADER)).isFalse();
        Path cut = Files.writeString(root.resolve("cut.csv"), "point,repl");
        assertThat(CsvWriter.readyToAppend(cut, HEADER)).isFalse();
        assertThat(Files.size(cut)).isZero();
        Path header = Files.writeString(root.resolve("header.csv"), "point,replicate,x\n");
        assertThat(CsvWriter.readyToAppend(header, HEADER)).isTrue();
        Path foreign = Files.writeString(root.resolve("foreign.csv"), "a,b\n1,2\n");
        assertThatThrownBy(() -> CsvWriter.readyToAppend(foreign, HEADER)).isInstanceOf(IOException.class)
                .hasMessageContaining("has the header \"a,b\", not \"point,replicate,x\"");
    }

    @Test
    void aLongFileIsTruncatedFromItsEndOnly() throws IOException {
        Path file = root.resolve("long.csv");
        StringBuilder text = new StringBuilder("point,replicate,x\n");
        for (int i = 0; i < 20_000; i++) {
            text.append(i).append(",0,").append(i * 0.5).append('\n');
        }
        Files.writeString(file, text + "20000,0,1000");
        assertThat(CsvWriter.readyToAppend(file, HEADER)).isTrue();
        assertThat(Files.readString(file)).isEqualTo(text.toString());
    }
}
