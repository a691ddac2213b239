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
 *
 * <p>A process killed within that second still leaves its copy; so the first connection of every
 * process also deletes stale copies: files {@code libduckdb_java*.so} in {@code java.io.tmpdir}
 * owned by this user, last written more than {@link #STALE_SECONDS} seconds ago, that no process
 * has open or mapped ({@code /proc/<pid>/fd}, {@code /proc/<pid>/maps}). A copy being unpacked is
 * open (and then mapped) by its process, so it is never taken for a stale one.
 */
final class NativeLibraryCleanup {
    private static final Logger LOG = Logger.getLogger(NativeLibraryCleanup.class.getName());
    private static boolean done;
    /** Age after which an unused copy is stale: unpacking and loading take a second or two. */
    static final long STALE_SECONDS = 10;

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
        // Also the copies of killed processes, which nobody else would ever remove.
        try {
            for (Path library : unpacked(Files.readAllLines(maps, StandardCharsets.UTF_8))) {
                Files.deleteIfExists(library);
                LOG.fine("deleted the unpacked DuckDB library " + library + " (it stays loaded)");
            }
        } catch (IOException | RuntimeException e) {
            LOG.fine("could not delete the unpacked DuckDB library: " + e.getMessage());
        }
        deleteStaleCopies();
    }

    /** Deletes copies left by killed processes (see the class comment); returns how many. */
    static int deleteStaleCopies() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        List<Path> candidates = new ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.list(tmp)) {
            long now = System.currentTimeMillis();
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith("libduckdb_java") && name.endsWith(".so") && Files.isRegularFile(p)
                        && now - Files.getLastModifiedTime(p).toMillis() > STALE_SECONDS * 1000
                        && Files.getOwner(p).getName().equals(System.getProperty("user.name"))) {
                    candidates.add(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        if (candidates.isEmpty()) {
            return 0;
        }
        java.util.Set<Path> inUse = new java.util.HashSet<>();
        try (java.util.stream.Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path proc : processes.toList()) {
                if (!proc.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    inUse.addAll(unpacked(Files.readAllLines(proc.resolve("maps"), StandardCharsets.UTF_8)));
                } catch (IOException | RuntimeException e) {
                    // gone, or not ours to read
                }
                try (java.util.stream.Stream<Path> fds = Files.list(proc.resolve("fd"))) {
                    for (Path fd : fds.toList()) {
                        try {
                            inUse.add(Files.readSymbolicLink(fd).toAbsolutePath().normalize());
                        } catch (IOException | RuntimeException e) {
                            // closed meanwhile
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // gone, or not ours to read
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        int deleted = 0;
        for (Path p : candidates) {
            if (!inUse.contains(p.toAbsolutePath().normalize())) {
                try {
                    Files.deleteIfExists(p);
                    deleted++;
                    LOG.fine("deleted " + p + ", a copy of DuckDB's library left by a killed process");
                } catch (IOException e) {
                    // not ours after all
                }
            }
        }
        return deleted;
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
