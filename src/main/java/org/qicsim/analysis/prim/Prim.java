package org.qicsim.analysis.prim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The patient rule induction method (Friedman and Fisher, Statistics and Computing 1999;9:123–143)
 * as used for scenario discovery (Bryant and Lempert 2010): find a box in factor space where the
 * cases of interest are dense (docs/DECISIONS.md "Scenario discovery").
 *
 * <p><b>Peeling.</b> From the box holding every case, each step considers, for every numeric factor,
 * removing the cases below its α-quantile in the box or above its (1 − α)-quantile (the bound moves
 * to the value ⌈α·m⌉ places in from the end, so ties leave or stay together), and for every
 * categorical factor, removing one level. It takes the candidate whose remaining box has the highest
 * density; ties go to the candidate removing fewer cases, then to the first in factor order, low
 * before high. A candidate that removes nothing or leaves fewer than {@code minCases} cases is not
 * allowed; peeling stops when none is allowed.
 *
 * <p><b>Pasting</b> (optional, on the chosen box): repeatedly widens one bound by the α share of the
 * box's cases (the next values outside it) or adds back one level, taking the widening with the
 * highest density as long as the density does not fall below the chosen box's.
 *
 * <p><b>Choice.</b> The box kept is the first on the trajectory (the largest) whose density is at
 * least {@code minDensity}; if none reaches it, the densest (ties to the larger).
 */
public final class Prim {
    /** Friedman and Fisher's suggested peeling fraction. */
    public static final double DEFAULT_ALPHA = 0.05;
    /** The default density threshold of the chosen box. */
    public static final double DEFAULT_MIN_DENSITY = 0.8;

    private Prim() {
    }

    /** The peeling trajectory, starting with the box holding every case. */
    public static List<PeelStep> peel(PrimData data, double alpha, int minCases) {
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha must be in (0, 0.5), was " + alpha);
        }
        List<PeelStep> trajectory = new ArrayList<>();
        Box box = Box.all(data);
        int total = data.positives();
        trajectory.add(step(data, 0, box, "start", total));
        while (true) {
            int[] inside = inside(data, box);
            Box best = null;
            String bestMove = null;
            double bestDensity = Double.NEGATIVE_INFINITY;
            int bestCount = -1;
            for (int j = 0; j < data.factors(); j++) {
                List<Box> candidates = new ArrayList<>();
                List<String> moves = new ArrayList<>();
                if (data.categorical(j)) {
                    for (int level = 0; level < data.levels(j).size(); level++) {
                        if (box.keeps(j, level)) {
                            candidates.add(box.withoutLevel(j, level));
                            moves.add("peel " + data.names().get(j) + " -" + data.levels(j).get(level));
                        }
                    }
                } else {
                    double[] values = new double[inside.length];
                    for (int i = 0; i < inside.length; i++) {
                        values[i] = data.x(inside[i], j);
                    }
                    Arrays.sort(values);
                    int k = Math.max(1, (int) Math.ceil(alpha * values.length));
                    if (k < values.length) {
                        candidates.add(box.withLow(j, values[k]));
                        moves.add("peel " + data.names().get(j) + " low");
                        candidates.add(box.withHigh(j, values[values.length - 1 - k]));
                        moves.add("peel " + data.names().get(j) + " high");
                    }
                }
                for (int c = 0; c < candidates.size(); c++) {
                    int[] counts = count(data, candidates.get(c), inside);
                    if (counts[0] == inside.length || counts[0] < minCases || counts[0] == 0) {
                        continue;
                    }
                    double density = (double) counts[1] / counts[0];
                    if (density > bestDensity || (density == bestDensity && counts[0] > bestCount)) {
                        best = candidates.get(c);
                        bestMove = moves.get(c);
                        bestDensity = density;
                        bestCount = counts[0];
                    }
                }
            }
            if (best == null) {
                return trajectory;
            }
            box = best;
            trajectory.add(step(data, trajectory.size(), box, bestMove, total));
        }
    }

    /** The index of the chosen box on the trajectory (see the class comment). */
    public static int choose(List<PeelStep> trajectory, double minDensity) {
        int densest = 0;
        for (int s = 0; s < trajectory.size(); s++) {
            if (trajectory.get(s).density() >= minDensity) {
                return s;
            }
            if (trajectory.get(s).density() > trajectory.get(densest).density()) {
                densest = s;
            }
        }
        return densest;
    }

    /**
     * Pastes the box of {@code from} (see the class comment) and returns the boxes pasting went
     * through, numbered on from {@code firstStep}; empty when no widening keeps the density.
     */
    public static List<PeelStep> paste(PrimData data, PeelStep from, double alpha, int firstStep) {
        List<PeelStep> steps = new ArrayList<>();
        Box box = from.box();
        double floor = from.density();
        int total = data.positives();
        int[] all = new int[data.cases()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        while (true) {
            int[] current = count(data, box, all);
            int k = Math.max(1, (int) Math.ceil(alpha * current[0]));
            Box best = null;
            String bestMove = null;
            double bestDensity = floor;
            for (int j = 0; j < data.factors(); j++) {
                List<Box> candidates = new ArrayList<>();
                List<String> moves = new ArrayList<>();
                if (data.categorical(j)) {
                    for (int level = 0; level < data.levels(j).size(); level++) {
                        if (!box.keeps(j, level)) {
                            candidates.add(box.withLevel(j, level));
                            moves.add("paste " + data.names().get(j) + " +" + data.levels(j).get(level));
                        }
                    }
                } else {
                    double[] below = outside(data, box, j, true);
                    double[] above = outside(data, box, j, false);
                    if (below.length > 0) {
                        candidates.add(box.withLow(j, below[Math.max(0, below.length - k)]));
                        moves.add("paste " + data.names().get(j) + " low");
                    }
                    if (above.length > 0) {
                        candidates.add(box.withHigh(j, above[Math.min(above.length - 1, k - 1)]));
                        moves.add("paste " + data.names().get(j) + " high");
                    }
                }
                for (int c = 0; c < candidates.size(); c++) {
                    int[] counts = count(data, candidates.get(c), all);
                    if (counts[0] <= current[0]) {
                        continue;
                    }
                    double density = (double) counts[1] / counts[0];
                    if (density >= bestDensity && (best == null || density > bestDensity)) {
                        best = candidates.get(c);
                        bestMove = moves.get(c);
                        bestDensity = density;
                    }
                }
            }
            if (best == null) {
                return steps;
            }
            box = best;
            steps.add(step(data, firstStep + steps.size(), box, bestMove, total));
        }
    }

    /**
     * Values of numeric factor j of the cases that are in the box on every other factor but outside
     * it on j, below ({@code below}) or above its bound, sorted ascending.
     */
    private static double[] outside(PrimData data, Box box, int j, boolean below) {
        Box open = below ? box.withLow(j, Double.NEGATIVE_INFINITY) : box.withHigh(j, Double.POSITIVE_INFINITY);
        double[] v = new double[data.cases()];
        int n = 0;
        for (int i = 0; i < data.cases(); i++) {
            double x = data.x(i, j);
            if (open.contains(i) && (below ? x < box.low(j) : x > box.high(j))) {
                v[n++] = x;
            }
        }
        double[] out = Arrays.copyOf(v, n);
        Arrays.sort(out);
        return out;
    }

    private static int[] inside(PrimData data, Box box) {
        int[] in = new int[data.cases()];
        int n = 0;
        for (int i = 0; i < data.cases(); i++) {
            if (box.contains(i)) {
                in[n++] = i;
            }
        }
        return Arrays.copyOf(in, n);
    }

    /** {cases, cases of interest} of {@code among} inside {@code box}. */
    private static int[] count(PrimData data, Box box, int[] among) {
        int cases = 0;
        int positive = 0;
        for (int i : among) {
            if (box.contains(i)) {
                cases++;
                positive += data.y(i) ? 1 : 0;
            }
        }
        return new int[] {cases, positive};
    }

    private static PeelStep step(PrimData data, int index, Box box, String move, int totalPositives) {
        int[] all = new int[data.cases()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        int[] counts = count(data, box, all);
        return new PeelStep(index, counts[0], (double) counts[0] / data.cases(),
                totalPositives == 0 ? Double.NaN : (double) counts[1] / totalPositives,
                counts[0] == 0 ? Double.NaN : (double) counts[1] / counts[0], move, box);
    }
}
