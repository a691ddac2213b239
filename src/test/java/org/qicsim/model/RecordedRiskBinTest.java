package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link RecordedRiskBin} gives exactly the bin of the per-record quantile, {@code Registry.bin(risk
 * + σ·Φ⁻¹(u) + shift)}, for every uniform: random uniforms of the draw grid, and the uniforms of
 * the grid nearest every bin edge (where the cell bounds could only be wrong if they were not
 * exact).
 */
class RecordedRiskBinTest {
    private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

    static Stream<Arguments> cases() {
        SplittableRandom r = new SplittableRandom(20261207L);
        return IntStream.range(0, 200).mapToObj(i -> {
            long seed = r.nextLong();
            return Arguments.of(seed);
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("cases")
    void matchesTheQuantileEverywhere(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double risk = -3 + 6 * r.nextDouble();
        // Risk errors as Recording makes them (base 0–5 times a factor in [−0.5, 3]), some exactly 0.
        double sigma = r.nextInt(10) == 0 ? 0.0 : (r.nextDouble() * 5) * (-0.5 + 3.5 * r.nextDouble());
        double shift = r.nextBoolean() ? 0.0 : 2 * r.nextDouble();
        for (int i = 0; i < 2000; i++) {
            check(Draws.uniform(r), risk, sigma, shift);
        }
        if (sigma != 0.0) {
            for (int edge = 0; edge <= Registry.BINS; edge++) {
                double z = (Registry.LOW + edge * Registry.BIN_WIDTH - risk - shift) / sigma;
                double p = STANDARD.cumulativeProbability(z);
                if (p <= 0x1.0p-40 || p >= 1 - 0x1.0p-40) {
                    continue;
                }
                // The 52-bit draw grid around p, 64 points either side.
                long centre = (long) Math.floor(p * 0x1.0p52);
                for (long g = centre - 64; g <= centre + 64; g++) {
                    check((g + 0.5) * 0x1.0p-52, risk, sigma, shift);
                }
            }
        }
    }

    private static void check(double u, double risk, double sigma, double shift) {
        double recorded = risk + sigma * Draws.normalQuantile(u);
        int expected = Registry.bin(shift == 0.0 ? recorded : recorded + shift);
        assertThat(RecordedRiskBin.of(u, risk, sigma, shift)).as("u=%s risk=%s sigma=%s shift=%s", u, risk, sigma, shift)
                .isEqualTo(expected);
    }
}
