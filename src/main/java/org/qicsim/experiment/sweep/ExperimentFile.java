package org.qicsim.experiment.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.qicsim.experiment.doe.Design;
import org.qicsim.experiment.doe.DesignGenerator;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.ResolvedScenario;
import org.qicsim.scenario.ScenarioException;
import org.qicsim.scenario.tree.Location;

/**
 * A loaded and checked experiment file (docs/SWEEPS.md): the base scenario with the experiment's
 * fixed settings, seed and replications applied, the factors, the generated design, the outputs,
 * and the experiment's resolved form ({@code experiment.resolved.yaml}) with its SHA-256.
 *
 * <pre>
 *   scenario: ../michigan-cqi.yaml        # required: the base scenario, relative to this file
 *   seed: 7                               # optional: overrides the base scenario's seed
 *   replications: 10                      # optional: overrides the base scenario's replications
 *   commonRandomNumbers: true             # default: every point uses replicates 0..n−1
 *   set: {sites.count: 20}                # optional: keys fixed for every point
 *   factors:
 *     collaborative.feedback.display: [funnel, league]
 *     sites.heterogeneity: {min: 0.1, max: 0.3, levels: 3}
 *     behaviour.effort.intercept: {distribution: normal, mean: -2, sd: 0.5, lower: -4, upper: 0}
 *   design: {type: lhs, n: 50}            # grid | oneAtATime | lhs (n) | sobol (n) | morris (r, levels)
 *   outputs: {metrics: [finalRate, eventsAverted], monthly: false, sites: false}
 * </pre>
 *
 * @param file           the experiment file as given
 * @param scenarioFile   the base scenario file (relative to the experiment file)
 * @param base           the base scenario after {@code set}, {@code seed} and {@code replications}
 * @param baseOverrides  those settings as overrides, applied to every point before its factors
 * @param origins        the location of each override's origin, to relocate scenario problems
 * @param masterSeed     the seed of run seeds and of design sampling
 * @param generator      the design of experiments, with its parameters
 * @param design         the generated design points
 * @param resolvedYaml   the canonical form written to {@code experiment.resolved.yaml}
 * @param sha256         SHA-256 (hex) of {@code resolvedYaml}: the sweep's hash
 */
public record ExperimentFile(Path file, Path scenarioFile, ResolvedScenario base, List<KeyOverride> baseOverrides,
        Map<String, Location> origins, long masterSeed, int replications, boolean commonRandomNumbers,
        List<FactorEntry> factors, DesignGenerator generator, Design design, SweepOutputs outputs,
        String resolvedYaml, String sha256) {

    /** The file name written beside the results, from which the sweep can be repeated. */
    public static final String RESOLVED = "experiment.resolved.yaml";

    public ExperimentFile {
        baseOverrides = List.copyOf(baseOverrides);
        origins = Map.copyOf(origins);
        factors = List.copyOf(factors);
    }

    /**
     * Reads, checks and resolves an experiment file, with its base scenario, in one pipeline: every
     * problem is reported at once as {@code file:line:column: path: message (valid: …)}, with "did
     * you mean" for misspelt keys, factor paths, design types and metrics.
     */
    public static ExperimentFile load(Path file) throws ScenarioException {
        return ExperimentParser.load(file);
    }

    /** The first 8 hex digits of {@link #sha256()}, as used in results folder names. */
    public String hash8() {
        return sha256.substring(0, 8);
    }

    /** Design points × replicates. */
    public long runs() {
        return (long) design.size() * replications;
    }
}
