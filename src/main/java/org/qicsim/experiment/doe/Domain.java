package org.qicsim.experiment.doe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What values a factor may take: a discrete {@link Values list}, a numeric {@link Interval} or a
 * {@link Distribution}. Checked and normalised when wrapped in a {@link Factor}.
 */
public sealed interface Domain permits Domain.Values, Domain.Interval, Distribution {

    /**
     * An explicit list of values: numbers, booleans or (enum) strings, all of one kind; null stands
     * for a nullable key's "derive it" and is allowed as a value.
     */
    record Values(List<Object> values) implements Domain {
        public Values {
            // List.copyOf would reject null, which is a legitimate value of a nullable key.
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    /**
     * A numeric interval [min, max]. {@code levels} (0 when not given) is how many equally spaced
     * values a grid or one-at-a-time design takes from it, ends included. Sampling designs ignore
     * it (Latin hypercube and Saltelli draw from the whole interval; Morris uses its own levels).
     */
    record Interval(double min, double max, int levels) implements Domain {
        /** An interval without levels, for the sampling designs. */
        public Interval(double min, double max) {
            this(min, max, 0);
        }

        /** Whether {@code levels} was given. */
        public boolean hasLevels() {
            return levels != 0;
        }

        /** Value at t in [0, 1]; interpolating from both ends gives min and max exactly. */
        double at(double t) {
            return min * (1 - t) + max * t;
        }
    }
}
