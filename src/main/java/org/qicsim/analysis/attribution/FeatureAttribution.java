package org.qicsim.analysis.attribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.qicsim.analysis.Percentiles;

/**
 * Attribution of metrics to features from a 2^n factorial experiment run under common random
 * numbers (docs/DECISIONS.md "Attribution"). Input per metric: {@code values[mask][replicate]}, the
 * metric of the design whose features on are the bits of {@code mask}, replicate by replicate.
 *
 * <p>For each metric and feature it gives the {@link FactorialEffects#mainEffects main effect} and
 * the {@link Shapley Shapley value}, and for the metric the {@link FactorialEffects#interactionShare
 * interaction share}, each
 * <ul>
 *   <li>estimated from the design means over the replicates used;</li>
 *   <li>with a percentile bootstrap 95% interval: replicate indices are resampled with replacement
 *       once per resample and the same indices serve every design and every metric (jointly), then
 *       everything is recomputed from the resampled means;</li>
 *   <li>with a 95% prediction interval: the 2.5% and 97.5% quantiles over replicates of the quantity
 *       computed from that replicate's own 2^n values (with a posterior sample, one replicate per
 *       draw, this is the interval a funder faces for one realisation).</li>
 * </ul>
 * A replicate is used for a metric only when every design has a value for it (complete cases);
 * a resample with none of those replicates is skipped for that metric.
 */
public final class FeatureAttribution {

    /** Confidence and prediction level. */
    public static final double LEVEL = 0.95;

    private FeatureAttribution() {
    }

    /**
     * @param features  feature ids; bit i of a design mask is feature i
     * @param metrics   per metric (iteration order kept), values[mask][replicate]
     * @param resamples bootstrap resamples (e.g. 2,000)
     * @param random    a generator from {@code experiment.Seeds}; consumed
     * @return rows in metric order; within a metric, each feature's main effect, then each
     *     feature's Shapley value, then the interaction share
     */
    public static List<AttributionRow> analyse(List<String> features, Map<String, double[][]> metrics,
            int resamples, SplittableRandom random) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be >= 1, was " + resamples);
        }
        int n = features.size();
        int designs = 1 << n;
        int replicates = -1;
        for (Map.Entry<String, double[][]> m : metrics.entrySet()) {
            if (m.getValue().length != designs) {
                throw new IllegalArgumentException(m.getKey() + ": expected " + designs + " designs, got "
                        + m.getValue().length);
            }
            for (double[] row : m.getValue()) {
                if (replicates >= 0 && row.length != replicates) {
                    throw new IllegalArgumentException(m.getKey() + ": designs differ in replicate count");
                }
                replicates = row.length;
            }
        }
        // One set of resampled indices for everything: the bootstrap is joint over designs and metrics.
        int[][] draws = new int[resamples][Math.max(replicates, 0)];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < replicates; i++) {
                draws[b][i] = random.nextInt(replicates);
            }
        }
        List<AttributionRow> rows = new ArrayList<>();
        for (Map.Entry<String, double[][]> m : metrics.entrySet()) {
            rows.addAll(metric(m.getKey(), features, m.getValue(), draws));
        }
        return rows;
    }

    /** The quantities of one game, in output order: n main effects, n Shapley values, the interaction share. */
    static double[] quantities(double[] game) {
        int n = Games.players(game);
        double[] q = new double[2 * n + 1];
        System.arraycopy(FactorialEffects.mainEffects(game), 0, q, 0, n);
        System.arraycopy(Shapley.of(game), 0, q, n, n);
        q[2 * n] = FactorialEffects.interactionShare(game);
        return q;
    }

    private static List<AttributionRow> metric(String metric, List<String> features, double[][] values,
            int[][] draws) {
        int n = features.size();
        int designs = values.length;
        int replicates = values[0].length;
        boolean[] complete = new boolean[replicates];
        for (int r = 0; r < replicates; r++) {
            complete[r] = true;
            for (double[] design : values) {
                complete[r] &= !Double.isNaN(design[r]);
            }
        }
        double[] point = quantities(means(values, complete, null));
        int width = point.length;
        double[][] boot = new double[width][draws.length];
        for (int b = 0; b < draws.length; b++) {
            double[] game = means(values, complete, draws[b]);
            double[] q = game == null ? null : quantities(game);
            for (int k = 0; k < width; k++) {
                boot[k][b] = q == null ? Double.NaN : q[k];
            }
        }
        List<double[]> perReplicate = new ArrayList<>();
        for (int r = 0; r < replicates; r++) {
            if (complete[r]) {
                double[] game = new double[designs];
                for (int d = 0; d < designs; d++) {
                    game[d] = values[d][r];
                }
                perReplicate.add(quantities(game));
            }
        }
        double tail = (1 - LEVEL) / 2;
        List<AttributionRow> rows = new ArrayList<>();
        for (int k = 0; k < width; k++) {
            double[] across = new double[perReplicate.size()];
            for (int r = 0; r < across.length; r++) {
                across[r] = perReplicate.get(r)[k];
            }
            String feature = k < 2 * n ? features.get(k % n) : AttributionRow.ALL;
            String quantity = k < n ? AttributionRow.MAIN : k < 2 * n ? AttributionRow.SHAPLEY
                    : AttributionRow.INTERACTION_SHARE;
            // Percentile intervals need at least two values to mean anything.
            boolean ci = replicatesUsed(complete) >= 2;
            rows.add(new AttributionRow(metric, feature, quantity, point[k],
                    ci ? Percentiles.of(boot[k], tail) : Double.NaN, ci ? Percentiles.of(boot[k], 1 - tail) : Double.NaN,
                    across.length >= 2 ? Percentiles.of(across, tail) : Double.NaN,
                    across.length >= 2 ? Percentiles.of(across, 1 - tail) : Double.NaN));
        }
        return rows;
    }

    private static int replicatesUsed(boolean[] complete) {
        int used = 0;
        for (boolean c : complete) {
            used += c ? 1 : 0;
        }
        return used;
    }

    /**
     * Design means over the complete replicates, in the order of {@code draw} (a resample of
     * replicate indices) or all of them ({@code draw == null}); null when no complete replicate is drawn.
     */
    static double[] means(double[][] values, boolean[] complete, int[] draw) {
        double[] game = new double[values.length];
        int used = 0;
        int replicates = values[0].length;
        int m = draw == null ? replicates : draw.length;
        for (int j = 0; j < m; j++) {
            int r = draw == null ? j : draw[j];
            if (complete[r]) {
                used++;
                for (int d = 0; d < values.length; d++) {
                    game[d] += values[d][r];
                }
            }
        }
        if (used == 0) {
            return draw == null ? filled(values.length) : null;
        }
        for (int d = 0; d < game.length; d++) {
            game[d] /= used;
        }
        return game;
    }

    private static double[] filled(int length) {
        double[] nan = new double[length];
        java.util.Arrays.fill(nan, Double.NaN);
        return nan;
    }

    /** Rows grouped by metric, for printing. */
    public static Map<String, List<AttributionRow>> byMetric(List<AttributionRow> rows) {
        Map<String, List<AttributionRow>> out = new LinkedHashMap<>();
        for (AttributionRow r : rows) {
            out.computeIfAbsent(r.metric(), k -> new ArrayList<>()).add(r);
        }
        return out;
    }
}
