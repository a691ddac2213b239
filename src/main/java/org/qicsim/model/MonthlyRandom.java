package org.qicsim.model;

import java.util.SplittableRandom;
import org.qicsim.model.Streams.Stream;

/**
 * The keyed generators of one arm for the current month (MODEL.md §7): one generator per
 * (stream, site) per month, created on first use, so that every mechanism that draws on the same
 * key in the same month continues one sequence instead of replaying it.
 */
final class MonthlyRandom {
    private final Streams streams;
    private final int sites;
    private final SplittableRandom[][] current;
    private int month = Integer.MIN_VALUE;

    MonthlyRandom(Streams streams, int sites) {
        this.streams = streams;
        this.sites = sites;
        this.current = new SplittableRandom[Stream.values().length][sites + 1];
    }

    void beginMonth(int t) {
        month = t;
        for (SplittableRandom[] row : current) {
            java.util.Arrays.fill(row, null);
        }
    }

    /** The generator of a site (or of the coordinating centre and landscape, site = J) this month. */
    SplittableRandom of(Stream stream, int site) {
        SplittableRandom r = current[stream.ordinal()][site];
        if (r == null) {
            r = streams.of(stream, site, month);
            current[stream.ordinal()][site] = r;
        }
        return r;
    }

    SplittableRandom centre(Stream stream) {
        return of(stream, sites);
    }
}
