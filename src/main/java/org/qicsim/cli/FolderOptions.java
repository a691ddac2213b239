package org.qicsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.qicsim.results.ResultsFolder;
import picocli.CommandLine.Option;

/**
 * Where a command writes its results folder: {@code --out DIR} (which must not exist) or a stamped
 * folder under {@code --results} (ARCHITECTURE.md CLI conventions). One rule for every command that
 * makes a results folder, so none of them can overwrite what a user made.
 */
class FolderOptions {
    @Option(names = "--out", paramLabel = "DIR", description = "Results folder to create (must not exist).")
    Path out;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results",
            description = "Where stamped results folders go (default: ${DEFAULT-VALUE}).")
    Path resultsRoot;

    /** How a command names its stamped folder under the results root. */
    @FunctionalInterface
    interface Stamped {
        ResultsFolder under(Path resultsRoot) throws IOException;
    }

    /** The folder given by {@code --out}, or the command's stamped folder under {@code --results}. */
    ResultsFolder create(Stamped stamped) throws IOException {
        return out != null ? ResultsFolder.at(out) : stamped.under(resultsRoot);
    }
}
