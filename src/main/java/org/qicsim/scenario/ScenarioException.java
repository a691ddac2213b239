package org.qicsim.scenario;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Invalid input: one or more located problems (exit code 2 at the command line). Its message is the
 * formatted problem list (one per line), so printing it is enough; it never needs a stack trace.
 */
public final class ScenarioException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public ScenarioException(List<Problem> problems) {
        super(format(problems), null, false, false);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ScenarioException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public ScenarioException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Every problem, one formatted line each. */
    public String format() {
        return format(problems);
    }

    private static String format(List<Problem> problems) {
        return problems.stream().map(Problem::format).collect(Collectors.joining("\n"));
    }
}
