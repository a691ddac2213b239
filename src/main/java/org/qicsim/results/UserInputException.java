package org.qicsim.results;

/**
 * Base of exceptions caused by what the user supplied (a file, an option, an existing output
 * folder) rather than by a fault in qicsim. The command line maps it to exit code 2 and prints only
 * its message. Packages above {@code results} extend it; packages below (e.g. {@code scenario}) keep
 * their own types, which the command line lists explicitly.
 */
public class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
