package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link MonthlyKey} yields exactly {@link SplittableRandom}'s numbers, through splits and resets. */
class MonthlyKeyTest {
    /**
     * 2,000 seeds (SplitMix-spread and small), each drawn in a seed-chosen mix of nextLong, nextInt,
     * nextInt(bound), nextDouble and split (following the split child on odd steps), 64 steps: every
     * number equal to SplittableRandom's. One MonthlyKey is reset and reused for all seeds.
     */
    @Test
    void matchesSplittableRandomExactly() {
        SplittableRandom seeds = new SplittableRandom(20261207L);
        MonthlyKey reused = new MonthlyKey();
        for (int n = 0; n < 2000; n++) {
            long seed = n < 100 ? n : seeds.nextLong();
            SplittableRandom expected = new SplittableRandom(seed);
            MonthlyKey actual = reused.reset(seed);
            SplittableRandom choice = new SplittableRandom(seed ^ 0x5DEECE66DL);
            for (int step = 0; step < 64; step++) {
                switch (choice.nextInt(5)) {
                    case 0 -> assertThat(actual.nextLong()).isEqualTo(expected.nextLong());
                    case 1 -> assertThat(actual.nextInt()).isEqualTo(expected.nextInt());
                    case 2 -> {
                        int bound = 1 + choice.nextInt(1000);
                        assertThat(actual.nextInt(bound)).isEqualTo(expected.nextInt(bound));
                    }
                    case 3 -> assertThat(actual.nextDouble()).isEqualTo(expected.nextDouble());
                    default -> {
                        MonthlyKey a = actual.split();
                        SplittableRandom e = expected.split();
                        if (step % 2 == 1) {
                            actual = a;
                            expected = e;
                        }
                    }
                }
            }
        }
    }
}
