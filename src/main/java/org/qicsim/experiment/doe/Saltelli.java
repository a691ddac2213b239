package org.qicsim.experiment.doe;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.qicsim.analysis.sensitivity.SaltelliOutputs;

/**
 * Saltelli's sampling scheme for first- and total-order Sobol indices (Saltelli 2002; Saltelli et
 * al. 2010, Comput. Phys. Commun. 181:259). One 2k-dimensional Sobol sequence (Joe–Kuo direction
 * numbers, as shipped with Commons Math) is drawn after skipping its first point, which is all
 * zeros; point j's first k coordinates are row j of A and its last k row j of B, so A and B are
 * independent low-discrepancy samples. AB_i is A with column i from B. The design lists A, then B,
 * then AB_1 … AB_k, each in row order: n·(k+2) points.
 *
 * <p>n must be a power of two (Sobol sequences are balanced on blocks of 2^m points) and at
 * least 64.
 */
public record Saltelli(int n) implements DesignGenerator {

    /** Commons Math ships direction numbers for this many dimensions. */
    static final int MAX_SOBOL_DIMENSION = 1000;

    public Saltelli {
        if (n < 64 || Integer.bitCount(n) != 1) {
            throw DesignException.ofDesign("n", "sobol needs n a power of two >= 64, not " + n
                    + (n >= 64 ? " (nearest: " + Integer.highestOneBit(n) + " or " + (Integer.highestOneBit(n) << 1) + ")" : ""));
        }
    }

    @Override
    public DesignKind kind() {
        return DesignKind.SALTELLI;
    }

    @Override
    public void validate(List<Factor> factors) {
        DesignGenerator.checkFactorList(factors);
        int k = factors.size();
        if (2 * k > MAX_SOBOL_DIMENSION) {
            throw DesignException.ofDesign(null, "sobol supports at most " + MAX_SOBOL_DIMENSION / 2
                    + " factors, not " + k);
        }
        if ((long) n * (k + 2) > Integer.MAX_VALUE) {
            throw DesignException.ofDesign("n", "sobol with n = " + n + " and " + k + " factors has too many points");
        }
    }

    /** n·(k+2). */
    public long count(int factors) {
        return (long) n * (factors + 2);
    }

    @Override
    public Design generate(List<Factor> factors, DesignInputs inputs) {
        return generate(factors);
    }

    public Design generate(List<Factor> factors) {
        validate(factors);
        int k = factors.size();
        double[][] a = new double[n][k];
        double[][] b = new double[n][k];
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(2 * k);
        sobol.nextVector();
        for (int j = 0; j < n; j++) {
            double[] v = sobol.nextVector();
            System.arraycopy(v, 0, a[j], 0, k);
            System.arraycopy(v, k, b[j], 0, k);
        }
        List<DesignPoint> points = new ArrayList<>(n * (k + 2));
        for (int j = 0; j < n; j++) {
            points.add(Sampling.point(points.size() + 1, factors, a[j],
                    new PointRole.SaltelliBlock(PointRole.Block.A, j + 1, -1)));
        }
        for (int j = 0; j < n; j++) {
            points.add(Sampling.point(points.size() + 1, factors, b[j],
                    new PointRole.SaltelliBlock(PointRole.Block.B, j + 1, -1)));
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < n; j++) {
                double[] u = a[j].clone();
                u[i] = b[j][i];
                points.add(Sampling.point(points.size() + 1, factors, u,
                        new PointRole.SaltelliBlock(PointRole.Block.AB, j + 1, i)));
            }
        }
        return new Design(kind(), factors, points);
    }

    /**
     * Arranges per-point outputs ({@code meanByPoint[id − 1]}) of a Saltelli design into the
     * A, B and AB_i blocks the estimators read, using each point's recorded block and row.
     */
    public static SaltelliOutputs outputs(Design design, double[] meanByPoint) {
        if (design.kind() != DesignKind.SALTELLI || meanByPoint.length != design.size()) {
            throw new IllegalArgumentException("need a sobol design and one output per point");
        }
        int k = design.factors().size();
        int n = design.size() / (k + 2);
        double[] a = new double[n];
        double[] b = new double[n];
        double[][] ab = new double[k][n];
        for (DesignPoint p : design.points()) {
            PointRole.SaltelliBlock s = (PointRole.SaltelliBlock) p.role();
            double y = meanByPoint[p.id() - 1];
            switch (s.block()) {
                case A -> a[s.row() - 1] = y;
                case B -> b[s.row() - 1] = y;
                case AB -> ab[s.factor()][s.row() - 1] = y;
            }
        }
        return new SaltelliOutputs(a, b, ab);
    }
}
