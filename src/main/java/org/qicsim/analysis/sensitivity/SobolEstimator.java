package org.qicsim.analysis.sensitivity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Variance-based sensitivity indices from outputs on the Saltelli matrices.
 *
 * <ul>
 *   <li>First order, the estimator of Saltelli et al. (2010, Comput. Phys. Commun. 181:259, table 2
 *       (b)): {@code S_i = (1/n) Σ_j f(B)_j (f(AB_i)_j − f(A)_j) / V}.</li>
 *   <li>Total order, Jansen's (1999, Comput. Phys. Commun. 117:35) estimator, which Saltelli et al.
 *       (2010) recommend: {@code ST_i = (1/2n) Σ_j (f(A)_j − f(AB_i)_j)² / V}.</li>
 * </ul>
 * V is the variance (divisor 2n) of the 2n outputs on A and B together, both being independent
 * samples of the inputs.
 *
 * <p>Confidence intervals are bootstrap percentile intervals over the n base rows: each resample
 * draws n rows with replacement ({@code random.nextInt(n)}, resample after resample) and
 * recomputes V and every index on them, so the indices of one resample share its rows. Percentiles
 * interpolate linearly between order statistics.
 */
public final class SobolEstimator {
    private SobolEstimator() {
    }

    /** Point estimates and bootstrap intervals at confidence {@code level} for every factor. */
    public static List<SobolIndices> estimate(SaltelliOutputs outputs, int resamples, double level,
            SplittableRandom random) {
        if (resamples < 0) {
            throw new IllegalArgumentException("resamples must be >= 0, not " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must lie in (0, 1), not " + level);
        }
        int n = outputs.rows();
        int k = outputs.factors();
        int[] rows = new int[n];
        for (int j = 0; j < n; j++) {
            rows[j] = j;
        }
        double[] first = new double[k];
        double[] total = new double[k];
        indices(outputs, rows, first, total);

        double[][] bootFirst = new double[k][resamples];
        double[][] bootTotal = new double[k][resamples];
        double[] f = new double[k];
        double[] t = new double[k];
        for (int b = 0; b < resamples; b++) {
            for (int j = 0; j < n; j++) {
                rows[j] = random.nextInt(n);
            }
            indices(outputs, rows, f, t);
            for (int i = 0; i < k; i++) {
                bootFirst[i][b] = f[i];
                bootTotal[i][b] = t[i];
            }
        }
        double tail = (1 - level) / 2;
        List<SobolIndices> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            out.add(new SobolIndices(i,
                    new IndexEstimate(first[i], percentile(bootFirst[i], tail), percentile(bootFirst[i], 1 - tail)),
                    new IndexEstimate(total[i], percentile(bootTotal[i], tail), percentile(bootTotal[i], 1 - tail))));
        }
        return out;
    }

    /** First-order indices S_i (Saltelli 2010), without intervals. */
    public static double[] firstOrder(SaltelliOutputs outputs) {
        double[] first = new double[outputs.factors()];
        indices(outputs, identity(outputs.rows()), first, new double[outputs.factors()]);
        return first;
    }

    /** Total-order indices ST_i (Jansen 1999), without intervals. */
    public static double[] totalOrder(SaltelliOutputs outputs) {
        double[] total = new double[outputs.factors()];
        indices(outputs, identity(outputs.rows()), new double[outputs.factors()], total);
        return total;
    }

    private static int[] identity(int n) {
        int[] rows = new int[n];
        for (int j = 0; j < n; j++) {
            rows[j] = j;
        }
        return rows;
    }

    /** Fills first[i] and total[i] from the base rows listed in {@code rows} (repeats allowed). */
    private static void indices(SaltelliOutputs o, int[] rows, double[] first, double[] total) {
        int n = rows.length;
        double mean = 0;
        for (int r : rows) {
            mean += o.a(r) + o.b(r);
        }
        mean /= 2.0 * n;
        double ss = 0;
        for (int r : rows) {
            double da = o.a(r) - mean;
            double db = o.b(r) - mean;
            ss += da * da + db * db;
        }
        double variance = ss / (2.0 * n);
        for (int i = 0; i < first.length; i++) {
            double sumFirst = 0;
            double sumTotal = 0;
            for (int r : rows) {
                double a = o.a(r);
                double abi = o.ab(i, r);
                sumFirst += o.b(r) * (abi - a);
                sumTotal += (a - abi) * (a - abi);
            }
            // Zero output variance leaves the indices undefined: NaN, not a division artefact.
            first[i] = variance > 0 ? sumFirst / n / variance : Double.NaN;
            total[i] = variance > 0 ? sumTotal / (2.0 * n) / variance : Double.NaN;
        }
    }

    /** Linear-interpolation percentile (type 7); NaN for no samples or any NaN sample. */
    static double percentile(double[] samples, double q) {
        if (samples.length == 0) {
            return Double.NaN;
        }
        double[] s = samples.clone();
        Arrays.sort(s);
        if (Double.isNaN(s[s.length - 1])) {
            return Double.NaN;
        }
        double h = (s.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }
}
