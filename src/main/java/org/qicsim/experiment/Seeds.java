package org.qicsim.experiment;

import java.util.SplittableRandom;
import org.qicsim.model.Streams;

/**
 * The one place where seeds are derived (MODEL.md §7). Nothing else in qicsim seeds a generator by
 * itself: the model draws from {@link org.qicsim.model.Streams}, keyed by the run seed made here, and
 * everything that is not the model (experimental-design sampling, bootstrap, …) draws from
 * {@link #generator(Purpose, long)}.
 *
 * <h2>Scheme {@value #SCHEME}</h2>
 * <pre>
 *   mix(z)        = z ^= z &gt;&gt;&gt; 30; z *= 0xBF58476D1CE4E5B9;
 *                   z ^= z &gt;&gt;&gt; 27; z *= 0x94D049BB133111EB;
 *                   z ^ (z &gt;&gt;&gt; 31)                      (SplitMix64 finaliser, 64-bit wrap-around)
 *   splitMix64(x) = mix(x + 0x9E3779B97F4A7C15)        (first output of SplitMix64 seeded with x)
 *   runSeed(masterSeed, replicate) = splitMix64(masterSeed ^ splitMix64(replicate)),  replicate 0-based
 * </pre>
 * {@code splitMix64(x)} equals {@code new SplittableRandom(x).nextLong()}, since the JDK generator uses
 * the same finaliser and increment; the test suite checks this so the scheme can be reproduced in any
 * language from this page alone. Changing anything here changes every result: bump {@link #SCHEME}.
 */
public final class Seeds {

    /** Name of the seed scheme, recorded in every manifest. */
    public static final String SCHEME = "splitmix64-v1";

    /** SplitMix64's increment (the odd integer closest to 2^64 divided by the golden ratio). */
    public static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /**
     * Domain separator for {@link #generator}: keeps non-model generators apart from the model's
     * stream keys, which start from {@code runSeed ^ streamIndex} with small stream indices.
     * The bytes spell "qicsaux1".
     */
    static final long AUXILIARY_DOMAIN = 0x7169637361757831L;

    /** Domain separator for {@link #pointSeed}; the bytes spell "qicspnt1". */
    static final long POINT_DOMAIN = 0x71696373706E7431L;

    private Seeds() {
    }

    /**
     * The SplitMix64 finaliser (Stafford's variant 13): a bijection on 64-bit values. The model keeps
     * the implementation ({@link Streams#mix}) because it must not depend on this package.
     */
    public static long mix(long z) {
        return Streams.mix(z);
    }

    /** First output of a SplitMix64 generator seeded with {@code x}. */
    public static long splitMix64(long x) {
        return mix(x + GOLDEN_GAMMA);
    }

    /**
     * Seed of one run: {@code splitMix64(masterSeed ^ splitMix64(replicate))}.
     *
     * @param replicate 0-based replicate index
     */
    public static long runSeed(long masterSeed, int replicate) {
        if (replicate < 0) {
            throw new IllegalArgumentException("replicate must be >= 0, was " + replicate);
        }
        return splitMix64(masterSeed ^ splitMix64(replicate));
    }

    /**
     * The master seed of design point {@code point} of a sweep run without common random numbers
     * ({@code commonRandomNumbers: false}): {@code mix(mix(masterSeed ^ POINT_DOMAIN) ^ point)},
     * with {@code POINT_DOMAIN = 0x71696373706E7431} ("qicspnt1"). Replicate r of the point then runs
     * with {@code runSeed(pointSeed(masterSeed, point), r)}, so every point has its own independent
     * replicates, and the seeds still follow from the master seed alone.
     */
    public static long pointSeed(long masterSeed, int point) {
        return mix(mix(masterSeed ^ POINT_DOMAIN) ^ point);
    }

    /**
     * Why a non-model generator is needed. Each purpose has a fixed code that is part of the seed
     * scheme: append new purposes with new codes, never renumber.
     */
    public enum Purpose {
        /** Sampling points of an experimental design (Latin hypercube, random designs). */
        DESIGN_SAMPLING(1),
        /** Bootstrap resampling of replicates. */
        BOOTSTRAP(2),
        /** Global sensitivity analysis (e.g. Morris trajectories, Sobol scrambling). */
        SENSITIVITY(3),
        /** Calibration searches. */
        CALIBRATION(4),
        /** Resampling a weighted posterior sample into one parameter draw per replicate ({@code --parameters}). */
        PARAMETER_DRAWS(5),
        /**
         * Bootstrap of a feature attribution ({@code qicsim attribute}), one generator resampling
         * replicates jointly for every design and metric. Codes 13 and 14 (after issue 13) keep
         * clear of purposes other branches may append as 5, 6, ….
         */
        ATTRIBUTION(13),
        /** Bootstrap of cost-effectiveness ratios (ICER intervals), one index per row of {@code cea.csv}. */
        COST_EFFECTIVENESS(14);

        private final long code;

        Purpose(long code) {
            this.code = code;
        }

        /** The fixed code mixed into the seed. */
        public long code() {
            return code;
        }
    }

    /**
     * A generator for randomness outside the model:
     * {@code new SplittableRandom(mix(mix(seed ^ AUXILIARY_DOMAIN) ^ purpose.code()))}.
     * Pass the master seed (or another recorded seed) as {@code seed}, so that a result can be
     * reproduced from its manifest.
     */
    public static SplittableRandom generator(Purpose purpose, long seed) {
        return new SplittableRandom(mix(mix(seed ^ AUXILIARY_DOMAIN) ^ purpose.code()));
    }

    /**
     * As {@link #generator(Purpose, long)}, with a further index for independent generators of one
     * purpose (e.g. one per metric): {@code new SplittableRandom(mix(mix(mix(seed ^ AUXILIARY_DOMAIN)
     * ^ purpose.code()) ^ index))}.
     */
    public static SplittableRandom generator(Purpose purpose, long seed, long index) {
        return new SplittableRandom(mix(mix(mix(seed ^ AUXILIARY_DOMAIN) ^ purpose.code()) ^ index));
    }

    /** A seed as written in outputs ({@code runSeed} column, manifests): 16 lower-case hex digits. */
    public static String hex(long seed) {
        String digits = Long.toHexString(seed);
        return "0".repeat(16 - digits.length()) + digits;
    }

    /** Inverse of {@link #hex(long)}: parses 1 to 16 hex digits as an unsigned 64-bit value. */
    public static long parseHex(String hex) {
        boolean valid = !hex.isEmpty() && hex.length() <= 16;
        for (int i = 0; valid && i < hex.length(); i++) {
            char c = hex.charAt(i);
            // Explicit ranges: Character.digit would also accept non-ASCII digits.
            valid = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        }
        if (!valid) {
            throw new NumberFormatException("expected 1 to 16 hex digits, got \"" + hex + "\"");
        }
        return Long.parseUnsignedLong(hex, 16);
    }
}
