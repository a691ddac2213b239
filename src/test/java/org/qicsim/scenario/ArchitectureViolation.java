package org.qicsim.scenario;

import org.qicsim.model.RunResult;

/**
 * Deliberately makes the scenario package depend on the model, against the package direction, so
 * that {@code org.qicsim.ArchitectureTest} can show its rule catches it. Test sources only.
 */
public final class ArchitectureViolation {
    private ArchitectureViolation() {
    }

    static int metrics() {
        return RunResult.METRICS.size();
    }
}
