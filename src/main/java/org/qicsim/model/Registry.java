package org.qicsim.model;

/**
 * The coordinating centre's recorded data (MODEL.md §2 "CC"): counts only, per site-month the cases,
 * the recorded events and the recorded-risk counts in 64 bins of width 0.125 over [−4, 4] (values outside are
 * clamped to the end bins). A second copy holds what would have been recorded without gaming, on
 * the same draws, for {@code gamingGap}.
 *
 * <p>A ring buffer: it keeps only as many months as the longest look-back of any mechanism (three
 * feedback windows plus the lag for persistent PDs, a year for payments and observation, the longest
 * local test), so memory does not grow with the horizon.
 */
final class Registry {
    static final int BINS = 64;
    static final double BIN_WIDTH = 0.125;
    static final double LOW = -4.0;

    private final int sites;
    private final int capacity;
    private final int[] monthOfSlot;
    private final int[] cases;
    private final int[] events;
    private final int[] eventsUngamed;
    private final int[] bins;
    private final int[] binsUngamed;
    /** Per cell, the lowest and one past the highest bin holding a record (either copy): window() sums only those. */
    private final int[] binFrom;
    private final int[] binTo;

    Registry(int sites, int capacity) {
        this.sites = sites;
        this.capacity = capacity;
        this.monthOfSlot = new int[capacity];
        java.util.Arrays.fill(monthOfSlot, Integer.MIN_VALUE);
        this.cases = new int[capacity * sites];
        this.events = new int[capacity * sites];
        this.eventsUngamed = new int[capacity * sites];
        this.bins = new int[capacity * sites * BINS];
        this.binsUngamed = new int[capacity * sites * BINS];
        this.binFrom = new int[capacity * sites];
        this.binTo = new int[capacity * sites];
        java.util.Arrays.fill(binFrom, BINS);
    }

    /** The bin of a recorded risk. */
    static int bin(double risk) {
        int b = (int) Math.floor((risk - LOW) / BIN_WIDTH);
        return Math.max(0, Math.min(BINS - 1, b));
    }

    /** The risk value standing for bin b: its centre. */
    static double binCentre(int b) {
        return LOW + BIN_WIDTH * (b + 0.5);
    }

    /** Clears the slot that month t reuses. */
    void beginMonth(int month) {
        int slot = Math.floorMod(month, capacity);
        monthOfSlot[slot] = month;
        int base = slot * sites;
        java.util.Arrays.fill(cases, base, base + sites, 0);
        java.util.Arrays.fill(events, base, base + sites, 0);
        java.util.Arrays.fill(eventsUngamed, base, base + sites, 0);
        java.util.Arrays.fill(bins, base * BINS, (base + sites) * BINS, 0);
        java.util.Arrays.fill(binsUngamed, base * BINS, (base + sites) * BINS, 0);
        java.util.Arrays.fill(binFrom, base, base + sites, BINS);
        java.util.Arrays.fill(binTo, base, base + sites, 0);
    }

    /** Adds one record's recorded-risk bin as recorded and as it would have been recorded without gaming. */
    void addRecord(int month, int site, int bin, int binUngamed) {
        int cell = Math.floorMod(month, capacity) * sites + site;
        bins[cell * BINS + bin]++;
        binsUngamed[cell * BINS + binUngamed]++;
        binFrom[cell] = Math.min(binFrom[cell], Math.min(bin, binUngamed));
        binTo[cell] = Math.max(binTo[cell], Math.max(bin, binUngamed) + 1);
    }

    /** Records one patient as recorded and as it would have been recorded without gaming. */
    void record(int month, int site, boolean event, int bin, boolean eventUngamed, int binUngamed) {
        addRecord(month, site, bin, binUngamed);
        addEvents(month, site, 1, event ? 1 : 0, eventUngamed ? 1 : 0);
    }

    /** Adds a site-month's cases and recorded events (as recorded, and as without gaming). */
    void addEvents(int month, int site, int caseCount, int eventCount, int eventCountUngamed) {
        int cell = Math.floorMod(month, capacity) * sites + site;
        cases[cell] += caseCount;
        events[cell] += eventCount;
        eventsUngamed[cell] += eventCountUngamed;
    }

    boolean holds(int month) {
        return month >= 0 && monthOfSlot[Math.floorMod(month, capacity)] == month;
    }

    int cases(int month, int site) {
        return holds(month) ? cases[Math.floorMod(month, capacity) * sites + site] : 0;
    }

    int events(int month, int site) {
        return holds(month) ? events[Math.floorMod(month, capacity) * sites + site] : 0;
    }

    /**
     * Sums a site's records over months [from, to] (inclusive; months before 0 hold nothing) into
     * {@code histogram} and returns {cases, events}.
     */
    int[] window(int site, int from, int to, boolean ungamed, int[] histogram) {
        java.util.Arrays.fill(histogram, 0);
        int n = 0;
        int o = 0;
        int[] ev = ungamed ? eventsUngamed : events;
        int[] hb = ungamed ? binsUngamed : bins;
        for (int m = Math.max(0, from); m <= to; m++) {
            if (!holds(m)) {
                if (m > to - capacity) {
                    continue;
                }
                throw new IllegalStateException("month " + m + " is no longer held");
            }
            int cell = Math.floorMod(m, capacity) * sites + site;
            n += cases[cell];
            o += ev[cell];
            int hbase = cell * BINS;
            // Bins outside [binFrom, binTo) hold no record of this cell in either copy.
            int end = binTo[cell];
            for (int b = binFrom[cell]; b < end; b++) {
                histogram[b] += hb[hbase + b];
            }
        }
        return new int[] {n, o};
    }
}
