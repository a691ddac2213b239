package org.qicsim.experiment.doe;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TriangularDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * An uncertain factor's distribution, realised only through its inverse CDF: a sampling design
 * (Latin hypercube, Saltelli, Morris) places points in the unit cube and each coordinate
 * {@code p} becomes {@link #quantile(double) quantile(p)}. Nothing here ever draws a random
 * number, so the Commons Math distributions are built with a {@code null} generator (the
 * generator-less constructors seed one from the clock, which the house rules forbid, and are far
 * slower to build).
 *
 * <p>Parameters are checked when the distribution is wrapped in a {@link Factor}, so every
 * complaint names the factor it belongs to.
 */
public sealed interface Distribution extends Domain
        permits Distribution.Uniform, Distribution.Normal, Distribution.LogNormal,
        Distribution.Triangular, Distribution.Beta {

    /** The value below which a share {@code p} of the distribution lies, for p in [0, 1]. */
    double quantile(double p);

    /** Throws a {@link DesignException} naming {@code factor} if the parameters are invalid. */
    void check(String factor);

    /** {@code uniform(min, max)}. */
    record Uniform(double min, double max) implements Distribution {
        @Override
        public double quantile(double p) {
            // Interpolating from both ends returns min and max exactly at p = 0 and p = 1.
            return min * (1 - p) + max * p;
        }

        @Override
        public void check(String factor) {
            Checks.finite(factor, "min", min);
            Checks.finite(factor, "max", max);
            Checks.less(factor, "max", min, max, "uniform needs min < max");
        }
    }

    /**
     * {@code normal(mean, sd)}, optionally truncated to [lower, upper] (use the infinities for no
     * truncation). Truncation is by inverse CDF on the renormalised interval
     * {@code F(lower) + p·(F(upper) − F(lower))}, so a truncated draw is never resampled.
     */
    record Normal(double mean, double sd, double lower, double upper) implements Distribution {
        /** An untruncated normal. */
        public Normal(double mean, double sd) {
            this(mean, sd, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        }

        @Override
        public double quantile(double p) {
            NormalDistribution d = new NormalDistribution((RandomGenerator) null, mean, sd);
            double lo = Double.isInfinite(lower) ? 0 : d.cumulativeProbability(lower);
            double hi = Double.isInfinite(upper) ? 1 : d.cumulativeProbability(upper);
            double x = d.inverseCumulativeProbability(lo + p * (hi - lo));
            // Far in a tail the renormalised probability can round onto the bound's other side.
            return Math.min(upper, Math.max(lower, x));
        }

        @Override
        public void check(String factor) {
            Checks.finite(factor, "mean", mean);
            Checks.positive(factor, "sd", sd);
            if (Double.isNaN(lower) || Double.isNaN(upper) || lower == Double.POSITIVE_INFINITY
                    || upper == Double.NEGATIVE_INFINITY) {
                throw new DesignException(factor, "lower", "normal truncation bounds must be numbers");
            }
            Checks.less(factor, "upper", lower, upper, "normal truncation needs lower < upper");
        }
    }

    /**
     * {@code lognormal(median, spread)}: {@code exp(N(ln median, spread²))}, the same
     * parameterisation as the scenario's {@code volume: {median, spread}} (MODEL.md §5).
     */
    record LogNormal(double median, double spread) implements Distribution {
        @Override
        public double quantile(double p) {
            return new LogNormalDistribution((RandomGenerator) null, Math.log(median), spread)
                    .inverseCumulativeProbability(p);
        }

        @Override
        public void check(String factor) {
            Checks.positive(factor, "median", median);
            Checks.positive(factor, "spread", spread);
        }
    }

    /** {@code triangular(min, mode, max)}. */
    record Triangular(double min, double mode, double max) implements Distribution {
        @Override
        public double quantile(double p) {
            return new TriangularDistribution((RandomGenerator) null, min, mode, max).inverseCumulativeProbability(p);
        }

        @Override
        public void check(String factor) {
            Checks.finite(factor, "min", min);
            Checks.finite(factor, "mode", mode);
            Checks.finite(factor, "max", max);
            Checks.less(factor, "max", min, max, "triangular needs min < max");
            if (mode < min || mode > max) {
                throw new DesignException(factor, "mode", "triangular needs min <= mode <= max");
            }
        }
    }

    /** {@code beta(a, b, min, max)}: a Beta(a, b) variable stretched onto [min, max]. */
    record Beta(double a, double b, double min, double max) implements Distribution {
        @Override
        public double quantile(double p) {
            double q = new BetaDistribution((RandomGenerator) null, a, b).inverseCumulativeProbability(p);
            return min * (1 - q) + max * q;
        }

        @Override
        public void check(String factor) {
            Checks.positive(factor, "a", a);
            Checks.positive(factor, "b", b);
            Checks.finite(factor, "min", min);
            Checks.finite(factor, "max", max);
            Checks.less(factor, "max", min, max, "beta needs min < max");
        }
    }
}
