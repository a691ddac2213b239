package org.qicsim.model;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.util.FastMath;

/** TEMPORARY stand-in; replaced by the infra branch's implementation at merge. */
public final class Draws {
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private Draws() {
    }

    public static double standardNormal(SplittableRandom r) {
        return inverseNormal(r.nextDouble());
    }

    public static double inverseNormal(double u) {
        double p = u <= 0 ? Double.MIN_VALUE : u;
        return STANDARD_NORMAL.inverseCumulativeProbability(p);
    }

    public static int poisson(SplittableRandom r, double lambda) {
        double u = r.nextDouble();
        double p = FastMath.exp(-lambda);
        double cdf = p;
        int k = 0;
        while (u > cdf && k < 100000) {
            k++;
            p *= lambda / k;
            cdf += p;
        }
        return k;
    }

    public static double beta(SplittableRandom r, double a, double b) {
        return inverseBeta(r.nextDouble(), a, b);
    }

    public static double inverseBeta(double u, double a, double b) {
        return new BetaDistribution(null, a, b).inverseCumulativeProbability(u);
    }
}
