package org.qicsim.results.duckdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Removes the copy of DuckDB's native library that the JDBC driver unpacked for this process.
 *
 * <p>duckdb_jdbc 1.5.6.0 ({@code org.duckdb.DuckDBNative}) copies its library (about 60 MB) from
 * the jar to {@code Files.createTempFile("libduckdb_java", ".so")} in {@code java.io.tmpdir}, loads
 * it, and asks for it to be deleted on exit; there is no property to choose another place or reuse
 * a copy. A process that is killed never runs its exit actions, so every killed sweep left 60 MB
 * behind. Once a library is loaded, the file is no longer needed on Linux and macOS (the mapping
 * keeps the contents), so this deletes it right after the first connection: a kill can then leave
 * it only in the second or so between unpacking and loading. The file is found exactly, among the
 * files this process has mapped ({@code /proc/self/maps}), so another process's copy is never
 * touched. Where there is no {@code /proc} (macOS, Windows) nothing is done and the driver's
 * delete-on-exit remains (Windows cannot delete a loaded library anyway).
 */
final class NativeLibraryCleanup {
    private static final Logger LOG = Logger.getLogger(NativeLibraryCleanup.class.getName());
    private static boolean done;

    private NativeLibraryCleanup() {
    }

    static synchronized void deleteUnpackedLibrary() {
        if (done) {
            return;
        }
        done = true;
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return;
        }
        try {
            for (Path library : unpacked(Files.readAllLines(maps, StandardCharsets.UTF_8))) {
                Files.deleteIfExists(library);
                LOG.fine("deleted the unpacked DuckDB library " + library + " (it stays loaded)");
            }
        } catch (IOException | RuntimeException e) {
            LOG.fine("could not delete the unpacked DuckDB library: " + e.getMessage());
        }
    }

    /** The unpacked DuckDB libraries among the mapped files: {@code <tmpdir>/libduckdb_java*.so}. */
    static List<Path> unpacked(List<String> mapsLines) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        List<Path> found = new ArrayList<>();
        for (String line : mapsLines) {
            int slash = line.indexOf('/');
            if (slash < 0) {
                continue;
            }
            String file = line.substring(slash);
            if (file.endsWith(" (deleted)")) {
                continue;
            }
            Path path = Path.of(file);
            Path name = path.getFileName();
            if (name != null && name.toString().startsWith("libduckdb_java") && name.toString().endsWith(".so")
                    && tmp.equals(path.getParent()) && !found.contains(path)) {
                found.add(path);
            }
        }
        return found;
    }
}
