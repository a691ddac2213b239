package org.qicsim.results;

import sim.engine.Schedule;

/**
 * Deliberately uses MASON outside the model, so that {@code org.qicsim.ArchitectureTest} can show
 * its rule catches it. Test sources only.
 */
public final class ArchitectureViolation {
    private ArchitectureViolation() {
    }

    static double time() {
        return new Schedule().getTime();
    }
}
