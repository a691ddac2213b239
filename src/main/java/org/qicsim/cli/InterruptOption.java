package org.qicsim.cli;

import picocli.CommandLine.Option;

/**
 * A hidden option for tests: behave as if Ctrl-C came after N runs were written, so the interrupt
 * path (exit 130, a consistent {@code .partial} folder) can be tested without sending signals
 * ({@link LocalExecution} acts on it).
 */
final class InterruptOption {
    @Option(names = "--interrupt-after", hidden = true, paramLabel = "N")
    Integer after;
}
