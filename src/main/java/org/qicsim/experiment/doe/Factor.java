package org.qicsim.experiment.doe;

import java.util.ArrayList;
import java.util.List;

/**
 * One varied scenario key: its dotted key path, its {@link Domain} and whether the key is an
 * integer key. Constructing a factor checks and normalises its domain, so a factor that exists
 * can be realised by any design that accepts its kind of domain; every complaint is a
 * {@link DesignException} naming {@link #path()}.
 *
 * <p>Values are typed objects: {@code Long} for integer keys, {@code Double} for other numbers,
 * {@code Boolean}, {@code String}, or null (a nullable key's "derive it"). An integer key realised
 * from an interval or a distribution is rounded to the nearest integer with {@link Math#round(double)}
 * (halves round up); its interval bounds must be whole numbers so rounding stays inside them.
 *
 * <p>How the unit interval becomes a value (the sampling designs place points in [0, 1]^k):
 * <ul>
 *   <li>a list of m values is split into m equal-probability bins, {@code u ↦ values[⌊u·m⌋]}
 *       (u = 1 takes the last value);</li>
 *   <li>an interval maps linearly, {@code u ↦ min + u·(max − min)};</li>
 *   <li>a distribution maps through its inverse CDF, {@code u ↦ F⁻¹(u)}.</li>
 * </ul>
 * Morris grid levels j = 0..p−1 sit at unit coordinate j/(p−1); intervals take that coordinate as
 * it is, while lists and distributions take the midpoint (j + ½)/p of the j-th of p
 * equal-probability bins, so that an unbounded distribution is never asked for F⁻¹(0) or F⁻¹(1)
 * and p levels over p listed values visit each value once.
 */
public record Factor(String path, Domain domain, boolean integer) {

    public Factor {
        if (path == null || path.isBlank()) {
            throw new DesignException(path, null, "a factor needs a key path");
        }
        if (domain == null) {
            throw new DesignException(path, null, "factor " + path + " needs values, a range or a distribution");
        }
        domain = checked(path, domain, integer);
    }

    /** A factor of a non-integer key. */
    public Factor(String path, Domain domain) {
        this(path, domain, false);
    }

    private static Domain checked(String path, Domain domain, boolean integer) {
        if (domain instanceof Domain.Values v) {
            return checkedValues(path, v, integer);
        }
        if (domain instanceof Domain.Interval r) {
            Checks.finite(path, "min", r.min());
            Checks.finite(path, "max", r.max());
            Checks.less(path, "max", r.min(), r.max(), "a range needs min < max");
            if (r.levels() < 0 || r.levels() == 1) {
                throw new DesignException(path, "levels", "levels must be at least 2, not " + r.levels());
            }
            if (integer) {
                if (r.min() != Math.rint(r.min()) || r.max() != Math.rint(r.max())) {
                    throw new DesignException(path, "min", "an integer key's range needs whole-number bounds");
                }
                // Spacing of at least 1 keeps rounded levels distinct.
                if (r.hasLevels() && r.levels() - 1 > r.max() - r.min()) {
                    throw new DesignException(path, "levels", "an integer range " + (long) r.min() + ".."
                            + (long) r.max() + " has fewer than " + r.levels() + " distinct values");
                }
            }
            return r;
        }
        Distribution d = (Distribution) domain;
        d.check(path);
        return d;
    }

    private static Domain.Values checkedValues(String path, Domain.Values v, boolean integer) {
        if (v.values().isEmpty()) {
            throw new DesignException(path, "values", "the value list of " + path + " is empty");
        }
        List<Object> out = new ArrayList<>(v.values().size());
        Class<?> kind = null;
        for (Object raw : v.values()) {
            Object value = normalise(path, raw, integer);
            if (value != null) {
                if (kind != null && kind != value.getClass()) {
                    throw new DesignException(path, "values", "the values of " + path
                            + " mix kinds (" + kind.getSimpleName() + " and " + value.getClass().getSimpleName() + ")");
                }
                kind = value.getClass();
            }
            for (Object seen : out) {
                if (sameValue(seen, value)) {
                    throw new DesignException(path, "values", "the values of " + path + " repeat " + raw);
                }
            }
            out.add(value);
        }
        return new Domain.Values(out);
    }

    private static Object normalise(String path, Object raw, boolean integer) {
        if (raw == null || raw instanceof Boolean || raw instanceof String) {
            if (integer && raw != null) {
                throw new DesignException(path, "values", path + " takes whole numbers, not " + raw);
            }
            return raw;
        }
        if (raw instanceof Number n) {
            double x = n.doubleValue();
            if (!Double.isFinite(x)) {
                throw new DesignException(path, "values", path + " takes finite numbers, not " + raw);
            }
            if (!integer) {
                return x;
            }
            if (x != Math.rint(x)) {
                throw new DesignException(path, "values", path + " takes whole numbers, not " + raw);
            }
            return n instanceof Double || n instanceof Float ? (long) x : n.longValue();
        }
        throw new DesignException(path, "values", path + " takes numbers, booleans or names, not a "
                + raw.getClass().getSimpleName());
    }

    /**
     * The value in this factor's types, for a value coming from elsewhere (the base scenario's
     * value of the key, for a one-at-a-time baseline).
     */
    public Object normalise(Object raw) {
        Object value = normalise(path, raw, integer);
        if (value == null) {
            return null;
        }
        Class<?> kind = Double.class;
        if (domain instanceof Domain.Values v) {
            kind = null;
            for (Object x : v.values()) {
                kind = x == null ? kind : x.getClass();
            }
        } else if (integer) {
            kind = Long.class;
        }
        if (kind != null && kind != value.getClass()) {
            throw new DesignException(path, null, "the value " + raw + " of " + path
                    + " does not fit its factor's " + kind.getSimpleName() + " values");
        }
        return value;
    }

    /** Whether two realised values are the same, numbers compared by value (3 equals 3.0). */
    public static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return a == null ? b == null : a.equals(b);
    }

    /** Whether this factor is a distribution (allowed only in sampling designs). */
    public boolean isDistribution() {
        return domain instanceof Distribution;
    }

    /**
     * How many values a grid or one-at-a-time design takes: a list's length, an interval's
     * {@code levels}. Refuses distributions and intervals without levels.
     */
    public int levelCount(String design) {
        if (domain instanceof Domain.Values v) {
            return v.values().size();
        }
        if (domain instanceof Domain.Interval r) {
            if (!r.hasLevels()) {
                throw new DesignException(path, "levels", "a range in a " + design + " design needs levels");
            }
            return r.levels();
        }
        throw new DesignException(path, null, "distributions are allowed only in lhs, sobol and morris designs, not "
                + design + "; give values or a range with levels");
    }

    /** The j-th (0-based) of the {@link #levelCount} values, for grid and one-at-a-time designs. */
    public Object level(int j) {
        int m = levelCount("grid or oneAtATime");
        if (j < 0 || j >= m) {
            throw new IndexOutOfBoundsException("level " + j + " of " + m + " of " + path);
        }
        if (domain instanceof Domain.Values v) {
            return v.values().get(j);
        }
        Domain.Interval r = (Domain.Interval) domain;
        return number(r.at(j / (double) (m - 1)));
    }

    /** The value at unit coordinate u in [0, 1], for Latin hypercube and Saltelli designs. */
    public Object at(double u) {
        if (domain instanceof Domain.Values v) {
            return v.values().get(bin(u, v.values().size()));
        }
        if (domain instanceof Domain.Interval r) {
            return number(r.at(u));
        }
        return number(((Distribution) domain).quantile(u));
    }

    /** The value at level j (0-based) of a p-level Morris grid; see the class comment. */
    public Object atMorrisLevel(int j, int p) {
        if (domain instanceof Domain.Interval r) {
            return number(r.at(j / (double) (p - 1)));
        }
        double mid = (j + 0.5) / p;
        if (domain instanceof Domain.Values v) {
            return v.values().get(bin(mid, v.values().size()));
        }
        return number(((Distribution) domain).quantile(mid));
    }

    private static int bin(double u, int m) {
        return Math.min((int) Math.floor(u * m), m - 1);
    }

    private Object number(double x) {
        return integer ? (Object) Math.round(x) : (Object) x;
    }
}
