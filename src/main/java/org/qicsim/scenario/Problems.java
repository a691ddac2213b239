package org.qicsim.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qicsim.scenario.tree.Location;

/**
 * Collects every problem of one pass so that a user sees all of them at once, not one per run.
 * Reusable for any input file (scenarios, experiments).
 */
public final class Problems {

    private final List<Problem> problems = new ArrayList<>();

    public void error(Location at, String path, String message) {
        problems.add(Problem.error(at, path, message));
    }

    public void note(Location at, String path, String message) {
        problems.add(Problem.note(at, path, message));
    }

    public void add(Problem problem) {
        problems.add(problem);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
    }

    /**
     * The problems so far, grouped by file in the order the files first appear and sorted by line
     * and column within a file, the order in which a reader goes through them.
     */
    public List<Problem> sorted() {
        Map<String, List<Problem>> byFile = new LinkedHashMap<>();
        for (Problem problem : problems) {
            byFile.computeIfAbsent(problem.file(), f -> new ArrayList<>()).add(problem);
        }
        List<Problem> out = new ArrayList<>();
        for (List<Problem> group : byFile.values()) {
            group.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
            out.addAll(group);
        }
        return out;
    }

    /** Throws a {@link ScenarioException} holding every problem if any is an error. */
    public void throwIfErrors() throws ScenarioException {
        if (hasErrors()) {
            throw new ScenarioException(sorted());
        }
    }
}
