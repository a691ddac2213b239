package org.qicsim.analysis.prim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A box in factor space: an inclusive interval {@code [low, high]} per numeric factor and a set of
 * kept levels per categorical one. Immutable; peeling makes a new box.
 */
public final class Box {
    private final PrimData data;
    private final double[] low;
    private final double[] high;
    /** kept[factor][level], for categorical factors. */
    private final boolean[][] kept;

    private Box(PrimData data, double[] low, double[] high, boolean[][] kept) {
        this.data = data;
        this.low = low;
        this.high = high;
        this.kept = kept;
    }

    /** The box holding every case: each numeric factor's observed range, every level. */
    static Box all(PrimData data) {
        int k = data.factors();
        double[] low = new double[k];
        double[] high = new double[k];
        boolean[][] kept = new boolean[k][];
        for (int j = 0; j < k; j++) {
            low[j] = Double.POSITIVE_INFINITY;
            high[j] = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < data.cases(); i++) {
                low[j] = Math.min(low[j], data.x(i, j));
                high[j] = Math.max(high[j], data.x(i, j));
            }
            kept[j] = new boolean[data.levels(j).size()];
            Arrays.fill(kept[j], true);
        }
        return new Box(data, low, high, kept);
    }

    boolean contains(int i) {
        for (int j = 0; j < low.length; j++) {
            double v = data.x(i, j);
            if (data.categorical(j) ? !kept[j][(int) v] : v < low[j] || v > high[j]) {
                return false;
            }
        }
        return true;
    }

    Box withLow(int factor, double value) {
        double[] l = low.clone();
        l[factor] = value;
        return new Box(data, l, high, kept);
    }

    Box withHigh(int factor, double value) {
        double[] h = high.clone();
        h[factor] = value;
        return new Box(data, low, h, kept);
    }

    Box withoutLevel(int factor, int level) {
        boolean[][] k = kept.clone();
        k[factor] = kept[factor].clone();
        k[factor][level] = false;
        return new Box(data, low, high, k);
    }

    Box withLevel(int factor, int level) {
        boolean[][] k = kept.clone();
        k[factor] = kept[factor].clone();
        k[factor][level] = true;
        return new Box(data, low, high, k);
    }

    boolean keeps(int factor, int level) {
        return kept[factor][level];
    }

    /** Lower bound of a numeric factor. */
    public double low(int factor) {
        return low[factor];
    }

    /** Upper bound of a numeric factor. */
    public double high(int factor) {
        return high[factor];
    }

    /** The kept levels of a categorical factor, in sorted order. */
    public List<String> levels(int factor) {
        List<String> out = new ArrayList<>();
        for (int l = 0; l < kept[factor].length; l++) {
            if (kept[factor][l]) {
                out.add(data.levels(factor).get(l));
            }
        }
        return out;
    }

    /** One factor's restriction as text: {@code [low, high]} or {@code {a|b}}. */
    public String describe(int factor) {
        if (data.categorical(factor)) {
            return "{" + String.join("|", levels(factor)) + "}";
        }
        return "[" + number(low[factor]) + ", " + number(high[factor]) + "]";
    }

    /** Whether a factor is narrower than in {@code whole}. */
    public boolean restricts(int factor, Box whole) {
        if (data.categorical(factor)) {
            return !Arrays.equals(kept[factor], whole.kept[factor]);
        }
        return low[factor] > whole.low[factor] || high[factor] < whole.high[factor];
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.6g", v);
    }
}
