package org.qicsim.experiment.calibrate;

/**
 * The prior of one free parameter: uniform on {@code [low, high]}, or log-uniform (uniform in
 * the logarithm, for a positive parameter whose plausible values span orders of magnitude).
 * The sampler works in unit coordinates {@code u ∈ [0, 1]}, where every prior is uniform, so a
 * population's weights need no prior density (it is constant on the unit cube).
 *
 * @param path the scenario key path
 */
public record Prior(String path, Kind kind, double low, double high) {

    /** The prior families. */
    public enum Kind {
        UNIFORM("uniform"), LOG_UNIFORM("logUniform");

        private final String yamlName;

        Kind(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }

    public Prior {
        if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("a prior needs finite low < high, got [" + low + ", " + high + "]");
        }
        if (kind == Kind.LOG_UNIFORM && !(low > 0)) {
            throw new IllegalArgumentException("a log-uniform prior needs low > 0, got " + low);
        }
    }

    /** The parameter value at unit coordinate {@code u}. */
    public double value(double u) {
        return switch (kind) {
            case UNIFORM -> low + u * (high - low);
            case LOG_UNIFORM -> StrictMath.exp(StrictMath.log(low) + u * (StrictMath.log(high) - StrictMath.log(low)));
        };
    }
}
