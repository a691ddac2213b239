package org.qicsim.model;


/**
 * The logistic function and its inverse, with {@code StrictMath} (fdlibm, bit-identical on every JVM
 * by specification; MODEL.md §7: no {@code Math.exp} in model maths), which is also faster here
 * than commons-math3 {@code FastMath}.
 */
public final class Logistic {
    private Logistic() {
    }

    /** σ(x) = 1 / (1 + e^−x), also written expit. */
    public static double sigma(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + StrictMath.exp(-x));
        }
        // Written this way for negative x so that e^x cannot overflow.
        double e = StrictMath.exp(x);
        return e / (1.0 + e);
    }

    /** logit(p) = ln(p / (1 − p)). */
    public static double logit(double p) {
        return StrictMath.log(p / (1.0 - p));
    }
}
