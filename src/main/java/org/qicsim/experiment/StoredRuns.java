package org.qicsim.experiment;

import java.io.IOException;
import java.util.BitSet;

/** Collects the (point, replicate) keys found in a folder's {@code runs} table, refusing what cannot be there. */
public final class StoredRuns {
    private StoredRuns() {
    }

    public static void add(BitSet stored, RunIndex runs, int point, int replicate) throws IOException {
        if (!runs.contains(point, replicate)) {
            throw new IOException("the folder holds run (point " + point + ", replicate " + replicate
                    + "), which this experiment does not have");
        }
        int index = runs.index(point, replicate);
        if (stored.get(index)) {
            throw new IOException("the folder holds run (point " + point + ", replicate " + replicate + ") twice");
        }
        stored.set(index);
    }
}
