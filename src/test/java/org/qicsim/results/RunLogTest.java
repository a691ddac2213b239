package org.qicsim.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLogTest {

    @TempDir
    Path dir;

    @Test
    void copiesRecordsInOneLineFormatUntilClosed() throws IOException {
        Logger logger = Logger.getLogger("org.qicsim.test.runlog");
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.FINE);
        Path file = dir.resolve("log.txt");
        RunLog log = RunLog.attach(file, logger);
        logger.info("started 30 runs of michigan-cqi — ünïcode");
        logger.log(Level.WARNING, "slow replicate {0}", 7);
        logger.log(Level.FINE, "failed", new IllegalStateException("boom"));
        // Flushed per record: readable before close.
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("INFO started 30 runs");
        log.close();
        logger.info("after close");
        assertThat(log.isOpen()).isFalse();
        assertThat(logger.getHandlers()).isEmpty();
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).containsExactly(
                "INFO started 30 runs of michigan-cqi — ünïcode",
                "WARNING slow replicate 7",
                "FINE failed: java.lang.IllegalStateException: boom");
    }
}
