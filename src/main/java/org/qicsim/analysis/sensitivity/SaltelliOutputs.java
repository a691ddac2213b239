package org.qicsim.analysis.sensitivity;

/**
 * Model outputs (one number per design point, usually the replicate mean) on the Saltelli
 * matrices: {@code a[j]} = f(A_j), {@code b[j]} = f(B_j) and {@code ab[i][j]} = f(AB_i,j), where
 * AB_i is A with column i taken from B. Rows j = 0..n−1 are the n base rows.
 */
public final class SaltelliOutputs {
    private final double[] a;
    private final double[] b;
    private final double[][] ab;

    public SaltelliOutputs(double[] a, double[] b, double[][] ab) {
        if (a.length < 2 || a.length != b.length) {
            throw new IllegalArgumentException("A and B need the same number (>= 2) of rows, not "
                    + a.length + " and " + b.length);
        }
        if (ab.length < 1) {
            throw new IllegalArgumentException("need at least one AB_i block");
        }
        this.a = a.clone();
        this.b = b.clone();
        this.ab = new double[ab.length][];
        for (int i = 0; i < ab.length; i++) {
            if (ab[i].length != a.length) {
                throw new IllegalArgumentException("AB_" + (i + 1) + " has " + ab[i].length + " rows, not " + a.length);
            }
            this.ab[i] = ab[i].clone();
        }
    }

    /** Number of base rows n. */
    public int rows() {
        return a.length;
    }

    /** Number of factors k. */
    public int factors() {
        return ab.length;
    }

    double a(int row) {
        return a[row];
    }

    double b(int row) {
        return b[row];
    }

    double ab(int factor, int row) {
        return ab[factor][row];
    }
}
