package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qicsim.experiment.Seeds;
import org.qicsim.model.Streams.Stream;

/**
 * The keyed-stream mapping of MODEL.md §7:
 * <pre>
 *   runSeed = splitMix64(masterSeed ^ splitMix64(replicate))
 *   seed    = mix(mix(mix(runSeed ^ streamIndex) ^ site) ^ month)     (site, month sign-extended)
 *   draws   = new SplittableRandom(seed)
 * </pre>
 * The golden values below were computed once from these formulas with an independent
 * implementation; any change to the mapping or the stream order fails here.
 */
class StreamsTest {

    private static final long RUN_SEED = 0xa84f74de2582d38cL; // runSeed(20231201, 0)

    @Test
    void streamOrderIsFixed() {
        assertThat(Stream.values()).extracting(Enum::name).containsExactly(
                "ENGINE", "LANDSCAPE", "SITES", "PATIENTS", "RECORDING", "AUDIT", "FEEDBACK", "LEARNING",
                "MEETINGS", "PARTICIPATION", "GAMING", "TURNOVER", "PAYMENTS", "EXECUTION", "DOCUMENTATION");
    }

    @Test
    void goldenKeysAndFirstDraws() {
        assertThat(Seeds.runSeed(20231201, 0)).isEqualTo(RUN_SEED);
        Streams streams = new Streams(RUN_SEED, 60);
        assertGolden(streams.cc(Stream.ENGINE, -1), Stream.ENGINE, 60, -1, 0x6e6bd94418f2aafeL, 0x8736f931eb4e5ea8L);
        assertGolden(streams.cc(Stream.LANDSCAPE, -1), Stream.LANDSCAPE, 60, -1, 0xfe7cd30f39c353c4L, 0x32d43adc3f1a91b1L);
        assertGolden(streams.init(Stream.SITES, 0), Stream.SITES, 0, -1, 0xfe07d68c789b19abL, 0x5e7976d0df882756L);
        assertGolden(streams.of(Stream.PATIENTS, 5, 12), Stream.PATIENTS, 5, 12, 0xa49f79a0a5286de1L, 0xf3b2567cec72a768L);
        assertGolden(streams.of(Stream.EXECUTION, 59, 47), Stream.EXECUTION, 59, 47, 0x9bb52c153c72e68cL, 0x467ed7b3d03fa137L);
        assertGolden(streams.of(Stream.RECORDING, 0, 0), Stream.RECORDING, 0, 0, 0x4182457269375d4fL, 0xfa9435644a758c88L);
    }

    private static void assertGolden(SplittableRandom generator, Stream stream, int site, int month,
            long expectedSeed, long expectedFirst) {
        assertThat(Streams.seed(RUN_SEED, stream, site, month)).isEqualTo(expectedSeed);
        assertThat(generator.nextLong()).isEqualTo(expectedFirst);
    }

    @Test
    void sameKeyGivesSameSequence() {
        Streams streams = new Streams(RUN_SEED, 10);
        SplittableRandom a = streams.of(Stream.LEARNING, 3, 7);
        SplittableRandom b = new Streams(RUN_SEED, 10).of(Stream.LEARNING, 3, 7);
        for (int i = 0; i < 100; i++) {
            assertThat(a.nextLong()).isEqualTo(b.nextLong());
        }
    }

    /**
     * First draws of 10 × 14 × 61 × 118 = 1,007,720 distinct (replicate, stream, site, month) keys
     * are pairwise distinct.
     */
    @Test
    void firstDrawsOfAMillionKeysArePairwiseDistinct() {
        int replicates = 10;
        int sites = 60;
        int months = 117;
        Stream[] all = Stream.values();
        long[] draws = new long[replicates * all.length * (sites + 1) * (months + 1)];
        int n = 0;
        for (int r = 0; r < replicates; r++) {
            Streams streams = new Streams(Seeds.runSeed(20231201, r), sites);
            for (Stream stream : all) {
                for (int site = 0; site <= sites; site++) {
                    for (int month = -1; month < months; month++) {
                        draws[n++] = streams.of(stream, site, month).nextLong();
                    }
                }
            }
        }
        assertThat(n).isGreaterThanOrEqualTo(1_000_000);
        Arrays.sort(draws);
        for (int i = 1; i < draws.length; i++) {
            if (draws[i] == draws[i - 1]) {
                throw new AssertionError("two keys share the first draw " + Long.toHexString(draws[i]));
            }
        }
    }

    /** The reusable generator of the monthly loop yields exactly the keyed SplittableRandom's numbers. */
    @Test
    void reusedGeneratorReproducesTheKeyedSplittableRandom() {
        Streams streams = new Streams(0x5EEDL, 60);
        MonthlyRandom keys = new MonthlyRandom(streams, 60);
        keys.beginMonth(7);
        for (int site : new int[] {0, 17, 60}) {
            SplittableRandom reference = streams.of(Stream.PATIENTS, site, 7);
            KeyedGenerator reused = keys.reused(Stream.PATIENTS, site);
            for (int i = 0; i < 50; i++) {
                assertThat(reused.nextLong()).isEqualTo(reference.nextLong());
                assertThat(reused.nextDouble()).isEqualTo(reference.nextDouble());
            }
            // skip(n) lands where n draws would.
            reused = keys.reused(Stream.PATIENTS, site).skip(9);
            SplittableRandom skipped = streams.of(Stream.PATIENTS, site, 7);
            for (int i = 0; i < 9; i++) {
                skipped.nextLong();
            }
            assertThat(reused.nextLong()).isEqualTo(skipped.nextLong());
        }
    }

    @Test
    void keysOutsideTheRunAreRejected() {
        Streams streams = new Streams(RUN_SEED, 5);
        assertThatThrownBy(() -> streams.of(Stream.PATIENTS, 6, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> streams.of(Stream.PATIENTS, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> streams.of(Stream.PATIENTS, 0, -2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(streams.of(Stream.PATIENTS, 5, -1).nextLong())
                .isEqualTo(streams.cc(Stream.PATIENTS, -1).nextLong());
    }
}
