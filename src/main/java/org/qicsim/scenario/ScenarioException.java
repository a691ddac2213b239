package org.qicsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.qicsim.scenario.tree.Location;

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

    /**
     * The same problems, each whose file is a key of {@code origins} moved to that location and
     * every message followed by {@code suffix}: how a file that feeds overrides to a scenario (an
     * experiment, the features file) points its user at its own lines rather than at an override.
     */
    public ScenarioException relocated(Map<String, Location> origins, String suffix) {
        List<Problem> out = new ArrayList<>();
        for (Problem p : problems) {
            Location at = origins.get(p.file());
            Location where = at != null ? at : p.location();
            out.add(new Problem(p.severity(), where.file(), where.line(), where.column(), p.path(), p.message() + suffix));
        }
        return new ScenarioException(out);
    }

    /** Every problem, one formatted line each. */
    public String format() {
        return format(problems);
    }

    private static String format(List<Problem> problems) {
        return problems.stream().map(Problem::format).collect(Collectors.joining("\n"));
    }
}
