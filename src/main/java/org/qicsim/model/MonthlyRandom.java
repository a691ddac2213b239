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
    private final KeyedGenerator[] reusable;
    private int month = Integer.MIN_VALUE;

    MonthlyRandom(Streams streams, int sites) {
        this.streams = streams;
        this.sites = sites;
        this.current = new SplittableRandom[Stream.values().length][sites + 1];
        this.reusable = new KeyedGenerator[Stream.values().length];
        for (int i = 0; i < reusable.length; i++) {
            reusable[i] = new KeyedGenerator();
        }
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

    /**
     * The generator of a key that exactly one mechanism draws from, in one place, per site-month
     * (the world phase's execution and patients keys, recording and audit): the same numbers as
     * {@link #of}, from one reusable generator per stream, so the monthly loop allocates nothing.
     * Valid until the next call for the same stream.
     */
    KeyedGenerator reused(Stream stream, int site) {
        return reusable[stream.ordinal()].reset(streams.seedOf(stream, site, month));
    }

    SplittableRandom centre(Stream stream) {
        return of(stream, sites);
    }
}
