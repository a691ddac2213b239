package org.qicsim.model;

/**
 * The registry bin of a recorded risk {@code risk + σ·Φ⁻¹(u)} (+ a gaming shift) for a record's risk
 * error uniform u (MODEL.md §6 S2), exactly as {@link Registry#bin} of that sum would give it, but
 * mostly without computing Φ⁻¹(u).
 *
 * <p>Why it is exact: the computed bin is a monotone function of the computed quantile z (each step
 * — σ·z, + risk, + shift, the division and the floor — is a correctly rounded monotone operation),
 * and the true quantile is increasing in u. The unit interval is cut into {@value #CELLS} cells;
 * each interior cell stores its end quantiles widened by {@value #MARGIN}, far more than the
 * quantile's rounding error (a few ulps of values below 4 in size). When both widened ends fall in
 * the same bin, every z of the cell does too; otherwise (a bin edge inside the cell, about one record
 * in several hundred, and the two outer cells) the quantile is computed. So the draws and the bins
 * are those of the per-record quantile, and the outputs are unchanged.
 */
final class RecordedRiskBin {
    /** Cells of the unit interval; u·CELLS is exact (a power of two), so the cell is exact. */
    static final int CELLS = 4096;
    /** Widening of each cell's end quantiles, far above their rounding error. */
    static final double MARGIN = 1e-10;
    private static final double[] LOWER = new double[CELLS];
    private static final double[] UPPER = new double[CELLS];

    static {
        for (int c = 1; c < CELLS - 1; c++) {
            LOWER[c] = Draws.normalQuantile((double) c / CELLS) - MARGIN;
            UPPER[c] = Draws.normalQuantile((c + 1.0) / CELLS) + MARGIN;
        }
    }

    private RecordedRiskBin() {
    }

    /** {@code Registry.bin(risk + sigma · Draws.normalQuantile(u) + shift)}, shift 0 adding nothing. */
    static int of(double u, double risk, double sigma, double shift) {
        int c = (int) (u * CELLS);
        if (c > 0 && c < CELLS - 1) {
            int low = binOf(risk + sigma * LOWER[c], shift);
            if (low == binOf(risk + sigma * UPPER[c], shift)) {
                return low;
            }
        }
        return binOf(risk + sigma * Draws.normalQuantile(u), shift);
    }

    /** The bin of a recorded risk, with the gamed copy's shift added after it (as Recording does). */
    private static int binOf(double recordedRisk, double shift) {
        return Registry.bin(shift == 0.0 ? recordedRisk : recordedRisk + shift);
    }
}
