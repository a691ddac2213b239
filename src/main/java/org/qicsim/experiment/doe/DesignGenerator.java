package org.qicsim.experiment.doe;

import java.util.List;

/**
 * A design of experiments: turns factors into design points. Generators are pure: the same
 * factors and inputs (including the random generator's state) give the same points.
 */
public sealed interface DesignGenerator permits Grid, OneAtATime, LatinHypercube, Saltelli, Morris {

    DesignKind kind();

    /**
     * Refuses factors this design cannot realise (a distribution in a grid, a range without
     * levels, ...) with a {@link DesignException} naming the factor; design parameters are
     * checked when the generator is constructed.
     */
    void validate(List<Factor> factors);

    /** Validates, then generates the design. */
    Design generate(List<Factor> factors, DesignInputs inputs);

    /** Checks shared by every design: at least one factor and no key varied twice. */
    static void checkFactorList(List<Factor> factors) {
        if (factors.isEmpty()) {
            throw DesignException.ofDesign(null, "a design needs at least one factor");
        }
        for (int i = 0; i < factors.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (factors.get(i).path().equals(factors.get(j).path())) {
                    throw new DesignException(factors.get(i).path(), null,
                            "factor " + factors.get(i).path() + " is listed twice");
                }
            }
        }
    }
}
