package org.qicsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qicsim.results.BuildInfo;
import org.qicsim.results.TargetExistsException;
import org.qicsim.results.UserInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The command line through picocli's {@code execute}, with stdout and stderr captured. */
class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** A test-only command that fails in the way asked, logs, or reports the global options. */
    @Command(name = "probe", description = "Test command.")
    static final class Probe implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--throw")
        String kind = "none";

        @Override
        public Integer call() throws Exception {
            Logger log = Logger.getLogger("org.qicsim.test");
            log.fine("fine detail");
            log.info("info message");
            log.warning("warning message");
            switch (kind) {
                case "input": throw new UserInputException("bad scenario value");
                case "exists": throw new TargetExistsException(Path.of("x"), "output folder x already exists");
                case "failure": throw new IllegalStateException("disk on fire");
                case "nomessage": throw new NullPointerException();
                case "error": throw new AssertionError("broken invariant");
                case "interrupted": throw new InterruptedException("stopped by user");
                case "wrapped": throw new ExecutionException(new UserInputException("bad in worker"));
                case "usage": throw new ParameterException(spec.commandLine(), "--foo needs --bar");
                default:
                    GlobalOptions g = GlobalOptions.of(spec);
                    spec.commandLine().getOut().println("threads=" + g.threads() + " quiet=" + g.quiet()
                            + " verbose=" + g.verbose() + " debug=" + g.debug());
                    return 0;
            }
        }
    }

    private int run(String... args) {
        CommandLine commandLine = Main.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true), new Probe());
        return commandLine.execute(args);
    }

    @Test
    void helpListsGlobalOptionsAndExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: qicsim", "--threads=N", "--quiet", "--verbose", "--debug",
                "Exit codes:", "130", "help");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void helpCommandAndSubcommandHelpWork() {
        assertThat(run("help")).isZero();
        assertThat(out.toString()).contains("Usage: qicsim");
        out.getBuffer().setLength(0);
        assertThat(run("probe", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: qicsim probe", "--threads=N", "--help");
        out.getBuffer().setLength(0);
        assertThat(run("help", "probe")).isZero();
        assertThat(out.toString()).contains("Usage: qicsim probe");
    }

    @Test
    void versionPrintsBuildProperties() {
        BuildInfo build = BuildInfo.load();
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).contains("qicsim " + build.version(), "commit: " + build.commit(),
                "dirty: " + build.dirty(), "built: " + build.buildTime(), "java: ");
        assertThat(build.version()).isNotEqualTo(BuildInfo.UNKNOWN);
    }

    @Test
    void unknownOptionIsAUsageErrorOnStderr() {
        assertThat(run("--bogus")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--bogus'", "Usage: qicsim");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void missingCommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Missing command", "Usage: qicsim");
    }

    @Test
    void threadsMustBePositive() {
        assertThat(run("probe", "--threads", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--threads must be between 1 and 1024, was 0");
    }

    @Test
    void globalOptionsAreReadableFromSubcommandsWhereverGiven() {
        assertThat(run("--threads", "3", "probe", "--verbose")).isZero();
        assertThat(out.toString()).contains("threads=3 quiet=false verbose=true debug=false");
        out.getBuffer().setLength(0);
        assertThat(run("probe", "--quiet")).isZero();
        assertThat(out.toString()).contains("threads=" + Runtime.getRuntime().availableProcessors() + " quiet=true");
    }

    @ParameterizedTest(name = "{0} -> exit {1}")
    @CsvSource({
        "input, 2, error: bad scenario value",
        "exists, 2, error: output folder x already exists",
        "wrapped, 2, error: bad in worker",
        "failure, 1, error: disk on fire",
        "nomessage, 1, error: NullPointerException",
        "error, 1, error: broken invariant",
        "interrupted, 130, interrupted: stopped by user",
        "usage, 2, --foo needs --bar"})
    void exceptionsMapToExitCodesWithMessageOnly(String kind, int code, String message) {
        assertThat(run("probe", "--throw", kind)).isEqualTo(code);
        assertThat(err.toString()).contains(message).doesNotContain("\tat ");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void debugAddsTheStackTrace() {
        assertThat(run("--debug", "probe", "--throw", "failure")).isEqualTo(1);
        assertThat(err.toString()).contains("error: disk on fire", "java.lang.IllegalStateException: disk on fire",
                "\tat org.qicsim.cli.MainTest$Probe.call");
    }

    @Test
    void logLevelFollowsTheGlobalOptions() {
        assertThat(run("probe")).isZero();
        assertThat(err.toString()).contains("INFO info message", "WARNING warning message").doesNotContain("fine detail");
        err.getBuffer().setLength(0);
        assertThat(run("probe", "--quiet")).isZero();
        assertThat(err.toString()).contains("WARNING warning message").doesNotContain("INFO");
        err.getBuffer().setLength(0);
        assertThat(run("probe", "--verbose")).isZero();
        assertThat(err.toString()).contains("FINE fine detail", "INFO info message");
    }

    @Test
    void loggingConfigurationIsRestoredAfterTheCommand() {
        Logger root = Logger.getLogger("");
        Handler[] before = root.getHandlers();
        Level levelBefore = root.getLevel();
        run("probe", "--debug");
        assertThat(root.getHandlers()).containsExactly(before);
        assertThat(root.getLevel()).isEqualTo(levelBefore);
    }

    @Test
    void mainSetsHeadlessBeforeAnythingElse() throws ClassNotFoundException {
        Class.forName(Main.class.getName());
        assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
    }
}
