package org.qicsim.analysis.cea;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.qicsim.analysis.Estimate;
import org.qicsim.analysis.Estimates;
import org.qicsim.analysis.Percentiles;

/**
 * Cost-effectiveness of a design against a comparator from paired per-replicate differences
 * (docs/DECISIONS.md "Cost-effectiveness"): ΔC_r (incremental cost) and ΔE_r (events averted) of
 * replicate r, each replicate a draw (a stochastic replicate, or one posterior draw).
 *
 * <ul>
 *   <li>ICER = mean ΔC / mean ΔE, reported in the two trade-off {@link Quadrant quadrants} only;
 *       interval: percentile bootstrap over replicates (pairs kept), left empty if any resample's
 *       mean ΔE is 0 or of the other sign.</li>
 *   <li>NMB at willingness to pay λ per event averted: {@code λ·ΔE_r − ΔC_r}, mean and t CI.</li>
 *   <li>CEAC at λ: the share of draws with {@code λ·ΔE_r − ΔC_r > 0}.</li>
 * </ul>
 * Replicates where either difference is NaN are dropped.
 */
public final class CostEffectiveness {

    /** Bootstrap resamples for the ICER interval. */
    public static final int RESAMPLES = 2000;
    /** The default WTP grid's step and upper end: 0, 2,500, …, 100,000 per event averted. */
    public static final double GRID_STEP = 2500;
    public static final double GRID_MAX = 100_000;

    private CostEffectiveness() {
    }

    /**
     * @param incrementalCost per-replicate ΔC (design minus comparator, the perspective's cost)
     * @param eventsAverted   per-replicate ΔE (design minus comparator, discounted events averted)
     * @param wtp             willingness to pay per event averted for the NMB
     * @param grid            WTP values of the acceptability curve (ascending)
     * @param random          a generator from {@code experiment.Seeds}; consumed
     */
    public static CeaResult of(String design, String comparator, Perspective perspective, double[] incrementalCost,
            double[] eventsAverted, double wtp, double[] grid, SplittableRandom random) {
        if (incrementalCost.length != eventsAverted.length) {
            throw new IllegalArgumentException("cost and effect differ in length: " + incrementalCost.length
                    + " vs " + eventsAverted.length);
        }
        double[][] pairs = complete(incrementalCost, eventsAverted);
        double[] dc = pairs[0];
        double[] de = pairs[1];
        Estimate cost = Estimates.of(dc);
        Estimate effect = Estimates.of(de);
        Quadrant quadrant = Quadrant.of(cost.mean(), effect.mean());
        double icer = Double.NaN;
        double[] interval = {Double.NaN, Double.NaN};
        if (quadrant != null && quadrant.hasIcer()) {
            icer = cost.mean() / effect.mean();
            interval = icerInterval(dc, de, Math.signum(effect.mean()), random);
        }
        List<CeaResult.CeacPoint> ceac = new ArrayList<>();
        for (double lambda : grid) {
            ceac.add(new CeaResult.CeacPoint(lambda, probabilityCostEffective(dc, de, lambda)));
        }
        return new CeaResult(design, comparator, perspective, cost, effect, icer, interval[0], interval[1],
                quadrant, wtp, Estimates.of(netMonetaryBenefit(dc, de, wtp)), ceac);
    }

    /** Per-replicate net monetary benefit {@code wtp·ΔE_r − ΔC_r} (NaN where either is NaN). */
    public static double[] netMonetaryBenefit(double[] incrementalCost, double[] eventsAverted, double wtp) {
        double[] nmb = new double[incrementalCost.length];
        for (int r = 0; r < nmb.length; r++) {
            nmb[r] = wtp * eventsAverted[r] - incrementalCost[r];
        }
        return nmb;
    }

    /** The share of replicates (NaN dropped) whose NMB at {@code wtp} is strictly positive; NaN if none. */
    public static double probabilityCostEffective(double[] incrementalCost, double[] eventsAverted, double wtp) {
        int n = 0;
        int yes = 0;
        for (int r = 0; r < incrementalCost.length; r++) {
            double nmb = wtp * eventsAverted[r] - incrementalCost[r];
            if (!Double.isNaN(nmb)) {
                n++;
                yes += nmb > 0 ? 1 : 0;
            }
        }
        return n == 0 ? Double.NaN : (double) yes / n;
    }

    /** The default grid (0 to 100,000 by 2,500) with {@code wtp} added if it is not on it. */
    public static double[] grid(double wtp) {
        TreeSet<Double> values = new TreeSet<>();
        for (double v = 0; v <= GRID_MAX; v += GRID_STEP) {
            values.add(v);
        }
        if (Double.isFinite(wtp) && wtp >= 0) {
            values.add(wtp);
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] icerInterval(double[] dc, double[] de, double sign, SplittableRandom random) {
        int n = dc.length;
        if (n < 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] ratios = new double[RESAMPLES];
        boolean crossed = false;
        for (int b = 0; b < RESAMPLES; b++) {
            double sumC = 0;
            double sumE = 0;
            for (int i = 0; i < n; i++) {
                int r = random.nextInt(n);
                sumC += dc[r];
                sumE += de[r];
            }
            crossed |= Math.signum(sumE) != sign;
            ratios[b] = sumC / sumE;
        }
        if (crossed) {
            return new double[] {Double.NaN, Double.NaN};
        }
        Arrays.sort(ratios);
        double tail = (1 - Estimates.DEFAULT_LEVEL) / 2;
        return new double[] {Percentiles.sorted(ratios, tail), Percentiles.sorted(ratios, 1 - tail)};
    }

    private static double[][] complete(double[] a, double[] b) {
        int n = 0;
        double[] x = new double[a.length];
        double[] y = new double[a.length];
        for (int r = 0; r < a.length; r++) {
            if (!Double.isNaN(a[r]) && !Double.isNaN(b[r])) {
                x[n] = a[r];
                y[n] = b[r];
                n++;
            }
        }
        return new double[][] {Arrays.copyOf(x, n), Arrays.copyOf(y, n)};
    }
}
