package org.qicsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.Problem;
import org.qicsim.scenario.ResolvedScenario;
import org.qicsim.scenario.ScenarioException;
import org.qicsim.scenario.ScenarioLoader;
import picocli.CommandLine.Option;

/**
 * The scenario options shared by {@code run} and {@code compare}: {@code --set}, {@code --seed},
 * {@code --reps}. They become overrides applied after the file, in that order, so the resolved
 * scenario (and its hash) records exactly what ran.
 */
final class ScenarioArguments {
    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a key, e.g. --set sites.count=40 (repeatable; the value is YAML).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "S", description = "Master seed (default: the scenario's seed).")
    Long seed;

    @Option(names = "--reps", paramLabel = "N", description = "Replications (default: the scenario's).")
    Integer reps;

    /** The file with --set and the given seed and replications (null: the file's own). */
    ResolvedScenario load(Path file, Long masterSeed, Integer replications, PrintWriter err)
            throws ScenarioException {
        return load(file, masterSeed, replications, err, List.of());
    }

    /** As above, then {@code extra} overrides (a parameter draw) last. */
    ResolvedScenario load(Path file, Long masterSeed, Integer replications, PrintWriter err, List<KeyOverride> extra)
            throws ScenarioException {
        List<KeyOverride> overrides = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            try {
                overrides.add(KeyOverride.parseSet(sets.get(i), i + 1));
            } catch (ScenarioException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        if (masterSeed != null) {
            overrides.add(KeyOverride.of("seed", masterSeed, "--seed"));
        }
        if (replications != null) {
            overrides.add(KeyOverride.of("replications", replications, "--reps"));
        }
        overrides.addAll(extra);
        ResolvedScenario resolved = ScenarioLoader.load(file, overrides);
        resolved.notes().forEach(note -> err.println(note.format()));
        return resolved;
    }
}
