package org.qicsim.cli;

import java.nio.channels.ClosedByInterruptException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.qicsim.results.UserInputException;
import org.qicsim.scenario.ScenarioException;
import picocli.CommandLine.ParameterException;

/** Exit codes of every qicsim command (ARCHITECTURE.md, "Command-line conventions"). */
public final class ExitCodes {

    /** Success. */
    public static final int OK = 0;
    /** A failure while executing (I/O error, bug); only the message is shown without {@code --debug}. */
    public static final int FAILURE = 1;
    /** Invalid input: usage, a scenario or experiment file, an existing {@code --out}. */
    public static final int INVALID_INPUT = 2;
    /** Interrupted; results written so far are consistent (a sweep can be resumed; run and compare cannot). */
    public static final int INTERRUPTED = 130;

    /**
     * Exception types from packages below {@code results} that mean invalid input, besides
     * {@link UserInputException} and picocli's {@link ParameterException}.
     */
    static final List<Class<? extends Throwable>> USER_INPUT_TYPES = List.of(ScenarioException.class);

    private ExitCodes() {
    }

    /** The exit code for a failure (after {@link #unwrap}). */
    public static int of(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof UserInputException || t instanceof ParameterException) {
            return INVALID_INPUT;
        }
        for (Class<? extends Throwable> type : USER_INPUT_TYPES) {
            if (type.isInstance(t)) {
                return INVALID_INPUT;
            }
        }
        if (t instanceof InterruptedException || t instanceof ClosedByInterruptException) {
            return INTERRUPTED;
        }
        return FAILURE;
    }

    /**
     * Removes the wrappers added by executors ({@link ExecutionException}, {@link CompletionException}),
     * so that a worker's exception is classified by its own type.
     */
    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
