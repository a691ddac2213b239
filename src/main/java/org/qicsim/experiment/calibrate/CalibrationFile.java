package org.qicsim.experiment.calibrate;

import java.nio.file.Path;
import java.util.List;
import org.qicsim.scenario.ScenarioException;

/**
 * A checked calibration file ({@code qicsim calibrate CALIBRATION.yaml}, docs/CALIBRATION.md):
 * the free parameters with their priors, the targets, the method's settings ({@code settings} for
 * ABC-SMC, or {@code historyMatching} when {@code method: {type: historyMatching}}, else null), the run budget, the
 * master seed and the replicates per evaluation, plus its canonical form ({@code resolvedYaml},
 * written as {@code calibration.resolved.yaml}) and that form's SHA-256, which names the results
 * folder and pins a resumed calibration to the file it started from.
 */
public record CalibrationFile(Path file, List<Prior> priors, List<CalibrationTarget> targets, AbcSmc.Settings settings,
        long runBudget, long seed, int replicates, String resolvedYaml, String sha256,
        HistoryMatching.Settings historyMatching) {

    /** The file name of the canonical form in a results folder. */
    public static final String RESOLVED = "calibration.resolved.yaml";

    public CalibrationFile {
        priors = List.copyOf(priors);
        targets = List.copyOf(targets);
    }

    /**
     * Loads and checks a calibration file through the located pipeline; every problem is reported
     * at its file, line and column (exit 2).
     */
    public static CalibrationFile load(Path file) throws ScenarioException {
        return load(file, PatternTargets.NONE);
    }

    /** As {@link #load(Path)}, evaluating pattern targets with {@code patternTargets}. */
    public static CalibrationFile load(Path file, PatternTargets patternTargets) throws ScenarioException {
        return CalibrationParser.load(file, patternTargets);
    }

    /** As the canonical constructor, for an ABC-SMC calibration. */
    public CalibrationFile(Path file, List<Prior> priors, List<CalibrationTarget> targets, AbcSmc.Settings settings,
            long runBudget, long seed, int replicates, String resolvedYaml, String sha256) {
        this(file, priors, targets, settings, runBudget, seed, replicates, resolvedYaml, sha256, null);
    }

    /** The method's name as the file spells it: {@code abcSmc} or {@code historyMatching}. */
    public String method() {
        return historyMatching == null ? "abcSmc" : "historyMatching";
    }

    /** Runs one evaluation (one proposal) takes over every target. */
    public int runsPerEvaluation() {
        int runs = 0;
        for (CalibrationTarget t : targets) {
            runs += t.runsPerEvaluation();
        }
        return runs;
    }

    public String hash8() {
        return sha256.substring(0, 8);
    }
}
