package org.qicsim.experiment.calibrate;

/** A test target whose evaluation is a planted function of its parameters, counted as one run. */
abstract class OneRunTarget implements CalibrationTarget {
    private final String id;

    OneRunTarget(String id) {
        this.id = id;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final int runsPerEvaluation() {
        return 1;
    }
}
