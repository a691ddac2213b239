package org.qicsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.qicsim.results.ResultsFolder;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --resume DIR} of {@code run}, {@code compare} and {@code attribute}: the interrupted folder
 * is reopened (its lock taken, its CSV tables repaired by the run store), each design's resolved
 * scenario (an attribution's all-on scenario and features file) and the parameter draws of its
 * replicates ({@link ParameterOption#record}) must equal the ones the folder was started with, and
 * only the missing runs are run.
 */
final class ResumeOption {
    @Option(names = "--resume", paramLabel = "DIR", description = "Finish the interrupted folder DIR (its .partial "
            + "folder), given the arguments it was started with: only the missing runs are run.")
    Path dir;

    /** Refuses what cannot go with {@code --resume}. */
    void check(CommandLine commandLine, OutputOptions output) {
        if (dir == null) {
            return;
        }
        if (output.out != null || output.dryRun) {
            throw new ParameterException(commandLine, "--resume continues its folder; it takes no --out or --dry-run");
        }
    }

    /** The folder to write: the reopened one with {@code --resume}, else a new one. */
    ResultsFolder folder(FolderMaker fresh) throws IOException {
        return dir != null ? ResultsFolder.reopen(dir) : fresh.make();
    }

    /** Makes a new results folder. */
    @FunctionalInterface
    interface FolderMaker {
        ResultsFolder make() throws IOException;
    }
}
