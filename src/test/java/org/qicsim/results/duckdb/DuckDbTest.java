package org.qicsim.results.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbTest {

    @Test
    void everyConnectionIsConfigured(@TempDir Path dir) throws Exception {
        Path spill = dir.resolve("spill");
        try (DuckDb db = DuckDb.open(spill);
                Statement s = db.connection().createStatement();
                ResultSet rs = s.executeQuery("SELECT current_setting('threads'), current_setting('memory_limit'), "
                        + "current_setting('preserve_insertion_order'), current_setting('temp_directory')")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
            // DuckDB reports 256 MB in its own units (244.1 MiB).
            assertThat(rs.getString(2)).isEqualTo("244.1 MiB");
            assertThat(rs.getBoolean(3)).isTrue();
            assertThat(Path.of(rs.getString(4))).isEqualTo(spill.toAbsolutePath().normalize());
            assertThat(spill).isDirectory();
        }
    }

    /**
     * The native library cannot unpack when java.io.tmpdir is a regular file; that must surface as
     * the typed exception, not an Error. Needs a fresh JVM, since the library loads once per JVM.
     */
    @Test
    void unloadableNativeLibraryIsReportedAsUnavailable(@TempDir Path dir)
            throws IOException, InterruptedException {
        Path notADirectory = Files.writeString(dir.resolve("tmpdir-is-a-file"), "x");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + notADirectory,
                "-cp", classpath,
                DuckDbProbe.class.getName(),
                dir.resolve("spill").toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out).contains("UNAVAILABLE: DuckDB is unavailable").contains(notADirectory.toString());
        assertThat(p.exitValue()).isEqualTo(0);
    }
}
