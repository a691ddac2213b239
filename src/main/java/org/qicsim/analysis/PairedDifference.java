package org.qicsim.analysis;

/**
 * Paired comparison of two designs run on the same replicate seeds (common random numbers): the
 * per-replicate differences {@code a[r] − b[r]} and their {@link Estimate}. Pairing removes the
 * between-replicate variation both designs share, which is why comparisons are made this way.
 */
public final class PairedDifference {

    private PairedDifference() {
    }

    /**
     * The estimate of {@code a − b} over replicates; a pair where either value is NaN is dropped and
     * {@code n} counts the pairs kept.
     *
     * @throws IllegalArgumentException if the arrays differ in length (replicates must pair up)
     */
    public static Estimate of(double[] a, double[] b) {
        return Estimates.of(differences(a, b));
    }

    /** Per-replicate {@code a[r] − b[r]}, NaN where either is NaN. */
    public static double[] differences(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + a.length + " vs " + b.length);
        }
        double[] d = new double[a.length];
        for (int r = 0; r < a.length; r++) {
            d[r] = Double.isNaN(a[r]) || Double.isNaN(b[r]) ? Double.NaN : a[r] - b[r];
        }
        return d;
    }
}
