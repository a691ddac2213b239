package org.qicsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.qicsim.results.UserInputException;

/**
 * What a results folder holds, recognised from its files (the manifest's command line is a
 * tie-breaker): {@code attribute} by {@code summary.json}'s {@code "kind": "attribute"} or
 * {@code attribution.csv}; {@code patterns} by {@code scorecard.csv}; {@code calibrate} by
 * {@code posterior-summary.csv}, {@code diagnostics.csv} or a posterior table; {@code compare} by
 * {@code compare.csv} or {@code designs/}; {@code run} by {@code summary.json} with
 * {@code runs.csv}; {@code sweep} by {@code experiment.resolved.yaml}, {@code design.csv} or
 * {@code points.csv} (which run and compare folders have too, so they are recognised first).
 */
public enum FolderKind {
    RUN("run"), COMPARE("compare"), SWEEP("sweep"), ATTRIBUTE("attribute"), PATTERNS("patterns"),
    CALIBRATE("calibrate");

    private final String label;

    FolderKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The kind of {@code folder}.
     *
     * @throws UserInputException if it is not a folder, is still being written ({@code .partial}),
     *     or holds none of the files above
     */
    public static FolderKind of(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new UserInputException(folder + " is not a folder (give a results folder: a run, compare, sweep, "
                    + "attribute, patterns or calibrate folder)");
        }
        Path name = folder.toAbsolutePath().normalize().getFileName();
        if (name != null && name.toString().endsWith(".partial")) {
            throw new UserInputException(folder + " is still being written or was interrupted (.partial); report on "
                    + "a complete folder");
        }
        ResultsDir dir = new ResultsDir(folder);
        if (dir.has("summary.json")) {
            JsonNode kind = dir.json("summary.json").get("kind");
            if (kind != null && kind.isTextual() && kind.asText().equals("attribute")) {
                return ATTRIBUTE;
            }
        }
        if (dir.has("attribution.csv")) {
            return ATTRIBUTE;
        }
        if (dir.has("scorecard.csv")) {
            return PATTERNS;
        }
        if (dir.has("posterior-summary.csv") || dir.has("diagnostics.csv") || dir.has("posterior.csv")
                || dir.has("posterior.parquet")) {
            return CALIBRATE;
        }
        String command = command(dir);
        if (dir.has("compare.csv") || Files.isDirectory(folder.resolve("designs")) && command.equals("compare")) {
            return COMPARE;
        }
        // Before sweep: a run folder has a sweep's design and points tables too (one layout).
        if (dir.has("summary.json") && dir.has("runs.csv")) {
            return RUN;
        }
        if (dir.has("experiment.resolved.yaml") || dir.has("points.csv") || dir.has("design.csv")
                || command.equals("sweep")) {
            return SWEEP;
        }
        throw new UserInputException(folder + " is not a qicsim results folder: it has none of summary.json with "
                + "runs.csv (run), compare.csv (compare), points.csv (sweep), attribution.csv (attribute), "
                + "scorecard.csv (patterns) or posterior-summary.csv (calibrate)");
    }

    /** The manifest's first argument (the command), or "" when there is no readable manifest. */
    private static String command(ResultsDir dir) throws IOException {
        if (!dir.has("manifest.json")) {
            return "";
        }
        JsonNode args = dir.json("manifest.json").get("commandLine");
        return args != null && args.isArray() && args.size() > 0 ? args.get(0).asText() : "";
    }
}
