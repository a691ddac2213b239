package org.qicsim.model;

import org.apache.commons.math3.util.FastMath;

/**
 * The logistic function and its inverse, with commons-math3 {@code FastMath} so that results are
 * bit-identical on every JVM (MODEL.md §7: no {@code Math.exp} in model maths).
 */
public final class Logistic {
    private Logistic() {
    }

    /** σ(x) = 1 / (1 + e^−x), also written expit. */
    public static double sigma(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + FastMath.exp(-x));
        }
        // Written this way for negative x so that e^x cannot overflow.
        double e = FastMath.exp(x);
        return e / (1.0 + e);
    }

    /** logit(p) = ln(p / (1 − p)). */
    public static double logit(double p) {
        return FastMath.log(p / (1.0 - p));
    }
}
