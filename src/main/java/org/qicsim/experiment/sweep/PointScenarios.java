package org.qicsim.experiment.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qicsim.experiment.doe.DesignPoint;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.ResolvedScenario;
import org.qicsim.scenario.ScenarioException;
import org.qicsim.scenario.ScenarioLoader;
import org.qicsim.scenario.tree.Location;

/**
 * The scenario of each design point: the base scenario file loaded again with the experiment's
 * fixed settings and then the point's factor values as overrides, so a point is validated exactly
 * as a scenario file would be (cross-key rules included) and its world hash says which points can
 * share a counterfactual. Each override's origin is {@code FILE factor PATH}; a problem it causes
 * is relocated to the factor's line in the experiment file and names the point. Thread-safe: every
 * call loads afresh, so points can be resolved in parallel and dropped after use.
 */
public final class PointScenarios {
    private final ExperimentFile experiment;
    private final List<String> factorOrigins = new ArrayList<>();
    private final Map<String, Location> origins = new LinkedHashMap<>();

    public PointScenarios(ExperimentFile experiment) {
        this.experiment = experiment;
        origins.putAll(experiment.origins());
        String display = experiment.file().normalize().toString();
        for (FactorEntry f : experiment.factors()) {
            String origin = display + " factor " + f.path();
            factorOrigins.add(origin);
            origins.put(origin, f.keyAt());
        }
    }

    /**
     * The resolved scenario of design point {@code id} (1-based).
     *
     * @throws ScenarioException if the point's combination of values is not a valid scenario
     */
    public ResolvedScenario resolve(int id) throws ScenarioException {
        return resolve(id, List.of());
    }

    /** As {@link #resolve(int)}, then {@code extra} overrides (a replicate's parameter draw). */
    public ResolvedScenario resolve(int id, List<KeyOverride> extra) throws ScenarioException {
        DesignPoint point = experiment.design().point(id);
        List<KeyOverride> overrides = new ArrayList<>(experiment.baseOverrides());
        for (int i = 0; i < experiment.factors().size(); i++) {
            overrides.add(KeyOverride.of(experiment.factors().get(i).path(), point.value(i), factorOrigins.get(i)));
        }
        overrides.addAll(extra);
        try {
            return ScenarioLoader.load(experiment.scenarioFile(), overrides);
        } catch (ScenarioException e) {
            throw ExperimentParser.relocated(e, origins, " [design point " + id + ": " + describe(point) + "]");
        }
    }

    /** {@code path = value, …} of a point, for messages. */
    String describe(DesignPoint point) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < experiment.factors().size(); i++) {
            out.append(i == 0 ? "" : ", ").append(experiment.factors().get(i).path()).append(" = ").append(point.value(i));
        }
        return out.toString();
    }
}
