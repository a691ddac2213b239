package org.qicsim.experiment;

import org.qicsim.scenario.ResolvedScenario;

/**
 * One design of an experiment: its point id (1-based, the {@code point} column), a display name and
 * its resolved scenario. A plain {@code run} has one design, point 0.
 */
public record DesignSpec(int point, String name, ResolvedScenario scenario) {
}
