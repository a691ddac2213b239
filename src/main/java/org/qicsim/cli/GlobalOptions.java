package org.qicsim.cli;

import java.util.logging.Level;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * Options accepted by every command ({@code scope = INHERIT}): picocli stores them here, on the root
 * command's instance, wherever they appear on the command line. Subcommands read them with
 * {@link #of(CommandSpec)}.
 */
public final class GlobalOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--quiet", scope = ScopeType.INHERIT,
            description = "Only warnings and errors on stderr; no progress bar.")
    private boolean quiet;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "More detail on stderr.")
    private boolean verbose;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "All log messages, and stack traces of failures.")
    private boolean debug;

    private int threads = Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());

    /** The global options of the command tree {@code spec} belongs to. */
    public static GlobalOptions of(CommandSpec spec) {
        return ((Main) spec.root().userObject()).globalOptions();
    }

    /** Most worker threads accepted: far above any machine's useful count, far below what exhausts memory. */
    public static final int MAX_THREADS = 1024;

    @Option(names = "--threads", scope = ScopeType.INHERIT, paramLabel = "N",
            description = "Worker threads for runs, 1 to " + MAX_THREADS + " (default: the number of processors).")
    void setThreads(int threads) {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new ParameterException(mixee.commandLine(), "--threads must be between 1 and " + MAX_THREADS
                    + ", was " + threads);
        }
        this.threads = threads;
    }

    public boolean quiet() {
        return quiet;
    }

    public boolean verbose() {
        return verbose;
    }

    public boolean debug() {
        return debug;
    }

    public int threads() {
        return threads;
    }

    /**
     * The console's log level: {@code --debug} (ALL) over {@code --verbose} (FINE) over
     * {@code --quiet} (WARNING); INFO otherwise.
     */
    public Level consoleLevel() {
        if (debug) {
            return Level.ALL;
        } else if (verbose) {
            return Level.FINE;
        } else if (quiet) {
            return Level.WARNING;
        }
        return Level.INFO;
    }
}
