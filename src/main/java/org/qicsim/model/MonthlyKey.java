package org.qicsim.model;

import java.util.random.RandomGenerator;

/**
 * The generator of one (stream, site) key for the current month, reusable from month to month
 * (MODEL.md §7): after {@link #reset(long)} with the key's seed it yields exactly the numbers of
 * {@code new SplittableRandom(seed)} — {@code nextLong}, {@code nextInt}, {@code nextDouble} and the
 * bounded forms built on them — and {@link #split()} gives exactly the generator
 * {@code SplittableRandom.split()} would (SplitMix64 with its own gamma), so a site's monthly keys
 * allocate nothing (a split allocates one small object, not a {@code SplittableRandom} and its
 * proxy). Unlike {@link KeyedGenerator} it keeps its sequence across uses within the month, for
 * keys that several mechanisms draw from in turn ({@link MonthlyRandom#of}).
 */
final class MonthlyKey implements RandomGenerator {
    /** SplittableRandom's default gamma, the odd integer closest to 2^64/φ. */
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long seed;
    private long gamma;

    MonthlyKey() {
        this(0L, GOLDEN_GAMMA);
    }

    private MonthlyKey(long seed, long gamma) {
        this.seed = seed;
        this.gamma = gamma;
    }

    /** Starts the sequence of {@code new SplittableRandom(keySeed)}. */
    MonthlyKey reset(long keySeed) {
        this.seed = keySeed;
        this.gamma = GOLDEN_GAMMA;
        return this;
    }

    private long nextSeed() {
        seed += gamma;
        return seed;
    }

    @Override
    public long nextLong() {
        return Streams.mix(nextSeed());
    }

    /** As {@code SplittableRandom.nextInt()}: the 32-bit finaliser of the next seed. */
    @Override
    public int nextInt() {
        long z = nextSeed();
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }

    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** As {@code SplittableRandom.split()}: seeded by the next long, with a gamma from the next seed. */
    MonthlyKey split() {
        long childSeed = nextLong();
        return new MonthlyKey(childSeed, mixGamma(nextSeed()));
    }

    /** SplittableRandom's gamma derivation: odd, with enough bit transitions. */
    private static long mixGamma(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        z = (z ^ (z >>> 33)) | 1L;
        int transitions = Long.bitCount(z ^ (z >>> 1));
        return transitions < 24 ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
    }
}
