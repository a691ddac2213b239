package org.qicsim.experiment.sweep;

import java.io.IOException;
import java.util.BitSet;

/** Collects the (point, replicate) keys found in a folder's {@code runs} table, refusing what cannot be there. */
final class StoredRuns {
    private StoredRuns() {
    }

    static void add(BitSet stored, SweepPlan plan, int point, int replicate) throws IOException {
        if (point < 1 || point > plan.points() || replicate < 0 || replicate >= plan.replications()) {
            throw new IOException("the folder holds run (point " + point + ", replicate " + replicate
                    + "), which this experiment does not have");
        }
        int index = plan.index(point, replicate);
        if (stored.get(index)) {
            throw new IOException("the folder holds run (point " + point + ", replicate " + replicate + ") twice");
        }
        stored.set(index);
    }
}
