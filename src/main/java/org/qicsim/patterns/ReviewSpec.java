package org.qicsim.patterns;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.qicsim.scenario.tree.Location;

/**
 * A simulated review (shared/PATTERNS.md, "How a component target is reproduced"): trials of one
 * intervention, each a pair of arms on one world under common random numbers, with trial settings
 * drawn from declared distributions. docs/MODEL.md §14 documents the harness.
 *
 * @param intervention the intervention arm's scenario
 * @param control      the usual-care arm's scenario, or null for the run's own counterfactual arm (no
 *                     collaborative at all)
 * @param measure      what the difference is taken in
 * @param followUp     trial length in months after the launch
 * @param settings     trial settings, drawn in this order for each trial and set in both arms
 * @param published    the published median and IQR
 * @param moderators   moderators whose sign the review reports
 * @param share        for a design space (P6) instead of a published median: the share of trials whose
 *                     site-level 95% CI of the difference excludes 0, or null
 */
public record ReviewSpec(Path intervention, Path control, Measure measure, Setting followUp, List<Setting> settings,
        Published published, List<Moderator> moderators, Share share) implements Pattern.Body {

    public ReviewSpec {
        settings = List.copyOf(settings);
        moderators = List.copyOf(moderators);
    }

    /**
     * P6's criterion over a design space: the share of trials (designs) whose site-level 95% CI of the
     * compliance difference excludes 0 has its 95% (Wilson) CI inside [low, high], and the share among
     * trials in {@code better} exceeds that in {@code worse} (the difference's 95% CI above 0).
     */
    public record Share(double low, double high, List<Bound> better, List<Bound> worse) {
        public Share {
            better = List.copyOf(better);
            worse = List.copyOf(worse);
        }
    }

    /** A trial setting's value in [low, high]. */
    public record Bound(String setting, double low, double high) {
    }

    /** The quantity whose arm difference a trial records. */
    public enum Measure {
        /**
         * Compliance with the desired practice (docs/MODEL.md §9), mean over sites of
         * (intervention − control) at the end of follow-up minus the same in the month before the
         * launch: the baseline-adjusted difference, as a share (0.043 = 4.3 percentage points).
         */
        COMPLIANCE("compliance"),
        /**
         * Mean intrinsic motivation, baseline-adjusted arm difference divided by the between-site SD
         * of intrinsic motivation at baseline: a standardised mean difference d (C6).
         */
        INTRINSIC_D("intrinsicMotivationD");

        private final String yamlName;

        Measure(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }

    /** How a trial setting is drawn. */
    public enum DistributionKind {
        UNIFORM("uniform"), LOG_UNIFORM("logUniform"), CHOICE("choice");

        private final String yamlName;

        DistributionKind(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }

    /**
     * One trial setting: a scenario key (null for the follow-up, which sets the horizon) and its
     * distribution. {@code round} rounds a continuous draw to the nearest integer; a choice picks one
     * of {@code values} with equal probability. A setting applies to both arms (the setting of the
     * trial) unless {@code interventionOnly} (a property of the intervention, e.g. visits a year).
     * {@code perSite} draws a rate per member site: the key is set to the draw times the trial's
     * {@code sites.count} setting, rounded to a whole number (e.g. outreach visits a site a year, so
     * that every trial visits each of its sites about as often whatever its size).
     */
    public record Setting(String name, String key, DistributionKind distribution, double low, double high,
            boolean round, List<Object> values, boolean interventionOnly, boolean perSite, String source, Location at) {
        /** The key that {@code perSite} settings multiply by. */
        public static final String SITES_KEY = "sites.count";

        public Setting {
            values = values == null ? List.of() : List.copyOf(values);
        }

        /** The value the key is set to: the draw itself, or for a per-site setting the draw times {@code sites}. */
        public Object applied(Object drawn, long sites) {
            return perSite ? (Object) StrictMath.round(((Number) drawn).doubleValue() * sites) : drawn;
        }

        /** One draw: exactly one uniform from {@code random}, whatever the distribution. */
        public Object draw(SplittableRandom random) {
            double u = random.nextDouble();
            return switch (distribution) {
                case UNIFORM -> number(low + u * (high - low));
                case LOG_UNIFORM -> number(StrictMath.exp(StrictMath.log(low) + u * (StrictMath.log(high) - StrictMath.log(low))));
                case CHOICE -> values.get(Math.min(values.size() - 1, (int) (u * values.size())));
            };
        }

        private Object number(double x) {
            return round ? (Object) StrictMath.round(x) : (Object) x;
        }
    }

    /**
     * The published result: the median with the band criterion (a) judges it by (0.67× to 1.5× the
     * median, or a published range), and the interquartile range for criterion (b), or null where the
     * review gives none.
     */
    public record Published(double median, double bandLow, double bandHigh, double[] iqr) {
        public Published {
            iqr = iqr == null ? null : iqr.clone();
        }

        @Override
        public double[] iqr() {
            return iqr == null ? null : iqr.clone();
        }
    }

    /**
     * A moderator: the trial setting (or the measured {@code baselineCompliance}) whose coefficient
     * in the regression over trials must have {@code sign}. A choice setting enters as the indicator of
     * {@code level}; a boolean as 0/1. {@code notExpressible} names a moderator today's model cannot
     * express (then the rest are judged and the pattern cannot pass).
     */
    public record Moderator(String name, String variable, Object level, int sign, String notExpressible, Location at) {
    }
}
