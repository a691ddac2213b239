package org.qicsim.cli;

import picocli.CommandLine.Option;

/** Where {@code run}, {@code compare} and {@code attribute} write, and whether they run at all (ARCHITECTURE.md CLI conventions). */
final class OutputOptions extends FolderOptions {
    @Option(names = "--dry-run", description = "Validate and print the runs and an estimate of the time; run nothing.")
    boolean dryRun;
}
