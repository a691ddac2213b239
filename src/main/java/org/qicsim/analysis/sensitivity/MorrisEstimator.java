package org.qicsim.analysis.sensitivity;

import java.util.ArrayList;
import java.util.List;

/**
 * Elementary effects screening (Morris 1991, Technometrics 33:161). Along a trajectory, the step
 * that moves factor i from u to u' gives the elementary effect {@code (y' − y) / (u' − u)}, in
 * output units per unit of the factor's unit-space coordinate (so a linear term c·x over a range of
 * width w has effect c·w). Per factor: μ (mean effect), μ* = mean |effect| (Campolongo, Cariboni
 * &amp; Saltelli 2007, Environ. Model. Softw. 22:1509, which keeps effects of opposite sign from
 * cancelling) and σ (their standard deviation: interactions and non-linearity).
 */
public final class MorrisEstimator {
    private MorrisEstimator() {
    }

    public static List<MorrisIndices> estimate(List<MorrisTrajectory> trajectories) {
        if (trajectories.isEmpty()) {
            throw new IllegalArgumentException("need at least one trajectory");
        }
        int k = trajectories.get(0).factors();
        List<List<Double>> effects = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            effects.add(new ArrayList<>());
        }
        for (MorrisTrajectory t : trajectories) {
            if (t.factors() != k) {
                throw new IllegalArgumentException("trajectories differ in dimension");
            }
            for (int s = 1; s <= t.steps(); s++) {
                int i = changedFactor(t, s);
                double du = t.unit(s, i) - t.unit(s - 1, i);
                effects.get(i).add((t.output(s) - t.output(s - 1)) / du);
            }
        }
        List<MorrisIndices> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            out.add(measures(i, effects.get(i)));
        }
        return out;
    }

    private static int changedFactor(MorrisTrajectory t, int step) {
        int changed = -1;
        for (int i = 0; i < t.factors(); i++) {
            if (t.unit(step, i) != t.unit(step - 1, i)) {
                if (changed >= 0) {
                    throw new IllegalArgumentException("step " + step + " changes more than one factor");
                }
                changed = i;
            }
        }
        if (changed < 0) {
            throw new IllegalArgumentException("step " + step + " changes no factor");
        }
        return changed;
    }

    private static MorrisIndices measures(int factor, List<Double> ee) {
        int r = ee.size();
        if (r == 0) {
            return new MorrisIndices(factor, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double sum = 0;
        double sumAbs = 0;
        for (double e : ee) {
            sum += e;
            sumAbs += Math.abs(e);
        }
        double mu = sum / r;
        double ss = 0;
        for (double e : ee) {
            ss += (e - mu) * (e - mu);
        }
        double sigma = r > 1 ? Math.sqrt(ss / (r - 1)) : Double.NaN;
        return new MorrisIndices(factor, mu, sumAbs / r, sigma, r);
    }
}
