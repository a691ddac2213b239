package org.qicsim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code qicsim} command: global options, subcommands, exit codes and where output goes.
 *
 * <ul>
 *   <li>Exit codes: see {@link ExitCodes}. {@link #main} is the only place in qicsim that calls
 *       {@link System#exit}; everything else returns or throws.</li>
 *   <li>stdout ({@code getOut()}) carries results; logs, progress, warnings and errors go to stderr
 *       ({@code getErr()}). Commands print through the writers of their {@code CommandSpec}, so tests
 *       can capture both.</li>
 *   <li>A failure prints {@code error: <message>}; the stack trace only with {@code --debug}.</li>
 * </ul>
 */
@Command(name = "qicsim",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        scope = ScopeType.INHERIT,
        description = "Simulates designs of healthcare quality improvement collaboratives.",
        subcommands = {HelpCommand.class, AttributeCommand.class, CalibrateCommand.class, ValidateCommand.class,
            SchemaCommand.class, RunCommand.class, CompareCommand.class, DiscoverCommand.class, SweepCommand.class,
            QueryCommand.class, ReportCommand.class, MergeCommand.class, PatternsCommand.class, ServeCommand.class,
            SlurmCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:failure during execution",
            "2:invalid input (usage, scenario or experiment file, existing --out)",
            "130:interrupted (results consistent; a sweep resumes with --resume)"})
public final class Main implements Callable<Integer> {

    static {
        // Before any AWT class loads (charts in reports): never try to open a display.
        System.setProperty("java.awt.headless", "true");
    }

    @Spec
    private CommandSpec spec;

    @Mixin
    private GlobalOptions globalOptions;

    GlobalOptions globalOptions() {
        return globalOptions;
    }

    /** {@code qicsim} without a command is a usage error. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs {@code qicsim args} with the process's stdout and stderr and returns the exit code: 1 if
     * stdout could not be written (closed, a full disk), since results were then lost.
     */
    public static int execute(String... args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = ExitCodes.FAILURE;
        try {
            code = newCommandLine(out, err).execute(args);
            // PrintWriter and PrintStream swallow I/O errors; they only remember them.
            if (out.checkError() || System.out.checkError()) {
                err.println("error: could not write the results to standard output (closed or full?)");
                code = code == ExitCodes.OK ? ExitCodes.FAILURE : code;
            }
            return code;
        } finally {
            out.flush();
            err.flush();
            // Ctrl-C: the shutdown hook may now let the JVM halt; everything is printed.
            StopOnInterrupt.outputPrinted();
        }
    }

    /**
     * The configured command tree, writing to {@code out} and {@code err}: exit-code mapping, logging
     * for the duration of each execution, and the same writers for every subcommand.
     *
     * @param extraSubcommands further {@code @Command} objects to add (tests); they are added before
     *                         the writers are set, because picocli gives writers only to the
     *                         subcommands present when {@code setOut}/{@code setErr} is called
     */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err, Object... extraSubcommands) {
        CommandLine commandLine = new CommandLine(new Main());
        for (Object subcommand : extraSubcommands) {
            commandLine.addSubcommand(subcommand);
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        commandLine.setExecutionStrategy(Main::executeWithLogging);
        return commandLine;
    }

    private static int executeWithLogging(ParseResult parseResult) {
        CommandLine root = parseResult.commandSpec().root().commandLine();
        GlobalOptions options = ((Main) root.getCommand()).globalOptions;
        rejectUnmatched(parseResult);
        CliLogging logging = CliLogging.configure(root.getErr(), options.consoleLevel());
        try {
            return new CommandLine.RunLast().execute(parseResult);
        } catch (Error error) {
            // picocli lets Errors through; route them to the failure handler like any failure (exit 1).
            throw new CommandLine.ExecutionException(root, String.valueOf(error.getMessage()), error);
        } finally {
            logging.close();
        }
    }

    /**
     * picocli ignores unknown arguments when help is asked for, so {@code qicsim no-such-command --help}
     * would print the root's usage and exit 0; it is a usage error (exit 2, with "did you mean").
     */
    private static void rejectUnmatched(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (!level.unmatched().isEmpty()) {
                throw new CommandLine.UnmatchedArgumentException(level.commandSpec().commandLine(), level.unmatched());
            }
        }
    }

    /** Maps a command's exception to its exit code and prints its message (trace with --debug). */
    private static final class FailureHandler implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
            CommandLine root = commandLine.getCommandSpec().root().commandLine();
            Throwable failure = ExitCodes.unwrap(unwrapPicocli(ex));
            int code = ExitCodes.of(failure);
            boolean debug = ((Main) root.getCommand()).globalOptions.debug();
            PrintWriter err = root.getErr();
            if (code == ExitCodes.INTERRUPTED) {
                err.println("interrupted" + (failure.getMessage() == null ? "" : ": " + failure.getMessage()));
            } else {
                err.println("error: " + message(failure));
            }
            if (debug) {
                StringWriter trace = new StringWriter();
                failure.printStackTrace(new PrintWriter(trace));
                err.print(trace);
            } else if (code == ExitCodes.FAILURE) {
                err.println("(run with --debug for details)");
            }
            err.flush();
            return code;
        }

        /** picocli wraps Errors (not Exceptions) thrown by a command in its ExecutionException. */
        private static Throwable unwrapPicocli(Exception ex) {
            if (ex instanceof CommandLine.ExecutionException && ex.getCause() != null) {
                return ex.getCause();
            }
            return ex;
        }

        private static String message(Throwable failure) {
            String message = failure.getMessage();
            return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
        }
    }
}
