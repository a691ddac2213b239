package org.qicsim.experiment;

import java.util.concurrent.ExecutionException;

/** Rethrows what a task threw, so a failed run fails its caller with its own exception. */
final class Failures {
    private Failures() {
    }

    /** The cause of an {@link ExecutionException} as an unchecked or interrupted exception. */
    static RuntimeException cause(ExecutionException e) throws InterruptedException {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException) {
            return (RuntimeException) cause;
        }
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        if (cause instanceof InterruptedException) {
            throw (InterruptedException) cause;
        }
        return new IllegalStateException(cause);
    }
}
