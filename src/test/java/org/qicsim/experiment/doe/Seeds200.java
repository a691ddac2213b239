package org.qicsim.experiment.doe;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/** 200 seeded invariant cases, the seed (hex) first so it shows in the display name. */
final class Seeds200 {
    private Seeds200() {
    }

    static Stream<Arguments> from(long master) {
        SplittableRandom seeds = new SplittableRandom(master);
        List<Arguments> out = new ArrayList<>();
        for (int c = 0; c < 200; c++) {
            long seed = seeds.nextLong();
            out.add(Arguments.of(Long.toHexString(seed), seed));
        }
        return out.stream();
    }
}
