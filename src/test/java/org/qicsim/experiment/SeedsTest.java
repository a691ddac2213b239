package org.qicsim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden values for scheme {@code splitmix64-v1}, computed once with an independent implementation
 * of the documented formulas ({@code runSeed = splitMix64(masterSeed ^ splitMix64(replicate))},
 * {@code splitMix64(x) = mix(x + 0x9E3779B97F4A7C15)}). A failure here means every result changed.
 */
class SeedsTest {

    @Test
    void splitMix64OfZeroIsTheReferenceFirstOutput() {
        // The first output of SplitMix64 seeded with 0, as published with the reference generator.
        assertThat(Seeds.splitMix64(0)).isEqualTo(0xe220a8397b1dcdafL);
        assertThat(Seeds.mix(0)).isZero();
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(longs = {0, 1, -1, 42, 20231201, Long.MIN_VALUE, Long.MAX_VALUE})
    void splitMix64IsTheFirstOutputOfSplittableRandom(long x) {
        assertThat(Seeds.splitMix64(x)).isEqualTo(new SplittableRandom(x).nextLong());
    }

    @Test
    void runSeedsAreFixed() {
        assertThat(Seeds.runSeed(0, 0)).isEqualTo(0xa706dd2f4d197e6fL);
        assertThat(Seeds.runSeed(1, 0)).isEqualTo(0x08b4fda8c892b50eL);
        assertThat(Seeds.runSeed(20231201, 0)).isEqualTo(0xa84f74de2582d38cL);
        assertThat(Seeds.runSeed(20231201, 1)).isEqualTo(0x83428c304a9cd4e1L);
        assertThat(Seeds.runSeed(20231201, 29)).isEqualTo(0x7622aba91a4ccaa0L);
        assertThat(Seeds.runSeed(-1, 7)).isEqualTo(0xa9a96b699dc41760L);
    }

    @Test
    void runSeedsOfManyReplicatesAreDistinct() {
        long[] seeds = new long[100_000];
        for (int r = 0; r < seeds.length; r++) {
            seeds[r] = Seeds.runSeed(20231201, r);
        }
        assertThat(Arrays.stream(seeds).distinct().count()).isEqualTo(seeds.length);
    }

    @Test
    void negativeReplicateIsRejected() {
        assertThatThrownBy(() -> Seeds.runSeed(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hexIsSixteenLowerCaseDigitsAndRoundTrips() {
        assertThat(Seeds.hex(0)).isEqualTo("0000000000000000");
        assertThat(Seeds.hex(0x08b4fda8c892b50eL)).isEqualTo("08b4fda8c892b50e");
        assertThat(Seeds.hex(-1)).isEqualTo("ffffffffffffffff");
        for (long seed : new long[] {0, 1, -1, Long.MIN_VALUE, 0xa84f74de2582d38cL}) {
            assertThat(Seeds.parseHex(Seeds.hex(seed))).isEqualTo(seed);
        }
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "+1", "-1", "0x12", "12345678901234567", "１２"})
    void parseHexRejectsNonHex(String text) {
        assertThatThrownBy(() -> Seeds.parseHex(text)).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void auxiliaryGeneratorsFollowTheDocumentedKey() {
        long seed = 20231201;
        long key = Seeds.mix(Seeds.mix(seed ^ Seeds.AUXILIARY_DOMAIN) ^ Seeds.Purpose.BOOTSTRAP.code());
        assertThat(Seeds.generator(Seeds.Purpose.BOOTSTRAP, seed).nextLong())
                .isEqualTo(new SplittableRandom(key).nextLong());
        assertThat(Seeds.generator(Seeds.Purpose.BOOTSTRAP, seed, 3).nextLong())
                .isEqualTo(new SplittableRandom(Seeds.mix(key ^ 3)).nextLong());
    }

    @Test
    void auxiliaryGeneratorsDifferByPurposeAndIndex() {
        long[] firsts = new long[Seeds.Purpose.values().length * 2];
        int i = 0;
        for (Seeds.Purpose purpose : Seeds.Purpose.values()) {
            firsts[i++] = Seeds.generator(purpose, 7).nextLong();
            firsts[i++] = Seeds.generator(purpose, 7, 1).nextLong();
        }
        assertThat(Arrays.stream(firsts).distinct().count()).isEqualTo(firsts.length);
    }

    @Test
    void purposeCodesAreFixed() {
        assertThat(Seeds.Purpose.DESIGN_SAMPLING.code()).isEqualTo(1);
        assertThat(Seeds.Purpose.BOOTSTRAP.code()).isEqualTo(2);
        assertThat(Seeds.Purpose.SENSITIVITY.code()).isEqualTo(3);
        assertThat(Seeds.Purpose.CALIBRATION.code()).isEqualTo(4);
        assertThat(Seeds.SCHEME).isEqualTo("splitmix64-v1");
    }
}
