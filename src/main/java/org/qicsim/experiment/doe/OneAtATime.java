package org.qicsim.experiment.doe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One-at-a-time design: a baseline point with every factor at the base scenario's value, then,
 * factor by factor in the given order, one point per value of that factor with the others at
 * baseline. A value equal to the baseline value (numbers compared by value) is skipped, since it
 * would repeat the baseline point, so the design has
 * {@code 1 + Σ_i #{v ∈ values_i : v ≠ baseline_i}} points.
 */
public record OneAtATime() implements DesignGenerator {

    @Override
    public DesignKind kind() {
        return DesignKind.ONE_AT_A_TIME;
    }

    @Override
    public void validate(List<Factor> factors) {
        DesignGenerator.checkFactorList(factors);
        for (Factor f : factors) {
            f.levelCount(kind().yamlName());
        }
    }

    @Override
    public Design generate(List<Factor> factors, DesignInputs inputs) {
        if (inputs.baseline() == null) {
            throw new IllegalArgumentException("a oneAtATime design needs the base scenario's values");
        }
        return generate(factors, inputs.baseline());
    }

    /**
     * @param baseline the base scenario's value of each factor's key, in factor order (null
     *                 allowed for a nullable key)
     */
    public Design generate(List<Factor> factors, List<Object> baseline) {
        validate(factors);
        int k = factors.size();
        if (baseline.size() != k) {
            throw new IllegalArgumentException(k + " factors but " + baseline.size() + " baseline values");
        }
        List<Object> base = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            base.add(factors.get(i).normalise(baseline.get(i)));
        }
        double[] baseUnit = new double[k];
        Arrays.fill(baseUnit, Double.NaN);
        List<DesignPoint> points = new ArrayList<>();
        points.add(new DesignPoint(1, base, baseUnit, PointRole.BASELINE));
        for (int i = 0; i < k; i++) {
            Factor f = factors.get(i);
            int m = f.levelCount(kind().yamlName());
            for (int j = 0; j < m; j++) {
                Object v = f.level(j);
                if (Factor.sameValue(v, base.get(i))) {
                    continue;
                }
                List<Object> values = new ArrayList<>(base);
                values.set(i, v);
                double[] unit = baseUnit.clone();
                unit[i] = m == 1 ? 0 : j / (double) (m - 1);
                points.add(new DesignPoint(points.size() + 1, values, unit, new PointRole.OneFactor(i)));
            }
        }
        return new Design(kind(), factors, points);
    }
}
