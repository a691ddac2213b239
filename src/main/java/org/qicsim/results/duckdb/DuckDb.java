package org.qicsim.results.duckdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

import org.duckdb.DuckDBConnection;

/**
 * An in-memory DuckDB connection configured the one way qicsim uses DuckDB: one thread, a 256 MB
 * memory limit (spilling to {@code tmpDir} beyond it), and insertion order preserved so that rows
 * come back in the order runs wrote them.
 *
 * <p>Not thread-safe: one thread owns a {@code DuckDb} and everything built on it (writers, the
 * results reader, queries). Runs execute in parallel, but their rows reach DuckDB through a single
 * writer thread.
 */
public final class DuckDb implements AutoCloseable {
    private final DuckDBConnection connection;
    /** A spill folder this object made and deletes on close, or null. */
    private Path ownedSpill;

    private DuckDb(DuckDBConnection connection) {
        this.connection = connection;
    }

    /**
     * Opens a connection spilling to a new folder under {@code java.io.tmpdir}, deleted (with
     * whatever DuckDB left in it) on {@link #close()}: for commands that need DuckDB only while they run.
     */
    public static DuckDb openWithTemporarySpill() throws DuckDbUnavailableException, IOException {
        Path root = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        Path spill = Files.createTempDirectory(root, "qicsim-duckdb-");
        try {
            DuckDb db = open(spill);
            db.ownedSpill = spill;
            return db;
        } catch (DuckDbUnavailableException | RuntimeException e) {
            deleteQuietly(spill);
            throw e;
        }
    }

    /**
     * Opens a connection spilling to {@code spill}, a folder of its own (inside a results folder, so
     * that a killed process leaves nothing outside it): whatever an earlier, killed process left
     * there is deleted first, and the folder is deleted on {@link #close()}.
     */
    public static DuckDb openWithSpillIn(Path spill) throws DuckDbUnavailableException, IOException {
        if (Files.exists(spill)) {
            deleteQuietly(spill);
        }
        Files.createDirectories(spill);
        try {
            DuckDb db = open(spill);
            db.ownedSpill = spill;
            return db;
        } catch (DuckDbUnavailableException | RuntimeException e) {
            deleteQuietly(spill);
            throw e;
        }
    }

    /**
     * Opens a connection whose spill files go to {@code tmpDir} (created if missing).
     *
     * @throws DuckDbUnavailableException if DuckDB cannot start here, for instance because its
     *         native library cannot be unpacked into {@code java.io.tmpdir}
     */
    public static DuckDb open(Path tmpDir) throws DuckDbUnavailableException {
        String nativeDir = System.getProperty("java.io.tmpdir");
        try {
            // The driver unpacks its native library with Files.createTempFile, which fails if
            // java.io.tmpdir does not exist (Surefire points it at target/tmp); create it first.
            Files.createDirectories(Path.of(nativeDir));
        } catch (IOException | RuntimeException e) {
            // Not fatal by itself; if the library then fails to unpack, the catch below says so.
        }
        Connection c;
        try {
            Class.forName("org.duckdb.DuckDBDriver");
            c = DriverManager.getConnection("jdbc:duckdb:");
            NativeLibraryCleanup.deleteUnpackedLibrary();
        } catch (ClassNotFoundException | SQLException | RuntimeException | LinkageError e) {
            // A failed native load surfaces as an Error (ExceptionInInitializerError the first
            // time, NoClassDefFoundError afterwards, UnsatisfiedLinkError on a foreign platform);
            // catching it here is the only way to turn it into the typed fallback signal.
            throw new DuckDbUnavailableException("DuckDB is unavailable (its native library unpacks into java.io.tmpdir = "
                    + nativeDir + "): " + describe(e), e);
        }
        try {
            Files.createDirectories(tmpDir);
            try (Statement s = c.createStatement()) {
                s.execute("SET threads=1");
                s.execute("SET memory_limit='256MB'");
                s.execute("SET preserve_insertion_order=true");
                s.execute("SET temp_directory=" + Sql.literal(tmpDir));
            }
            return new DuckDb(c.unwrap(DuckDBConnection.class));
        } catch (IOException | SQLException e) {
            try {
                c.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new DuckDbUnavailableException("DuckDB could not be configured with temp directory "
                    + tmpDir + ": " + describe(e), e);
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** The connection, owned by this object: do not close it directly. */
    public DuckDBConnection connection() {
        return connection;
    }

    /** Runs one statement that returns no rows. */
    public void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.close();
        } finally {
            if (ownedSpill != null) {
                deleteQuietly(ownedSpill);
            }
        }
    }

    /** Deletes a temporary tree as far as it can: what is left stays in java.io.tmpdir. */
    private static void deleteQuietly(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // A temporary folder; the operating system cleans it eventually.
        }
    }
}
