package org.qicsim.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where {@code run} and {@code compare} write, and whether they run at all (ARCHITECTURE.md CLI conventions). */
final class OutputOptions {
    @Option(names = "--out", paramLabel = "DIR", description = "Results folder to create (must not exist).")
    Path out;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results",
            description = "Where stamped results folders go (default: ${DEFAULT-VALUE}).")
    Path resultsRoot;

    @Option(names = "--dry-run", description = "Validate and print the runs and an estimate of the time; run nothing.")
    boolean dryRun;
}
