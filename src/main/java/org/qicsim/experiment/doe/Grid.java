package org.qicsim.experiment.doe;

import java.util.ArrayList;
import java.util.List;

/**
 * Full factorial design: the cartesian product of every factor's values (a list, or an interval's
 * levels), first factor slowest, so the last factor changes from one point to the next. It has
 * ∏ m_i points for factors with m_i values.
 */
public record Grid() implements DesignGenerator {

    @Override
    public DesignKind kind() {
        return DesignKind.GRID;
    }

    @Override
    public void validate(List<Factor> factors) {
        count(factors);
    }

    /** ∏ m_i; refuses designs too large to hold as a point list. */
    public static int count(List<Factor> factors) {
        DesignGenerator.checkFactorList(factors);
        long n = 1;
        for (Factor f : factors) {
            n *= f.levelCount(DesignKind.GRID.yamlName());
            if (n > Integer.MAX_VALUE) {
                throw new DesignException(f.path(), null, "the grid has more than " + Integer.MAX_VALUE
                        + " points by factor " + f.path());
            }
        }
        return (int) n;
    }

    @Override
    public Design generate(List<Factor> factors, DesignInputs inputs) {
        return generate(factors);
    }

    public Design generate(List<Factor> factors) {
        int n = count(factors);
        int k = factors.size();
        int[] m = new int[k];
        for (int i = 0; i < k; i++) {
            m[i] = factors.get(i).levelCount(DesignKind.GRID.yamlName());
        }
        int[] index = new int[k];
        List<DesignPoint> points = new ArrayList<>(n);
        for (int id = 1; id <= n; id++) {
            List<Object> values = new ArrayList<>(k);
            double[] unit = new double[k];
            for (int i = 0; i < k; i++) {
                values.add(factors.get(i).level(index[i]));
                unit[i] = m[i] == 1 ? 0 : index[i] / (double) (m[i] - 1);
            }
            points.add(new DesignPoint(id, values, unit, PointRole.PLAIN));
            // Mixed-radix increment, last factor fastest.
            for (int i = k - 1; i >= 0 && ++index[i] == m[i]; i--) {
                index[i] = 0;
            }
        }
        return new Design(kind(), factors, points);
    }
}
