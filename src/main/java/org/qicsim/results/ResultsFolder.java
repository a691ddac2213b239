package org.qicsim.results;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A results folder under construction (ARCHITECTURE.md, "Results layout"). Everything is written into
 * {@code <folder>.partial/}; {@link #commit()} renames it to its final name once every writer is
 * closed, so a folder without the suffix is always complete. Nothing here overwrites or deletes
 * anything: a failed or interrupted command leaves its {@code .partial} folder for inspection.
 *
 * <ul>
 *   <li>{@link #forRun}: {@code <root>/<name>/<yyyyMMdd'T'HHmmss'Z'>-<hash8>/}, with {@code -2},
 *       {@code -3}, … appended while that name (or its {@code .partial}) exists;</li>
 *   <li>{@link #forCompare}: {@code <root>/compare/<stamp>-<hash8>/}, with {@link #design} subfolders
 *       {@code designs/<k>-<name>/} for each design's resolved scenario and summary;</li>
 *   <li>{@link #at}: {@code --out DIR}, which names the folder itself and must not exist.</li>
 * </ul>
 * Relative paths given to this class use {@code /} and are resolved segment by segment with
 * {@link Path#resolve(String)}; names never contain {@code :}.
 */
public final class ResultsFolder implements Closeable {

    /** Time stamp of folder names: UTC, no {@code :} (not allowed in Windows file names). */
    public static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    static final String PARTIAL_SUFFIX = ".partial";
    /** Scenario and design names (MODEL.md §8); also guarantees one safe path segment. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{8,}");
    private static final int MAX_SUFFIX = 10_000;
    /** Characters DuckDB reads as a file pattern in a path. */
    private static final Pattern GLOB = Pattern.compile("[*?\\[\\]{}]");

    private final Path partial;
    private final Path parent;
    private final String baseName;
    private final boolean userNamed;
    /** Continuing an interrupted command's folder: the log is appended to. */
    private boolean reopened;
    private final List<TrackedOutput> writers = new ArrayList<>();
    private final List<Closeable> tracked = new ArrayList<>();
    private Path committed;
    /** This process's hold on the folder (see {@link FolderLock}); null once released. */
    private FolderLock lock;

    private ResultsFolder(Path partial, Path parent, String baseName, boolean userNamed) throws IOException {
        this.partial = partial;
        this.parent = parent;
        this.baseName = baseName;
        this.userNamed = userNamed;
        this.lock = FolderLock.take(partial);
    }

    /**
     * Starts {@code <resultsRoot>/<name>/<stamp>-<hash8>[-k]/}.
     *
     * @param name         the scenario's {@code name:}
     * @param start        start of the command, for the stamp
     * @param scenarioHash hex SHA-256 of the resolved scenario (at least its first 8 digits)
     */
    public static ResultsFolder forRun(Path resultsRoot, String name, Instant start, String scenarioHash)
            throws IOException {
        return stamped(resultsRoot.resolve(checkName(name)), start, scenarioHash);
    }

    /** Starts {@code <resultsRoot>/compare/<stamp>-<hash8>[-k]/}. */
    public static ResultsFolder forCompare(Path resultsRoot, Instant start, String hash) throws IOException {
        return stamped(resultsRoot.resolve("compare"), start, hash);
    }

    /** Starts {@code <resultsRoot>/sweep/<stamp>-<hash8>[-k]/}. */
    public static ResultsFolder forSweep(Path resultsRoot, Instant start, String hash) throws IOException {
        return stamped(resultsRoot.resolve("sweep"), start, hash);
    }

    /**
     * Reopens the {@code .partial} folder an interrupted command left, to finish it: {@code dir}
     * names it with or without the suffix. {@link #commit()} then publishes it under the name
     * without the suffix, which must still be free.
     *
     * @throws UserInputException if there is no such {@code .partial} folder (a published folder
     *     is complete and is never reopened)
     */
    public static ResultsFolder reopen(Path dir) throws IOException {
        Path given = dir.toAbsolutePath().normalize();
        Path fileName = given.getFileName();
        if (fileName == null) {
            throw new UserInputException("not a results folder: " + dir);
        }
        String name = fileName.toString();
        Path partial = name.endsWith(PARTIAL_SUFFIX) ? given : given.resolveSibling(name + PARTIAL_SUFFIX);
        String base = partial.getFileName().toString();
        base = base.substring(0, base.length() - PARTIAL_SUFFIX.length());
        if (!Files.isDirectory(partial)) {
            if (Files.isDirectory(given) && !name.endsWith(PARTIAL_SUFFIX)) {
                throw new UserInputException(dir + " is complete (published without " + PARTIAL_SUFFIX
                        + "); there is nothing to resume");
            }
            throw new UserInputException("no interrupted results folder " + partial + " to resume");
        }
        if (base.isEmpty()) {
            throw new UserInputException("not a results folder: " + dir);
        }
        ResultsFolder folder = new ResultsFolder(partial, partial.getParent(), base, true);
        folder.reopened = true;
        return folder;
    }

    /**
     * Creates {@code dir} and its parents, or says in words why it cannot: an {@code --out} or
     * {@code --results} the user cannot write to is invalid input (exit 2), found before any run.
     */
    private static void createDirectories(Path dir) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new UserInputException("cannot create the results folder: " + e.getFile() + " exists and is not a "
                    + "folder" + (Files.isSymbolicLink(Path.of(e.getFile())) ? " (a symbolic link to nothing?)" : ""), e);
        } catch (AccessDeniedException e) {
            throw notWritable(dir, e);
        } catch (FileSystemException e) {
            throw new UserInputException("cannot create the results folder " + dir + ": "
                    + (e.getReason() == null ? e.getClass().getSimpleName() : e.getReason()), e);
        }
        if (!Files.isWritable(dir)) {
            throw notWritable(dir, null);
        }
    }

    private static UserInputException notWritable(Path dir, Exception cause) {
        return new UserInputException("cannot create the results folder in " + dir + ": permission denied (the "
                + "folder is not writable; choose another with --out or --results)", cause);
    }

    /**
     * Starts the folder named by {@code --out}.
     *
     * @throws TargetExistsException if {@code folder} or {@code folder.partial} exists
     */
    public static ResultsFolder at(Path folder) throws IOException {
        Path target = folder.toAbsolutePath().normalize();
        Path fileName = target.getFileName();
        if (fileName == null) {
            throw new UserInputException("--out needs a folder name, not " + folder);
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new TargetExistsException(folder, "output folder " + folder + " already exists"
                    + (Files.isSymbolicLink(target) ? " (as a symbolic link)" : "")
                    + "; --out must name a new folder (qicsim never overwrites)");
        }
        if (GLOB.matcher(fileName.toString()).find()) {
            throw new UserInputException("--out " + folder + ": a results folder's name may not hold * ? [ ] { } "
                    + "(DuckDB reads file paths as patterns, so queries would mix in other folders)");
        }
        Path parentDir = target.getParent();
        Path partial = parentDir.resolve(fileName + PARTIAL_SUFFIX);
        createDirectories(parentDir);
        try {
            Files.createDirectory(partial);
        } catch (FileAlreadyExistsException e) {
            throw new TargetExistsException(partial, "output folder " + partial
                    + " already exists (left by an interrupted run?); remove it or choose another --out");
        } catch (AccessDeniedException e) {
            throw notWritable(parentDir, e);
        }
        return new ResultsFolder(partial, parentDir, fileName.toString(), true);
    }

    private static ResultsFolder stamped(Path parentDir, Instant start, String hash) throws IOException {
        if (!HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("expected a lower-case hex hash, got \"" + hash + "\"");
        }
        String base = STAMP.format(start) + "-" + hash.substring(0, 8);
        createDirectories(parentDir);
        for (int k = 1; k <= MAX_SUFFIX; k++) {
            String name = suffixed(base, k);
            if (Files.exists(parentDir.resolve(name))) {
                continue;
            }
            try {
                // createDirectory is atomic: two processes cannot claim the same .partial.
                return new ResultsFolder(Files.createDirectory(parentDir.resolve(name + PARTIAL_SUFFIX)),
                        parentDir, base, false);
            } catch (FileAlreadyExistsException e) {
                // taken: try the next suffix
            } catch (AccessDeniedException e) {
                throw notWritable(parentDir, e);
            }
        }
        throw new IOException("no free folder name for " + parentDir.resolve(base));
    }

    private static String suffixed(String base, int k) {
        return k == 1 ? base : base + "-" + k;
    }

    /** The folder being written (the {@code .partial} one until {@link #commit()}, then the final one). */
    public Path dir() {
        return committed != null ? committed : partial;
    }

    /** Whether {@link #commit()} has published the folder. */
    public boolean isCommitted() {
        return committed != null;
    }

    /**
     * Resolves a {@code /}-separated relative path inside the folder. Segments must be plain names
     * (no {@code ..}, {@code .}, {@code :}, {@code \}, empty segments).
     */
    public Path resolve(String relative) {
        Path path = dir();
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")
                    || segment.indexOf(':') >= 0 || segment.indexOf('\\') >= 0) {
                throw new IllegalArgumentException("not a plain relative path: \"" + relative + "\"");
            }
            path = path.resolve(segment);
        }
        return path;
    }

    /**
     * Creates {@code designs/<k>-<name>/} and returns its relative path, for a {@code compare}
     * folder's designs (each design's resolved scenario and summary; the run rows of every design
     * are in the folder's own tables).
     *
     * @param k    1-based position of the design
     * @param name design name, {@code [a-z0-9][a-z0-9._-]*}
     */
    public String design(int k, String name) throws IOException {
        if (k < 1) {
            throw new IllegalArgumentException("design positions are 1-based, got " + k);
        }
        String relative = "designs/" + k + "-" + checkName(name);
        Files.createDirectories(resolve(relative));
        return relative;
    }

    /** Opens a new CSV file in the folder (see {@link CsvWriter}); it must be closed before commit. */
    public CsvWriter csv(String relative, List<String> header) throws IOException {
        ensureWritable();
        Path file = resolve(relative);
        Files.createDirectories(file.getParent());
        CsvWriter writer = CsvWriter.create(file, header);
        writers.add(writer);
        return writer;
    }

    /** Whether this folder was {@link #reopen reopened} to finish an interrupted command. */
    public boolean isReopened() {
        return reopened;
    }

    /**
     * Starts copying log records to {@code log.txt} in the folder (appending, in a reopened one);
     * closed (detached) before commit.
     */
    public RunLog log() throws IOException {
        ensureWritable();
        RunLog log = reopened ? RunLog.append(resolve("log.txt")) : RunLog.attach(resolve("log.txt"));
        writers.add(log);
        return log;
    }

    /** Writes {@code manifest.json}, or {@code <relative>/manifest.json} for a design subfolder. */
    public void writeManifest(String relativeDir, Manifest manifest) throws IOException {
        ensureWritable();
        manifest.write(relativeDir.isEmpty() ? resolve("manifest.json") : resolve(relativeDir + "/manifest.json"));
    }

    /** Writes {@code summary.json}, or {@code <relative>/summary.json} for a design subfolder. */
    public void writeSummary(String relativeDir, SummaryJson summary) throws IOException {
        ensureWritable();
        summary.write(relativeDir.isEmpty() ? resolve("summary.json") : resolve(relativeDir + "/summary.json"));
    }

    /**
     * Hands the folder an output written by other code (e.g. a Parquet writer), which {@link #commit()}
     * closes — idempotently, as {@link Closeable} requires — before renaming the folder.
     */
    public <T extends Closeable> T track(T output) {
        ensureWritable();
        tracked.add(output);
        return output;
    }

    /**
     * Publishes the folder: closes tracked outputs, then renames {@code .partial} to the final name
     * (atomically where the file system can). For a stamped folder whose name was taken meanwhile the
     * next free suffix is used.
     *
     * @return the final folder
     * @throws IllegalStateException if a CSV writer or the log is still open (a bug in the caller)
     * @throws TargetExistsException if the {@code --out} folder appeared while the command ran
     */
    public Path commit() throws IOException {
        ensureWritable();
        for (TrackedOutput writer : writers) {
            if (writer.isOpen()) {
                throw new IllegalStateException("an output in " + partial + " is still open; close it before commit");
            }
        }
        for (Closeable output : tracked) {
            output.close();
        }
        Path target = null;
        // The lock is held through the rename (where the platform allows it), so no second process
        // can take the folder between its last write and its publication.
        if (userNamed) {
            target = parent.resolve(baseName);
            if (Files.exists(target)) {
                throw new TargetExistsException(target, "output folder " + target
                        + " appeared while qicsim was running; results left in " + partial);
            }
        } else {
            for (int k = 1; k <= MAX_SUFFIX && target == null; k++) {
                // Skip names taken by a finished folder or claimed by another command's .partial.
                String name = suffixed(baseName, k);
                Path candidatePartial = parent.resolve(name + PARTIAL_SUFFIX);
                if (!Files.exists(parent.resolve(name))
                        && (candidatePartial.equals(partial) || !Files.exists(candidatePartial))) {
                    target = parent.resolve(name);
                }
            }
            if (target == null) {
                throw new IOException("no free folder name for " + parent.resolve(baseName));
            }
        }
        try {
            move(partial, target);
        } catch (FileSystemException e) {
            if (e instanceof FileAlreadyExistsException || lock == null) {
                throw e;
            }
            // Windows renames no folder holding an open file: release the lock first.
            lock.close();
            lock = null;
            move(partial, target);
        }
        committed = target;
        if (lock != null) {
            FolderLock held = lock;
            lock = null;
            held.closeAndDelete(target);
        } else {
            Files.deleteIfExists(target.resolve(FolderLock.FILE));
        }
        return target;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /**
     * Closes outputs still open (e.g. after a failure) without publishing, and releases the folder's
     * lock: the {@code .partial} folder stays. After {@link #commit()} this does nothing.
     */
    @Override
    public void close() throws IOException {
        if (committed != null) {
            return;
        }
        IOException first = null;
        if (lock != null) {
            try {
                lock.close();
            } catch (IOException e) {
                first = e;
            }
            lock = null;
        }
        List<Closeable> all = new ArrayList<>(writers);
        all.addAll(tracked);
        Outputs.closeAll(first, all);
    }

    private void ensureWritable() {
        if (committed != null) {
            throw new IllegalStateException("results folder " + committed + " is already published");
        }
    }

    private static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a valid name for a results folder: \"" + name + "\"");
        }
        return name;
    }
}
