package org.qicsim.experiment.calibrate;

import java.util.ArrayList;
import java.util.List;
import org.qicsim.scenario.KeyOverride;

/** The scenario overrides of a point in parameter space. */
final class Parameters {
    /** Origin of the overrides of a proposal, as problems with them name it. */
    static final String ORIGIN = "calibration parameter ";

    private Parameters() {
    }

    static KeyOverride override(Prior prior, double value, String origin) {
        return KeyOverride.of(prior.path(), value, origin);
    }

    /** One override per prior, the value at unit coordinates {@code u}. */
    static List<KeyOverride> at(List<Prior> priors, double[] u) {
        List<KeyOverride> out = new ArrayList<>(priors.size());
        for (int k = 0; k < priors.size(); k++) {
            Prior p = priors.get(k);
            out.add(override(p, p.value(u[k]), ORIGIN + p.path()));
        }
        return out;
    }
}
