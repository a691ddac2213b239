package org.qicsim.model;

import java.util.SplittableRandom;

/**
 * The keyed random generators of one run (MODEL.md §7). Every random number the model draws comes
 * from a generator returned here, so that a draw depends only on (run seed, stream, site, month) and
 * never on how many numbers other mechanisms, sites or months drew before it. That is what lets the
 * collaborative arm and its counterfactual share patients, outcomes and champion turnover exactly
 * (common random numbers), and what makes results independent of thread count.
 *
 * <h2>Mapping</h2>
 * <pre>
 *   seed(stream, site, month) = mix(mix(mix(runSeed ^ streamIndex) ^ site) ^ month)
 *   generator                 = new SplittableRandom(seed(stream, site, month))
 * </pre>
 * where {@code mix} is the SplitMix64 finaliser ({@link #mix}), {@code streamIndex} is
 * {@link Stream#ordinal()}, {@code site} and {@code month} are sign-extended from {@code int} to
 * {@code long}, {@code site = J} (the site count) for coordinating-centre and landscape draws, and
 * {@code month = -1} at initialisation. The run seed comes from
 * {@code org.qicsim.experiment.Seeds.runSeed(masterSeed, replicate)}.
 *
 * <p>Each call returns a fresh generator positioned at the start of its key, so two calls with the
 * same key return the same numbers. A mechanism that needs several numbers for one site-month draws
 * them in a fixed, documented order from one generator.
 */
public final class Streams {

    /**
     * The random streams, in their fixed order: the stream index is the ordinal. Append only —
     * reordering or inserting changes every result.
     */
    public enum Stream {
        ENGINE, LANDSCAPE, SITES, PATIENTS, RECORDING, AUDIT, FEEDBACK, LEARNING, MEETINGS,
        PARTICIPATION, GAMING, TURNOVER, PAYMENTS, EXECUTION, DOCUMENTATION
    }

    /** Month index used for draws made at initialisation. */
    public static final int INIT_MONTH = -1;

    private static final Stream[] STREAMS = Stream.values();

    private final long runSeed;
    private final int siteCount;
    /** {@code mix(runSeed ^ streamIndex)} per stream, computed once: saves a mix per call. */
    private final long[] streamKeys;

    /**
     * @param runSeed   the run's seed
     * @param siteCount J, the number of sites; site index J denotes the coordinating centre and the landscape
     */
    public Streams(long runSeed, int siteCount) {
        if (siteCount < 0) {
            throw new IllegalArgumentException("siteCount must be >= 0, was " + siteCount);
        }
        this.runSeed = runSeed;
        this.siteCount = siteCount;
        this.streamKeys = new long[STREAMS.length];
        for (Stream s : STREAMS) {
            streamKeys[s.ordinal()] = mix(runSeed ^ s.ordinal());
        }
    }

    /** The SplitMix64 finaliser (Stafford's variant 13): a bijection on 64-bit values. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The seed of the generator for a key; {@link #of} is {@code new SplittableRandom(seed(...))}. */
    public static long seed(long runSeed, Stream stream, int site, int month) {
        return mix(mix(mix(runSeed ^ stream.ordinal()) ^ site) ^ month);
    }

    /**
     * The generator for one key.
     *
     * @param site  0 … J−1 for a site, J for the coordinating centre or the landscape
     * @param month 0-based month, or {@link #INIT_MONTH} at initialisation
     */
    public SplittableRandom of(Stream stream, int site, int month) {
        if (site < 0 || site > siteCount || month < INIT_MONTH) {
            throw new IllegalArgumentException(
                    "no key (" + stream + ", site " + site + ", month " + month + ") for " + siteCount + " sites");
        }
        return new SplittableRandom(mix(mix(streamKeys[stream.ordinal()] ^ site) ^ month));
    }

    /** The seed of the generator {@link #of} returns for a key, without creating it. */
    long seedOf(Stream stream, int site, int month) {
        if (site < 0 || site > siteCount || month < INIT_MONTH) {
            throw new IllegalArgumentException(
                    "no key (" + stream + ", site " + site + ", month " + month + ") for " + siteCount + " sites");
        }
        return mix(mix(streamKeys[stream.ordinal()] ^ site) ^ month);
    }

    /** A coordinating-centre (or landscape) generator: site index J. */
    public SplittableRandom cc(Stream stream, int month) {
        return of(stream, siteCount, month);
    }

    /** An initialisation generator: month −1. */
    public SplittableRandom init(Stream stream, int site) {
        return of(stream, site, INIT_MONTH);
    }

    public long runSeed() {
        return runSeed;
    }

    /** J, the number of sites. */
    public int siteCount() {
        return siteCount;
    }
}
