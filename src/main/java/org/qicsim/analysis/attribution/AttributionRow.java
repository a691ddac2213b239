package org.qicsim.analysis.attribution;

/**
 * One row of {@code attribution.csv}: a quantity of one feature (or {@code all}) for one metric.
 *
 * @param quantity {@code main}, {@code shapley} or {@code interactionShare}
 * @param estimate from the replicate means of the 2^n designs
 * @param ciLow    bootstrap percentile interval (replicates resampled jointly for every design and metric)
 * @param piLow    2.5% quantile over replicates of the quantity computed from each replicate's own
 *                 2^n values (a prediction interval for one realisation, or one posterior draw)
 */
public record AttributionRow(String metric, String feature, String quantity, double estimate, double ciLow,
        double ciHigh, double piLow, double piHigh) {

    /** Quantity names, in output order. */
    public static final String MAIN = "main";
    public static final String SHAPLEY = "shapley";
    public static final String INTERACTION_SHARE = "interactionShare";
    /** The feature column of an interaction-share row. */
    public static final String ALL = "all";
}
