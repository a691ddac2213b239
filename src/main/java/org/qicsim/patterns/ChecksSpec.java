package org.qicsim.patterns;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.tree.Location;

/**
 * A pattern judged by designs × replicates under common random numbers (the collaborative targets
 * P1, P2, P4, P5 and the MODEL.md specification patterns): named designs, each a scenario with
 * overrides, and checks, each a statistic of the runs with its criterion. The pattern passes when
 * every check passes; its headline is the first check.
 */
public record ChecksSpec(List<Design> designs, List<Check> checks) implements Pattern.Body {

    public ChecksSpec {
        designs = List.copyOf(designs);
        checks = List.copyOf(checks);
    }

    /**
     * One design.
     *
     * @param origins    where each override's value is written in the pattern file, by override origin
     * @param replicates its own replicate count, or null for the pattern's
     * @param seedOffset added to the master seed: 0 pairs it with the others, anything else gives it
     *     independent seeds
     */
    public record Design(String name, Path scenario, List<KeyOverride> overrides, Map<String, Location> origins,
            Integer replicates, long seedOffset) {
        public Design {
            overrides = List.copyOf(overrides);
            origins = Map.copyOf(origins);
        }
    }

    /** How a check combines runs into its estimate. */
    public enum Combine {
        /** The replicate mean of the statistic in {@code design}. */
        MEAN,
        /** The paired difference design − factor·minus, replicate by replicate. */
        DIFFERENCE,
        /** The lowest design mean among {@code designs} (with that design's interval). */
        LOWEST_MEAN,
        /**
         * Replicate by replicate, the median of the statistic over the designs {@code among} (the mean
         * of the two middle values for an even count); the estimate is the mean of these medians.
         */
        MEDIAN_OVER,
        /** Replicate by replicate, the mean of the statistic over the designs {@code among}; then their mean. */
        MEAN_OVER,
        /**
         * The half-width of the paired interval of design − minus over that of the independent
         * difference design − independent.
         */
        PAIRING_RATIO
    }

    /** What a check requires of its estimate. */
    public enum Rule {
        /** The 95% CI lies inside [low, high]. */
        INSIDE,
        /** The 95% CI lies strictly below {@code high}. */
        BELOW,
        /** The 95% CI lies strictly above {@code low}. */
        ABOVE,
        /** The point estimate is below {@code high}. */
        POINT_BELOW,
        /** The mean is within 3 standard errors of the mean of the target statistic. */
        WITHIN_3_SE,
        /** |mean| below {@code high}, or the CI includes 0. */
        NEGLIGIBLE
    }

    /**
     * One check.
     *
     * @param statistic a {@link RunStatistics} name
     * @param design    the design it is computed on
     * @param minus     the design subtracted (DIFFERENCE, PAIRING_RATIO), else null
     * @param factor    multiplies the subtracted design's value (DIFFERENCE)
     * @param independent the design with independent seeds (PAIRING_RATIO), else null
     * @param among     designs of LOWEST_MEAN, MEDIAN_OVER and MEAN_OVER
     * @param target    the target statistic of WITHIN_3_SE, on {@code targetDesign}
     */
    public record Check(String name, Combine combine, String statistic, String design, String minus, double factor,
            String independent, List<String> among, Rule rule, double low, double high, String target,
            String targetDesign) {
        public Check {
            among = among == null ? List.of() : List.copyOf(among);
        }
    }
}
