package org.qicsim.web;

import java.util.List;
import org.qicsim.scenario.Problem;

/**
 * A request the server refuses with a 4xx status and a message meant for the page. The message is
 * written by the server, never copied from a file other than the request's own upload.
 */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient List<Problem> problems;

    ApiException(int status, String message) {
        this(status, message, List.of());
    }

    ApiException(int status, String message, List<Problem> problems) {
        super(message, null, false, false);
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("not a client error status: " + status);
        }
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    int status() {
        return status;
    }

    /** Located problems in the upload or the levers, shown one per line on the page. */
    List<Problem> problems() {
        return problems;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    static ApiException conflict(String message) {
        return new ApiException(409, message);
    }

    static ApiException tooMany(String message) {
        return new ApiException(429, message);
    }
}
