package org.qicsim.model;

/**
 * The coordinating centre's recorded data (MODEL.md §2 "CC"): counts only, per site-month the cases,
 * the recorded events and the recorded-risk counts in 64 bins of width 0.125 over [−4, 4] (values outside are
 * clamped to the end bins). A second copy holds what would have been recorded without gaming, on
 * the same draws, for {@code gamingGap}. The recorded events are binned by recorded risk too, so the
 * centre can fit its risk model to its own data (MODEL.md §6 S3).
 *
 * <p>A ring buffer: it keeps only as many months as the longest look-back of any mechanism (three
 * feedback windows plus the lag for persistent PDs, a year for payments and observation, the longest
 * local test), so memory does not grow with the horizon.
 *
 * <p>The bins are kept cumulatively: a cell holds the site's counts over every month from 0 to its
 * own, so a window's histogram is one difference of two cells instead of a sum over its months
 * (integer counts, so the same histogram to the last count). The ring holds one month more than the
 * look-back, the month before a window's first.
 */
final class Registry {
    static final int BINS = 64;
    static final double BIN_WIDTH = 0.125;
    static final double LOW = -4.0;

    private final int sites;
    /** Months held: the longest look-back plus the month before a window (its cumulative base). */
    private final int capacity;
    /** The latest month begun (−1 before month 0). */
    private int latest = -1;
    private final int[] monthOfSlot;
    private final int[] cases;
    private final int[] events;
    private final int[] eventsUngamed;
    private final int[] bins;
    private final int[] binsUngamed;
    /** Recorded events per recorded-risk bin (cumulative, as {@link #bins}). */
    private final int[] eventBins;
    private final int[] eventBinsUngamed;
    /**
     * Per cell, the lowest and one past the highest bin holding a record (either copy) in any month
     * up to the cell's: window() differences only those.
     */
    private final int[] binFrom;
    private final int[] binTo;

    Registry(int sites, int capacity) {
        this.sites = sites;
        this.capacity = capacity + 1;
        int cells = this.capacity * sites;
        this.monthOfSlot = new int[this.capacity];
        java.util.Arrays.fill(monthOfSlot, Integer.MIN_VALUE);
        this.cases = new int[cells];
        this.events = new int[cells];
        this.eventsUngamed = new int[cells];
        this.bins = new int[cells * BINS];
        this.binsUngamed = new int[cells * BINS];
        this.eventBins = new int[cells * BINS];
        this.eventBinsUngamed = new int[cells * BINS];
        this.binFrom = new int[cells];
        this.binTo = new int[cells];
        java.util.Arrays.fill(binFrom, BINS);
    }

    /**
     * An exact copy holding {@code capacity} months of look-back (as {@link #Registry(int, int)}):
     * every month this registry holds that a registry of that capacity would still hold is copied
     * slot by slot, so the copy is, array for array, the registry that would have recorded the same
     * months itself. Used by the pre-launch fork (MODEL.md §3), whose registry holds every month
     * before the launch while each design's keeps its own look-back.
     *
     * @throws IllegalStateException if a month the copy must hold is no longer held here
     */
    Registry copy(int capacity) {
        Registry c = new Registry(sites, capacity);
        for (int month = Math.max(0, latest - c.capacity + 1); month <= latest; month++) {
            if (!holds(month)) {
                throw new IllegalStateException("month " + month + " is no longer held");
            }
            int from = Math.floorMod(month, this.capacity);
            int to = Math.floorMod(month, c.capacity);
            c.monthOfSlot[to] = month;
            System.arraycopy(cases, from * sites, c.cases, to * sites, sites);
            System.arraycopy(events, from * sites, c.events, to * sites, sites);
            System.arraycopy(eventsUngamed, from * sites, c.eventsUngamed, to * sites, sites);
            System.arraycopy(bins, from * sites * BINS, c.bins, to * sites * BINS, sites * BINS);
            System.arraycopy(binsUngamed, from * sites * BINS, c.binsUngamed, to * sites * BINS, sites * BINS);
            System.arraycopy(eventBins, from * sites * BINS, c.eventBins, to * sites * BINS, sites * BINS);
            System.arraycopy(eventBinsUngamed, from * sites * BINS, c.eventBinsUngamed, to * sites * BINS,
                    sites * BINS);
            System.arraycopy(binFrom, from * sites, c.binFrom, to * sites, sites);
            System.arraycopy(binTo, from * sites, c.binTo, to * sites, sites);
        }
        c.latest = latest;
        return c;
    }

    /** The latest month begun (−1 before month 0). */
    int latest() {
        return latest;
    }

    /** The bin of a recorded risk. */
    static int bin(double risk) {
        // floor((risk − LOW) / BIN_WIDTH) clamped to [0, BINS − 1]: dividing by 1/8 is multiplying
        // by 8 exactly, and truncation differs from floor only below 0, which clamps to 0 either way
        // (NaN gives 0 either way).
        int b = (int) ((risk - LOW) * BINS_PER_UNIT);
        return Math.max(0, Math.min(BINS - 1, b));
    }

    /** 1 / BIN_WIDTH, a power of two. */
    private static final double BINS_PER_UNIT = 8.0;

    /** The risk value standing for bin b: its centre. */
    static double binCentre(int b) {
        return LOW + BIN_WIDTH * (b + 0.5);
    }

    /**
     * Starts month t (months are begun in order from 0): its slot's counts are cleared and its
     * cumulative bins start from the month before's.
     */
    void beginMonth(int month) {
        if (month != latest + 1) {
            throw new IllegalStateException("month " + month + " begun after month " + latest);
        }
        int slot = Math.floorMod(month, capacity);
        monthOfSlot[slot] = month;
        int base = slot * sites;
        java.util.Arrays.fill(cases, base, base + sites, 0);
        java.util.Arrays.fill(events, base, base + sites, 0);
        java.util.Arrays.fill(eventsUngamed, base, base + sites, 0);
        if (month == 0) {
            java.util.Arrays.fill(bins, base * BINS, (base + sites) * BINS, 0);
            java.util.Arrays.fill(binsUngamed, base * BINS, (base + sites) * BINS, 0);
            java.util.Arrays.fill(eventBins, base * BINS, (base + sites) * BINS, 0);
            java.util.Arrays.fill(eventBinsUngamed, base * BINS, (base + sites) * BINS, 0);
            java.util.Arrays.fill(binFrom, base, base + sites, BINS);
            java.util.Arrays.fill(binTo, base, base + sites, 0);
        } else {
            int previous = Math.floorMod(month - 1, capacity) * sites;
            System.arraycopy(bins, previous * BINS, bins, base * BINS, sites * BINS);
            System.arraycopy(binsUngamed, previous * BINS, binsUngamed, base * BINS, sites * BINS);
            System.arraycopy(eventBins, previous * BINS, eventBins, base * BINS, sites * BINS);
            System.arraycopy(eventBinsUngamed, previous * BINS, eventBinsUngamed, base * BINS, sites * BINS);
            System.arraycopy(binFrom, previous, binFrom, base, sites);
            System.arraycopy(binTo, previous, binTo, base, sites);
        }
        latest = month;
    }

    /** Adds one record's recorded-risk bin as recorded and as it would have been recorded without gaming. */
    void addRecord(int month, int site, int bin, int binUngamed) {
        addRecord(cell(month, site), bin, binUngamed);
    }

    /** {@link #addRecord(int, int, int)} and, for a recorded event, its bin among the events (each copy). */
    void addRecord(int cell, int bin, int binUngamed, boolean event, boolean eventUngamed) {
        addRecord(cell, bin, binUngamed);
        if (event) {
            eventBins[cell * BINS + bin]++;
        }
        if (eventUngamed) {
            eventBinsUngamed[cell * BINS + binUngamed]++;
        }
    }

    /** The cell of a site-month, for {@link #addRecord(int, int, int)}. */
    int cell(int month, int site) {
        return Math.floorMod(month, capacity) * sites + site;
    }

    /** {@link #addRecord(int, int, int, int)} at a site-month's {@link #cell}. */
    void addRecord(int cell, int bin, int binUngamed) {
        bins[cell * BINS + bin]++;
        binsUngamed[cell * BINS + binUngamed]++;
        binFrom[cell] = Math.min(binFrom[cell], Math.min(bin, binUngamed));
        binTo[cell] = Math.max(binTo[cell], Math.max(bin, binUngamed) + 1);
    }

    /** Records one patient as recorded and as it would have been recorded without gaming. */
    void record(int month, int site, boolean event, int bin, boolean eventUngamed, int binUngamed) {
        addRecord(cell(month, site), bin, binUngamed, event, eventUngamed);
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
        return window(site, from, to, ungamed, histogram, null);
    }

    /**
     * {@link #window(int, int, int, boolean, int[])} that also sums the recorded events per bin into
     * {@code eventHistogram} (when not null).
     */
    int[] window(int site, int from, int to, boolean ungamed, int[] histogram, int[] eventHistogram) {
        java.util.Arrays.fill(histogram, 0);
        if (eventHistogram != null) {
            java.util.Arrays.fill(eventHistogram, 0);
        }
        int n = 0;
        int o = 0;
        int[] ev = ungamed ? eventsUngamed : events;
        int first = Math.max(0, from);
        // Months not begun yet hold nothing.
        int last = Math.min(to, latest);
        if (first > last) {
            return new int[] {0, 0};
        }
        if (!holds(first - 1) && first > 0 || !holds(first)) {
            throw new IllegalStateException("month " + first + " is no longer held");
        }
        for (int m = first; m <= last; m++) {
            int cell = Math.floorMod(m, capacity) * sites + site;
            n += cases[cell];
            o += ev[cell];
        }
        int[] hb = ungamed ? binsUngamed : bins;
        int[] eb = ungamed ? eventBinsUngamed : eventBins;
        int lastCell = Math.floorMod(last, capacity) * sites + site;
        int lastBase = lastCell * BINS;
        // Bins outside [binFrom, binTo) of the last month hold no record up to it in either copy.
        int end = binTo[lastCell];
        if (first == 0) {
            for (int b = binFrom[lastCell]; b < end; b++) {
                histogram[b] = hb[lastBase + b];
            }
            if (eventHistogram != null) {
                for (int b = binFrom[lastCell]; b < end; b++) {
                    eventHistogram[b] = eb[lastBase + b];
                }
            }
        } else {
            int before = (Math.floorMod(first - 1, capacity) * sites + site) * BINS;
            for (int b = binFrom[lastCell]; b < end; b++) {
                histogram[b] = hb[lastBase + b] - hb[before + b];
            }
            if (eventHistogram != null) {
                for (int b = binFrom[lastCell]; b < end; b++) {
                    eventHistogram[b] = eb[lastBase + b] - eb[before + b];
                }
            }
        }
        return new int[] {n, o};
    }
}
