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
    /** One reusable generator per (stream, site), created on first use and reset once a month. */
    private final MonthlyKey[][] keys;
    /** The month each of {@link #keys} was last reset for. */
    private final int[][] resetFor;
    /** The coordinating centre's and landscape's generators (site = J) this month. */
    private final SplittableRandom[] centre;
    private final KeyedGenerator[] reusable;
    private int month = Integer.MIN_VALUE;

    MonthlyRandom(Streams streams, int sites) {
        this.streams = streams;
        this.sites = sites;
        this.keys = new MonthlyKey[Stream.values().length][sites];
        this.resetFor = new int[Stream.values().length][sites];
        this.centre = new SplittableRandom[Stream.values().length];
        this.reusable = new KeyedGenerator[Stream.values().length];
        for (int i = 0; i < reusable.length; i++) {
            reusable[i] = new KeyedGenerator();
        }
    }

    void beginMonth(int t) {
        month = t;
        java.util.Arrays.fill(centre, null);
    }

    /**
     * The generator of a site this month: the numbers of {@code streams.of(stream, site, month)},
     * continued by every use within the month, from one reusable {@link MonthlyKey} per key (no
     * allocation per site-month). Valid until the month ends.
     */
    MonthlyKey of(Stream stream, int site) {
        MonthlyKey k = keys[stream.ordinal()][site];
        if (k == null) {
            k = new MonthlyKey().reset(streams.seedOf(stream, site, month));
            keys[stream.ordinal()][site] = k;
            resetFor[stream.ordinal()][site] = month;
        } else if (resetFor[stream.ordinal()][site] != month) {
            k.reset(streams.seedOf(stream, site, month));
            resetFor[stream.ordinal()][site] = month;
        }
        return k;
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

    /** The generator of the coordinating centre and landscape (site = J) this month. */
    SplittableRandom centre(Stream stream) {
        SplittableRandom r = centre[stream.ordinal()];
        if (r == null) {
            r = streams.of(stream, sites, month);
            centre[stream.ordinal()] = r;
        }
        return r;
    }
}
