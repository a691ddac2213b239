package org.qicsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ProgressTest {

    static {
        // The progress bar's terminal library unpacks a native helper into java.io.tmpdir, which
        // Surefire sets to target/tmp without creating it.
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void noBarWithoutAConsole() {
        // Surefire runs tests without a console, like a redirected or piped qicsim.
        assertThat(System.console()).isNull();
        GlobalOptions options = ((Main) new CommandLine(new Main()).getCommand()).globalOptions();
        try (Progress progress = Progress.start("runs", 10, options)) {
            progress.step();
            assertThat(progress.isShown()).isFalse();
        }
    }

    @Test
    void barShowsRunsDoneAndRate() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Progress progress = Progress.drawingTo("simulating", 3, new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            progress.step();
            progress.stepBy(2);
        }
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertThat(drawn).contains("simulating", "3/3 runs", "runs/s");
    }
}
