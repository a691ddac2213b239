package org.qicsim.experiment.doe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What a design may need besides its factors: the base scenario's value of each factor's key
 * (one-at-a-time), and a random generator (Latin hypercube, Morris). Either may be null when
 * the design does not use it. The generator is the caller's, seeded from the experiment's seed;
 * designs never seed randomness themselves.
 */
public record DesignInputs(List<Object> baseline, SplittableRandom random) {

    public DesignInputs {
        baseline = baseline == null ? null : Collections.unmodifiableList(new ArrayList<>(baseline));
    }

    public static DesignInputs none() {
        return new DesignInputs(null, null);
    }

    public static DesignInputs of(SplittableRandom random) {
        return new DesignInputs(null, random);
    }

    public static DesignInputs ofBaseline(List<Object> baseline) {
        return new DesignInputs(baseline, null);
    }

    SplittableRandom requireRandom(DesignKind kind) {
        if (random == null) {
            throw new IllegalArgumentException("a " + kind.yamlName() + " design needs a random generator");
        }
        return random;
    }
}
