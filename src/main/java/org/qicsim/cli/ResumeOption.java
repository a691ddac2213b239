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
 * scenario (an attribution's all-on scenario and features file) must equal the one the folder was
 * started with, and only the missing runs are run.
 */
final class ResumeOption {
    @Option(names = "--resume", paramLabel = "DIR", description = "Finish the interrupted folder DIR (its .partial "
            + "folder), given the arguments it was started with: only the missing runs are run.")
    Path dir;

    /** Refuses what cannot go with {@code --resume}. */
    void check(CommandLine commandLine, OutputOptions output, boolean parameters) {
        if (dir == null) {
            return;
        }
        if (output.out != null || output.dryRun) {
            throw new ParameterException(commandLine, "--resume continues its folder; it takes no --out or --dry-run");
        }
        if (parameters) {
            throw new ParameterException(commandLine, "--resume cannot be combined with --parameters (the folder does "
                    + "not record which draws it ran); run the command again instead");
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
