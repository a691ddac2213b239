package org.qicsim.experiment.doe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One point of a design: its 1-based id, one value per factor (in the design's factor order,
 * typed as {@link Factor} describes), the unit-space coordinates the values came from, and its
 * {@link PointRole}.
 *
 * <p>Unit coordinates: sampling designs store the point in [0, 1]^k that was mapped to the values;
 * grid and one-at-a-time designs store level index j of m as j/(m−1) (0 when m = 1), and NaN for
 * a one-at-a-time baseline value, which need not be one of the factor's levels.
 */
public record DesignPoint(int id, List<Object> values, double[] unit, PointRole role) {

    public DesignPoint {
        if (id < 1) {
            throw new IllegalArgumentException("point ids are 1-based, not " + id);
        }
        values = Collections.unmodifiableList(new ArrayList<>(values));
        unit = unit.clone();
        if (unit.length != values.size()) {
            throw new IllegalArgumentException("point " + id + " has " + values.size() + " values but "
                    + unit.length + " unit coordinates");
        }
        if (role == null) {
            throw new IllegalArgumentException("point " + id + " needs a role");
        }
    }

    /** A copy of the unit-space coordinates. */
    @Override
    public double[] unit() {
        return unit.clone();
    }

    /** Unit coordinate of factor {@code i}, without copying the array. */
    public double unit(int i) {
        return unit[i];
    }

    /** Value of factor {@code i}. */
    public Object value(int i) {
        return values.get(i);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DesignPoint p && id == p.id && values.equals(p.values)
                && Arrays.equals(unit, p.unit) && role.equals(p.role);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * id + values.hashCode()) + Arrays.hashCode(unit)) + role.hashCode();
    }

    @Override
    public String toString() {
        return "DesignPoint[id=" + id + ", values=" + values + ", unit=" + Arrays.toString(unit) + ", role=" + role + "]";
    }
}
