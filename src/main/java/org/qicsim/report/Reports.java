package org.qicsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import org.qicsim.results.TargetExistsException;

/**
 * Writes {@code report.html} into a results folder: the one call commands make
 * ({@code Reports.write(folder)}) after their folder is published.
 *
 * <p>A published folder is complete and is never rewritten, so the report is added beside its
 * files without touching them: the page is written to a temporary file in the folder, then linked
 * (or moved) to {@code report.html} in one step, which fails instead of replacing an existing
 * report unless the caller asks to replace it. A reader therefore never sees half a report, and a
 * failure leaves no {@code report.html} (and removes its temporary file).
 */
public final class Reports {
    /** The report's file name in the folder. */
    public static final String FILE = "report.html";

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private Reports() {
    }

    /**
     * Writes {@code folder/report.html}.
     *
     * @return the report's path
     * @throws TargetExistsException if the folder already has a report
     * @throws org.qicsim.results.UserInputException if the folder is not a complete results folder
     */
    public static Path write(Path folder) throws IOException {
        return write(folder, false);
    }

    /** As {@link #write(Path)}; with {@code replace} an existing report is replaced (atomically). */
    public static Path write(Path folder, boolean replace) throws IOException {
        Path target = folder.resolve(FILE);
        if (!replace && Files.exists(target)) {
            throw new TargetExistsException(target, target + " already exists; qicsim report --replace writes a new one "
                    + "over it");
        }
        String html = render(folder);
        Path tmp = temporary(folder);
        try {
            Files.writeString(tmp, html, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            if (replace) {
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } else {
                publishNew(tmp, target);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    /**
     * A new name for the temporary file, unique to this process and call; created with the
     * default permissions (a temporary-file API would make it readable by its owner only).
     */
    private static Path temporary(Path folder) {
        return folder.resolve(".report-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet()
                + ".html.tmp");
    }

    /** A hard link appears atomically and fails if the name exists (a rename would replace it). */
    private static void publishNew(Path tmp, Path target) throws IOException {
        try {
            Files.createLink(target, tmp);
        } catch (FileAlreadyExistsException e) {
            throw new TargetExistsException(target, target + " appeared while the report was written; it was left "
                    + "as it is");
        } catch (UnsupportedOperationException | IOException e) {
            // No hard links here (some network or FAT file systems): a plain move, which also refuses an
            // existing target, only not atomically with that check.
            try {
                Files.move(tmp, target);
            } catch (FileAlreadyExistsException exists) {
                throw new TargetExistsException(target, target + " appeared while the report was written; it was "
                        + "left as it is");
            }
        }
    }

    /** The report of {@code folder} as HTML text, without writing anything. */
    public static String render(Path folder) throws IOException {
        FolderKind kind = FolderKind.of(folder);
        ResultsDir dir = new ResultsDir(folder);
        JsonNode manifest = dir.has("manifest.json") ? dir.json("manifest.json") : null;
        Page page = switch (kind) {
            case RUN, COMPARE -> DesignsReport.render(dir, kind, manifest);
            case SWEEP -> SweepReport.render(dir, manifest);
            case ATTRIBUTE -> AttributionReport.render(dir, manifest);
            case PATTERNS -> ScorecardReport.render(dir);
            case CALIBRATE -> CalibrationReport.render(dir);
        };
        return page.render(manifest);
    }
}
