package org.qicsim.experiment.doe;

/** Parameter checks shared by factors and distributions; each failure names factor and parameter. */
final class Checks {
    private Checks() {
    }

    static void finite(String factor, String parameter, double value) {
        if (!Double.isFinite(value)) {
            throw new DesignException(factor, parameter, parameter + " must be a finite number, not " + value);
        }
    }

    static void positive(String factor, String parameter, double value) {
        finite(factor, parameter, value);
        if (value <= 0) {
            throw new DesignException(factor, parameter, parameter + " must be > 0, not " + value);
        }
    }

    static void less(String factor, String parameter, double low, double high, String message) {
        if (!(low < high)) {
            throw new DesignException(factor, parameter, message + " (got " + low + " and " + high + ")");
        }
    }
}
