package org.qicsim.model;

import java.util.random.RandomGenerator;

/**
 * A reusable generator for one key at a time (MODEL.md §7): after {@link #reset(long)} with a key's
 * seed it yields exactly the numbers {@code new SplittableRandom(seed)} would ({@code nextLong} is
 * SplitMix64: the seed advances by the golden gamma and is mixed by Stafford's variant 13, which is
 * {@link Streams#mix}; {@code nextDouble} takes its top 53 bits), without allocating a generator
 * (and the JDK's proxy object) per key and site-month. Only for keys that one mechanism draws from
 * in one place per month, so replaying the key would never be needed ({@link MonthlyRandom#reused}).
 */
final class KeyedGenerator implements RandomGenerator {
    /** SplittableRandom's default gamma, the odd integer closest to 2^64/φ. */
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long seed;

    /** Starts the sequence of the generator {@code new SplittableRandom(seed)}. */
    KeyedGenerator reset(long keySeed) {
        this.seed = keySeed;
        return this;
    }

    /** Advances past {@code draws} numbers without computing them (SplitMix64's state is a counter). */
    KeyedGenerator skip(int draws) {
        seed += draws * GOLDEN_GAMMA;
        return this;
    }

    @Override
    public long nextLong() {
        seed += GOLDEN_GAMMA;
        return Streams.mix(seed);
    }

    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
