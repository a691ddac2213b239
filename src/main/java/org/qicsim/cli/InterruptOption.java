package org.qicsim.cli;

import org.qicsim.experiment.RunExecutor;
import org.qicsim.experiment.StopSignal;
import picocli.CommandLine.Option;

/**
 * A hidden option for tests: behave as if Ctrl-C came after N runs were written, so the interrupt
 * path (exit 130, a consistent {@code .partial} folder) can be tested without sending signals.
 */
final class InterruptOption {
    @Option(names = "--interrupt-after", hidden = true, paramLabel = "N")
    Integer after;

    /** The sink, requesting a stop once {@code after} runs have been written. */
    RunExecutor.Sink counting(StopSignal stop, RunExecutor.Sink sink) {
        if (after == null) {
            return sink;
        }
        int[] written = new int[1];
        return (run, result) -> {
            sink.accept(run, result);
            if (++written[0] >= after) {
                stop.request();
            }
        };
    }
}
