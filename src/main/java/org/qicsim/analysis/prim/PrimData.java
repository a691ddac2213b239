package org.qicsim.analysis.prim;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The cases PRIM sorts: one row per case (a sweep's design point or run), each with its factor
 * values and whether it is a case of interest ({@code y}). A factor whose every value is a number is
 * numeric; any other factor (names, booleans) is categorical, its levels sorted.
 */
public final class PrimData {
    private final List<String> names;
    private final boolean[] categorical;
    private final List<List<String>> levels;
    /** x[case][factor]: the number, or the index of the level for a categorical factor. */
    private final double[][] x;
    private final boolean[] y;

    private PrimData(List<String> names, boolean[] categorical, List<List<String>> levels, double[][] x, boolean[] y) {
        this.names = List.copyOf(names);
        this.categorical = categorical;
        this.levels = levels;
        this.x = x;
        this.y = y;
    }

    /**
     * From text cells, as read from a results folder.
     *
     * @param names  factor names
     * @param values values[case][factor] as text; a missing value is not allowed
     * @param y      whether each case is of interest
     */
    public static PrimData of(List<String> names, List<List<String>> values, boolean[] y) {
        int n = values.size();
        if (y.length != n) {
            throw new IllegalArgumentException("cases and outcomes differ: " + n + " vs " + y.length);
        }
        int k = names.size();
        boolean[] categorical = new boolean[k];
        List<List<String>> levels = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            TreeSet<String> distinct = new TreeSet<>();
            boolean numeric = true;
            for (List<String> row : values) {
                String v = row.get(j);
                if (v == null) {
                    throw new IllegalArgumentException("factor " + names.get(j) + " has a missing value");
                }
                distinct.add(v);
                numeric &= isNumber(v);
            }
            categorical[j] = !numeric;
            levels.add(numeric ? List.of() : List.copyOf(distinct));
        }
        double[][] x = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                String v = values.get(i).get(j);
                x[i][j] = categorical[j] ? levels.get(j).indexOf(v) : Double.parseDouble(v);
            }
        }
        return new PrimData(names, categorical, levels, x, y.clone());
    }

    private static boolean isNumber(String v) {
        try {
            return Double.isFinite(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public List<String> names() {
        return names;
    }

    public int factors() {
        return names.size();
    }

    public int cases() {
        return y.length;
    }

    public boolean categorical(int factor) {
        return categorical[factor];
    }

    /** The sorted levels of a categorical factor (empty for a numeric one). */
    public List<String> levels(int factor) {
        return levels.get(factor);
    }

    double x(int i, int factor) {
        return x[i][factor];
    }

    boolean y(int i) {
        return y[i];
    }

    /** Cases of interest. */
    public int positives() {
        int p = 0;
        for (boolean b : y) {
            p += b ? 1 : 0;
        }
        return p;
    }
}
