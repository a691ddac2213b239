package org.qicsim.experiment.doe;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.qicsim.analysis.sensitivity.MorrisTrajectory;

/**
 * Morris (1991) elementary-effects design: r trajectories of k+1 points on the p-level grid
 * {0, 1/(p−1), …, 1}^k, each step moving exactly one factor by ±Δ, Δ = p / (2(p−1)), every factor
 * once per trajectory. p must be even so that Δ is a whole number (p/2) of grid steps.
 *
 * <p>Construction, equivalent to Morris's randomised orientation matrix B*: per trajectory draw,
 * in this order, a base level b_i uniform on {0, …, p/2 − 1} for each factor (so b_i + p/2 is
 * still on the grid), a direction for each factor ({@code nextBoolean}: up or down), and a random
 * factor order (Fisher–Yates from the top). A factor going up starts at b_i and steps to
 * b_i + p/2; one going down starts at b_i + p/2 and steps to b_i. No trajectory optimisation
 * (Campolongo et al. 2007) is applied.
 */
public record Morris(int r, int levels) implements DesignGenerator {

    public Morris {
        if (r < 1) {
            throw DesignException.ofDesign("r", "morris needs r >= 1 trajectories, not " + r);
        }
        if (levels < 2) {
            throw DesignException.ofDesign("levels", "morris needs levels >= 2, not " + levels);
        }
        if (levels % 2 != 0) {
            throw DesignException.ofDesign("levels", "morris needs an even number of levels (so the step "
                    + "p/(2(p-1)) lands on the grid), not " + levels);
        }
    }

    /** The step Δ = p / (2(p−1)) in unit space. */
    public double delta() {
        return levels / (2.0 * (levels - 1));
    }

    @Override
    public DesignKind kind() {
        return DesignKind.MORRIS;
    }

    @Override
    public void validate(List<Factor> factors) {
        DesignGenerator.checkFactorList(factors);
        if ((long) r * (factors.size() + 1) > Integer.MAX_VALUE) {
            throw DesignException.ofDesign("r", "morris with r = " + r + " has too many points");
        }
        for (Factor f : factors) {
            if (f.domain() instanceof Domain.Interval range && range.hasLevels() && range.levels() != levels) {
                throw new DesignException(f.path(), "levels", "morris uses its own " + levels
                        + " levels for every factor; drop this range's levels: " + range.levels());
            }
        }
    }

    /** r·(k+1). */
    public long count(int factors) {
        return (long) r * (factors + 1);
    }

    @Override
    public Design generate(List<Factor> factors, DesignInputs inputs) {
        return generate(factors, inputs.requireRandom(kind()));
    }

    public Design generate(List<Factor> factors, SplittableRandom random) {
        validate(factors);
        int k = factors.size();
        int half = levels / 2;
        List<DesignPoint> points = new ArrayList<>(r * (k + 1));
        int[] base = new int[k];
        boolean[] up = new boolean[k];
        int[] order = new int[k];
        int[] level = new int[k];
        for (int t = 1; t <= r; t++) {
            for (int i = 0; i < k; i++) {
                base[i] = random.nextInt(half);
            }
            for (int i = 0; i < k; i++) {
                up[i] = random.nextBoolean();
            }
            Permutations.shuffledIdentity(order, random);
            for (int i = 0; i < k; i++) {
                level[i] = up[i] ? base[i] : base[i] + half;
            }
            points.add(point(points.size() + 1, factors, level, new PointRole.MorrisStep(t, 0, -1)));
            for (int s = 1; s <= k; s++) {
                int i = order[s - 1];
                level[i] += up[i] ? half : -half;
                points.add(point(points.size() + 1, factors, level, new PointRole.MorrisStep(t, s, i)));
            }
        }
        return new Design(kind(), factors, points);
    }

    private DesignPoint point(int id, List<Factor> factors, int[] level, PointRole role) {
        int k = factors.size();
        List<Object> values = new ArrayList<>(k);
        double[] unit = new double[k];
        for (int i = 0; i < k; i++) {
            values.add(factors.get(i).atMorrisLevel(level[i], levels));
            unit[i] = level[i] / (double) (levels - 1);
        }
        return new DesignPoint(id, values, unit, role);
    }

    /**
     * Cuts per-point outputs ({@code meanByPoint[id − 1]}) of a Morris design into its
     * trajectories, in trajectory order, for {@link org.qicsim.analysis.sensitivity.MorrisEstimator}.
     */
    public static List<MorrisTrajectory> trajectories(Design design, double[] meanByPoint) {
        if (design.kind() != DesignKind.MORRIS || meanByPoint.length != design.size()) {
            throw new IllegalArgumentException("need a morris design and one output per point");
        }
        int k = design.factors().size();
        List<MorrisTrajectory> out = new ArrayList<>();
        for (int start = 0; start < design.size(); start += k + 1) {
            double[][] unit = new double[k + 1][];
            double[] y = new double[k + 1];
            for (int s = 0; s <= k; s++) {
                DesignPoint p = design.points().get(start + s);
                PointRole.MorrisStep m = (PointRole.MorrisStep) p.role();
                if (m.step() != s) {
                    throw new IllegalArgumentException("point " + p.id() + " is out of trajectory order");
                }
                unit[s] = p.unit();
                y[s] = meanByPoint[p.id() - 1];
            }
            out.add(new MorrisTrajectory(unit, y));
        }
        return out;
    }
}
