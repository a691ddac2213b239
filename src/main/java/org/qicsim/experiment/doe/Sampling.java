package org.qicsim.experiment.doe;

import java.util.ArrayList;
import java.util.List;

/** Turning unit-cube coordinates into a design point, shared by the sampling designs. */
final class Sampling {
    private Sampling() {
    }

    static DesignPoint point(int id, List<Factor> factors, double[] unit, PointRole role) {
        List<Object> values = new ArrayList<>(factors.size());
        for (int i = 0; i < factors.size(); i++) {
            values.add(factors.get(i).at(unit[i]));
        }
        return new DesignPoint(id, values, unit, role);
    }
}
