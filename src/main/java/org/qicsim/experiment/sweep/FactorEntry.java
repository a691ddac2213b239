package org.qicsim.experiment.sweep;

import org.qicsim.experiment.doe.Factor;
import org.qicsim.scenario.KeySpec;
import org.qicsim.scenario.tree.Location;
import org.qicsim.scenario.tree.MapNode;
import org.qicsim.scenario.tree.Node;

/**
 * One entry of the experiment file's {@code factors:}: the design factor, the scenario key it
 * varies, and where it was written, so that any later complaint (a design that cannot use it, a
 * point whose scenario is invalid) points at the right line.
 *
 * @param keyAt where the key path was written
 * @param value the factor's value node: a list, or a mapping of range or distribution parameters
 */
public record FactorEntry(Factor factor, KeySpec key, Location keyAt, Node value) {

    public String path() {
        return factor.path();
    }

    /** Where parameter {@code parameter} (e.g. {@code sd}, {@code levels}) was written, else the value. */
    public Location locate(String parameter) {
        if (parameter != null && value instanceof MapNode map && map.has(parameter)) {
            return map.get(parameter).location();
        }
        if (parameter == null && value instanceof MapNode map && map.has("distribution")) {
            // A complaint about a distribution as a whole (say, one in a grid) points at its name.
            return map.get("distribution").location();
        }
        return value.location();
    }
}
