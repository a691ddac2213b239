package org.qicsim.model;

import java.util.SplittableRandom;

/** TEMPORARY stand-in; replaced by the infra branch's implementation at merge. */
public final class Streams {
    public enum Stream { ENGINE, LANDSCAPE, SITES, PATIENTS, RECORDING, AUDIT, FEEDBACK, LEARNING, MEETINGS,
        PARTICIPATION, GAMING, TURNOVER, PAYMENTS, EXECUTION }

    private final long runSeed;
    private final int siteCount;

    public Streams(long runSeed, int siteCount) {
        this.runSeed = runSeed;
        this.siteCount = siteCount;
    }

    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public SplittableRandom of(Stream s, int site, int month) {
        return new SplittableRandom(mix(mix(mix(runSeed ^ s.ordinal()) ^ site) ^ month));
    }

    public SplittableRandom cc(Stream s, int month) {
        return of(s, siteCount, month);
    }

    public SplittableRandom init(Stream s, int site) {
        return of(s, site, -1);
    }
}
