package org.qicsim.model;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * Random variates by inversion, each consuming exactly one 64-bit draw ({@code nextLong}) from the
 * generator. Inversion keeps the number of draws independent of parameter values, so a change to a
 * parameter shifts a variate monotonically instead of desynchronising every later draw of the key
 * (MODEL.md §5: "each by inversion of one uniform"; §7).
 *
 * <p>Each variate has a pure quantile function too ({@code …Quantile}), for mechanisms that store
 * their uniforms (e.g. the execution-pattern uniforms of §5).
 *
 * <p>Maths uses {@link StrictMath} and Commons Math (built without a generator; only quantiles and
 * special functions are used), so results are reproducible across platforms for one Java version.
 */
public final class Draws {

    /**
     * Poisson means below this use sequential search from 0; at or above it the search starts at the
     * mode. Below it, {@code exp(−λ)} is far from underflow (which happens past ≈745) and the search
     * costs about λ steps; above it, starting at the mode costs about √λ steps at any λ.
     */
    static final double POISSON_SEQUENTIAL_LIMIT = 500;

    /**
     * Binomial means below this use sequential search from 0 (about n·p steps); at or above it the
     * search starts at the mode (about √(n·p) steps plus three log-gamma values).
     */
    static final double BINOMIAL_SEQUENTIAL_LIMIT = 30;

    /** Largest Poisson mean accepted: keeps variates within {@code int}. */
    public static final double POISSON_MAX_MEAN = 1e9;

    /** Absolute accuracy of the Beta quantile's root finder (Commons Math's default is 1e−9). */
    private static final double BETA_INVERSE_ACCURACY = 1e-12;

    private Draws() {
    }

    /**
     * One uniform in the open interval (0, 1): {@code ((nextLong() >>> 12) + 0.5) · 2^−52}. The
     * midpoint grid never yields 0 or 1 (so quantiles stay finite) and is symmetric: if {@code u} can
     * occur, so can {@code 1 − u}, exactly.
     */
    public static double uniform(RandomGenerator random) {
        // The monthly loop's keys are KeyedGenerators: called on the final class, the JIT inlines
        // SplitMix64 here instead of an interface call that sees every generator type.
        long bits = random instanceof KeyedGenerator keyed ? keyed.nextLong() : random.nextLong();
        return ((bits >>> 12) + 0.5) * 0x1.0p-52;
    }

    /** Standard normal variate by inversion of one uniform. */
    public static double normal(RandomGenerator random) {
        return normalQuantile(uniform(random));
    }

    /** Normal variate {@code mean + sd · Z}, Z by inversion of one uniform. */
    public static double normal(RandomGenerator random, double mean, double sd) {
        return mean + sd * normalQuantile(uniform(random));
    }

    /** Poisson variate with mean {@code lambda} by inversion of one uniform. */
    public static int poisson(RandomGenerator random, double lambda) {
        return poissonQuantile(uniform(random), lambda);
    }

    /**
     * Binomial(n, p) variate by inversion of one uniform (one uniform even when n = 0 or p is 0 or 1,
     * so the count of draws on a key never depends on parameter values).
     */
    public static int binomial(RandomGenerator random, int n, double p) {
        return binomialQuantile(uniform(random), n, p);
    }

    /**
     * Splits {@code n} into {@code out.length} equally likely categories: a multinomial by sequential
     * binomials, category k ~ Binomial(remaining, 1/(K − k)). Always draws K − 1 uniforms.
     */
    public static void equalMultinomial(RandomGenerator random, int n, int[] out) {
        int left = n;
        int k = out.length;
        for (int i = 0; i < k - 1; i++) {
            out[i] = binomial(random, left, 1.0 / (k - i));
            left -= out[i];
        }
        out[k - 1] = left;
    }

    /**
     * Poisson variate as {@link #poisson(RandomGenerator, double)}, with {@code expMinusLambda} =
     * {@code StrictMath.exp(−lambda)} supplied by a caller that draws many times at one mean (the same
     * value, so the same variate).
     */
    static int poisson(RandomGenerator random, double lambda, double expMinusLambda) {
        double u = uniform(random);
        if (lambda > 0 && lambda < POISSON_SEQUENTIAL_LIMIT) {
            return poissonFromZero(u, lambda, expMinusLambda);
        }
        return poissonQuantile(u, lambda);
    }

    /** Beta(a, b) variate by inversion of one uniform. */
    public static double beta(RandomGenerator random, double a, double b) {
        return betaQuantile(uniform(random), a, b);
    }

    /** Log-normal variate {@code exp(mu + sigma · Z)} by inversion of one uniform. */
    public static double logNormal(RandomGenerator random, double mu, double sigma) {
        return logNormalQuantile(uniform(random), mu, sigma);
    }

    // ---------------------------------------------------------------- quantile functions

    /**
     * The standard normal quantile Φ⁻¹(p), by Wichura's algorithm AS 241 (PPND16; Applied Statistics
     * 37(3):477–484, 1988), relative accuracy about 1e−16 over the whole range. Chosen over
     * {@code erfInv(2p − 1)}, which loses the tail because {@code 2p − 1} rounds near ±1.
     *
     * @return −∞ for p ≤ 0, +∞ for p ≥ 1, NaN for NaN
     */
    public static double normalQuantile(double p) {
        if (Double.isNaN(p)) {
            return Double.NaN;
        }
        if (p <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p >= 1) {
            return Double.POSITIVE_INFINITY;
        }
        double q = p - 0.5;
        if (Math.abs(q) <= 0.425) {
            double r = 0.180625 - q * q;
            return q * polynomial(A, r) / polynomial(B, r);
        }
        double tail = q < 0 ? p : 1 - p;
        double r = StrictMath.sqrt(-StrictMath.log(tail));
        double z;
        if (r <= 5) {
            r -= 1.6;
            z = polynomial(C, r) / polynomial(D, r);
        } else {
            r -= 5;
            z = polynomial(E, r) / polynomial(F, r);
        }
        return q < 0 ? -z : z;
    }

    /**
     * The Poisson quantile: the smallest {@code k} with {@code P(X ≤ k) ≥ u}. For
     * {@code λ < }{@value #POISSON_SEQUENTIAL_LIMIT} a sequential search accumulates the pmf from
     * {@code exp(−λ)}; above, the search starts at the mode {@code m = ⌊λ⌋} with {@code P(X ≤ m)} from
     * the regularised incomplete gamma function and walks down or up. The walk stops where adding a
     * probability no longer changes the sum (u within rounding of 1).
     *
     * @param u      probability in (0, 1)
     * @param lambda mean, 0 ≤ λ ≤ {@value #POISSON_MAX_MEAN}
     */
    public static int poissonQuantile(double u, double lambda) {
        if (!(lambda >= 0 && lambda <= POISSON_MAX_MEAN)) {
            throw new IllegalArgumentException("Poisson mean must be in [0, 1e9], was " + lambda);
        }
        if (!(u > 0 && u < 1)) {
            throw new IllegalArgumentException("u must be in (0, 1), was " + u);
        }
        if (lambda == 0) {
            return 0;
        }
        return lambda < POISSON_SEQUENTIAL_LIMIT ? poissonFromZero(u, lambda) : poissonFromMode(u, lambda);
    }

    private static int poissonFromZero(double u, double lambda) {
        return poissonFromZero(u, lambda, StrictMath.exp(-lambda));
    }

    private static int poissonFromZero(double u, double lambda, double expMinusLambda) {
        int k = 0;
        double p = expMinusLambda;
        double cdf = p;
        while (u > cdf) {
            k++;
            p *= lambda / k;
            double next = cdf + p;
            if (next == cdf && k > lambda) {
                break;
            }
            cdf = next;
        }
        return k;
    }

    private static int poissonFromMode(double u, double lambda) {
        int k = (int) Math.floor(lambda);
        double p = StrictMath.exp(-lambda + k * StrictMath.log(lambda) - Gamma.logGamma(k + 1.0));
        double cdf = Gamma.regularizedGammaQ(k + 1.0, lambda);
        if (u <= cdf) {
            // Walk down while P(X ≤ k − 1) still reaches u.
            while (k > 0) {
                double below = cdf - p;
                if (u > below) {
                    break;
                }
                cdf = below;
                p *= k / lambda;
                k--;
            }
            return k;
        }
        while (u > cdf) {
            k++;
            p *= lambda / k;
            double next = cdf + p;
            if (next == cdf) {
                break;
            }
            cdf = next;
        }
        return k;
    }

    /**
     * The binomial quantile: the smallest {@code k} with {@code P(X ≤ k) ≥ u}, X ~ Binomial(n, p).
     * For p &gt; 1/2 it is {@code n} minus the quantile of Binomial(n, 1 − p) at 1 − u (exact: 1 − u is
     * on the same grid as u). Below {@value #BINOMIAL_SEQUENTIAL_LIMIT} expected successes the search
     * accumulates the pmf from {@code (1 − p)^n}, computed by repeated squaring (no transcendental
     * function, about log₂ n products); above, it starts at the mode with the pmf from log-gamma and
     * {@code P(X ≤ mode)} from the regularised incomplete beta function, as the Poisson does.
     *
     * @param u probability in (0, 1)
     */
    public static int binomialQuantile(double u, int n, double p) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (p > 0.5) {
            return n - binomialQuantile(1.0 - u, n, 1.0 - p);
        }
        double q = 1.0 - p;
        double mean = n * p;
        if (mean < BINOMIAL_SEQUENTIAL_LIMIT) {
            double pmf = power(q, n);
            // q ≥ 1/2 and n·p < 30 keep (1 − p)^n far from underflow except for tiny p with huge n,
            // where the guard hands over to the search from the mode.
            if (pmf > 1e-280) {
                return binomialFromZero(u, n, p / q, pmf, mean);
            }
        }
        return binomialFromMode(u, n, p, q);
    }

    private static int binomialFromZero(double u, int n, double ratio, double p0, double mean) {
        int k = 0;
        double pmf = p0;
        double cdf = p0;
        while (u > cdf && k < n) {
            pmf *= ratio * (n - k) / (k + 1);
            k++;
            double next = cdf + pmf;
            if (next == cdf && k > mean) {
                break;
            }
            cdf = next;
        }
        return k;
    }

    private static int binomialFromMode(double u, int n, double p, double q) {
        int k = (int) Math.min(n, Math.floor((n + 1.0) * p));
        double pmf = StrictMath.exp(Gamma.logGamma(n + 1.0) - Gamma.logGamma(k + 1.0) - Gamma.logGamma(n - k + 1.0)
                + k * StrictMath.log(p) + (n - k) * StrictMath.log1p(-p));
        // P(X ≤ k) = I_q(n − k, k + 1) for k < n.
        double cdf = k >= n ? 1.0 : Beta.regularizedBeta(q, n - k, k + 1.0);
        if (u <= cdf) {
            while (k > 0) {
                double below = cdf - pmf;
                if (u > below) {
                    break;
                }
                cdf = below;
                pmf *= k / (n - k + 1.0) * (q / p);
                k--;
            }
            return k;
        }
        while (u > cdf && k < n) {
            k++;
            pmf *= (n - k + 1.0) / k * (p / q);
            double next = cdf + pmf;
            if (next == cdf) {
                break;
            }
            cdf = next;
        }
        return k;
    }

    /**
     * Poisson(λ) at one fixed λ for many draws: exactly {@link #poisson(RandomGenerator, double,
     * double)}'s variates, with the sequential search's running sums P(X ≤ k) tabulated once (the same
     * additions in the same order, so the same values, up to where the search would stop because the
     * sum no longer changes) and searched from a guide table ({@link #guideTable}) instead of rebuilt
     * at every draw. Means outside
     * (0, {@value #POISSON_SEQUENTIAL_LIMIT}) draw as {@code poisson} does.
     */
    static final class PoissonTable {
        private final double lambda;
        private final double[] cumulative;
        /** The variate when u exceeds every tabulated sum (where the search stops). */
        private final int last;
        /** The guide table of the sums ({@link Draws#guideTable}). */
        private final int[] guide;

        PoissonTable(double lambda, double expMinusLambda) {
            this.lambda = lambda;
            if (!(lambda > 0 && lambda < POISSON_SEQUENTIAL_LIMIT)) {
                cumulative = null;
                last = 0;
                guide = null;
                return;
            }
            double[] c = new double[16];
            int k = 0;
            double p = expMinusLambda;
            c[0] = p;
            while (true) {
                k++;
                p *= lambda / k;
                double next = c[k - 1] + p;
                if (next == c[k - 1] && k > lambda) {
                    break;
                }
                if (k == c.length) {
                    c = java.util.Arrays.copyOf(c, 2 * k);
                }
                c[k] = next;
            }
            cumulative = java.util.Arrays.copyOf(c, k);
            last = k;
            guide = guideTable(cumulative, k);
        }

        /** The same as {@code Draws.poisson(random, lambda, StrictMath.exp(−lambda))}. */
        int draw(RandomGenerator random) {
            double u = uniform(random);
            if (cumulative == null) {
                return poissonQuantile(u, lambda);
            }
            // The smallest k with u ≤ P(X ≤ k), as the search from 0 finds it; past the table, where it stops.
            int k = searchSums(u, cumulative, cumulative.length, guide);
            return k < cumulative.length ? k : last;
        }
    }

    /**
     * Binomial(n, p) at one fixed p for many n: exactly {@link #binomialQuantile}'s variates (the same
     * branches and the same products), with {@code (1 − p)^n} and the search's running sums memoised
     * by n instead of recomputed at every draw. For the recording's sensitivity, specificity, suppression and
     * up-coding probabilities and the case-mix split, which draw many small counts a month at a few p.
     */
    static final class FixedBinomial {
        private final double p;
        /** p &gt; 1/2: draws are n minus the quantile of Binomial(n, 1 − p) at 1 − u. */
        private final boolean flipped;
        /** The probability the search uses (≤ 1/2), its complement and their ratio. */
        private final double searched;
        private final double q;
        private final double ratio;
        /** (1 − searched)^n by n; negative where not yet computed. */
        private double[] powers = new double[0];
        /** By default counts up to this have their running sums memoised (the recording's are mostly below 10). */
        static final int TABULATED_COUNT = 16;
        /** Counts up to this have their running sums memoised. */
        private final int tabulatedCount;
        /** binomialFromZero's running sums by n (null where not yet built). */
        private double[][] sums = new double[0][];

        FixedBinomial(double p) {
            this(p, TABULATED_COUNT);
        }

        /**
         * With the running sums of counts up to {@code tabulatedCount} memoised (only where the
         * search runs from zero, mean n·p below the sequential limit): the same variates whatever
         * the limit, which trades memory for the products and divisions of the search.
         */
        FixedBinomial(double p, int tabulatedCount) {
            this.p = p;
            this.tabulatedCount = tabulatedCount;
            this.flipped = p > 0.5 && p < 1;
            this.searched = flipped ? 1.0 - p : p;
            this.q = 1.0 - searched;
            this.ratio = searched / q;
        }

        /** The same as {@code Draws.binomial(random, n, p)}. */
        int draw(RandomGenerator random, int n) {
            return quantile(uniform(random), n);
        }

        /**
         * The same as {@link #draw(RandomGenerator, int)} on a keyed generator: where the answer
         * does not depend on the uniform (n = 0, p of 0 or 1) its number is passed over without
         * being computed (SplitMix64's state is a counter), so later draws are unchanged.
         */
        int draw(KeyedGenerator random, int n) {
            if (n <= 0 || p <= 0) {
                random.skip(1);
                return 0;
            }
            if (p >= 1) {
                random.skip(1);
                return n;
            }
            return flipped ? n - search(1.0 - uniform(random), n) : search(uniform(random), n);
        }

        /** The same as {@code Draws.binomialQuantile(u, n, p)}. */
        int quantile(double u, int n) {
            if (n <= 0 || p <= 0) {
                return 0;
            }
            if (p >= 1) {
                return n;
            }
            return flipped ? n - search(1.0 - u, n) : search(u, n);
        }

        private int search(double u, int n) {
            double mean = n * searched;
            if (mean < BINOMIAL_SEQUENTIAL_LIMIT) {
                double pmf = powerOf(n);
                if (pmf > 1e-280 && n > tabulatedCount) {
                    return binomialFromZero(u, n, ratio, pmf, mean);
                }
                if (pmf > 1e-280) {
                    double[] sums = sumsOf(n, pmf, mean);
                    // binomialFromZero's answer: the first k with u ≤ P(X ≤ k) among its sums, else
                    // where it stopped (n, or where a term no longer changed the sum).
                    int k = 0;
                    int end = sums.length - 1;
                    while (k < end && u > sums[k]) {
                        k++;
                    }
                    return k < end ? k : (int) sums[end];
                }
            }
            return binomialFromMode(u, n, searched, q);
        }

        /**
         * The running sums P(X ≤ k) that {@link #binomialFromZero} builds for this n (the same
         * products and additions in the same order), up to where it stops, followed by the value
         * it returns there; memoised by n.
         */
        private double[] sumsOf(int n, double p0, double mean) {
            if (n >= sums.length) {
                sums = java.util.Arrays.copyOf(sums, Math.max(n + 1, 2 * sums.length));
            }
            double[] table = sums[n];
            if (table == null) {
                double[] c = new double[n + 2];
                double pmf = p0;
                c[0] = p0;
                int k = 0;
                while (k < n) {
                    pmf *= ratio * (n - k) / (k + 1);
                    k++;
                    double next = c[k - 1] + pmf;
                    if (next == c[k - 1] && k > mean) {
                        break;
                    }
                    c[k] = next;
                }
                // Sums 0 … k − 1 are searched; past them the search returns k.
                table = java.util.Arrays.copyOf(c, k + 1);
                table[k] = k;
                sums[n] = table;
            }
            return table;
        }

        private double powerOf(int n) {
            if (n >= powers.length) {
                int old = powers.length;
                powers = java.util.Arrays.copyOf(powers, Math.max(n + 1, 2 * old));
                java.util.Arrays.fill(powers, old, powers.length, -1.0);
            }
            if (powers[n] < 0) {
                powers[n] = power(q, n);
            }
            return powers[n];
        }
    }

    /**
     * A guide table (Chen and Asau's index table) over the first {@code end} of ascending running
     * sums: with G = {@code guide.length} a power of two at least {@code end}, {@code guide[g]} is
     * the smallest k &lt; end with {@code sums[k] ≥ g/G}, or {@code end} if none. For u in
     * [g/G, (g + 1)/G) every sum below {@code guide[g]} is under g/G ≤ u, so an inversion search for
     * the first k with u ≤ sums[k] can start at {@code guide[g]} and finds the same k, in about one
     * step. g/G and u·G are exact (G a power of two), so the cell of u is exact.
     */
    static int[] guideTable(double[] sums, int end) {
        int cells = Integer.highestOneBit(Math.max(1, end));
        if (cells < end) {
            cells <<= 1;
        }
        int[] guide = new int[cells];
        int k = 0;
        for (int g = 0; g < cells; g++) {
            double low = (double) g / cells;
            while (k < end && sums[k] < low) {
                k++;
            }
            guide[g] = k;
        }
        return guide;
    }

    /**
     * The smallest k &lt; end with {@code u ≤ sums[k]} for ascending {@code sums}, or {@code end} if
     * none: the answer of a sequential search from 0, started at u's guide-table entry
     * ({@link #guideTable} of the same sums and end).
     */
    static int searchSums(double u, double[] sums, int end, int[] guide) {
        int k = guide[guideCell(u, guide)];
        while (k < end && u > sums[k]) {
            k++;
        }
        return k;
    }

    /**
     * The guide-table cell of u: ⌊u·G⌋ (exact; G a power of two), kept within the table for u
     * outside (0, 1) (cell 0 starts at 0, and the last cell's start holds for any u above its low end).
     */
    static int guideCell(double u, int[] guide) {
        int g = (int) (u * guide.length);
        return Math.max(0, Math.min(guide.length - 1, g));
    }

    /**
     * {@link #equalMultinomial(RandomGenerator, int, int[])} with its K − 1 binomials at p = 1/(K − k)
     * given as {@code parts[k] = new FixedBinomial(1.0 / (K − k))}: the same variates.
     */
    static void equalMultinomial(RandomGenerator random, int n, int[] out, FixedBinomial[] parts) {
        int left = n;
        int k = out.length;
        for (int i = 0; i < k - 1; i++) {
            out[i] = parts[i].draw(random, left);
            left -= out[i];
        }
        out[k - 1] = left;
    }

    /** The binomials of {@link #equalMultinomial(RandomGenerator, int, int[], FixedBinomial[])} for K categories. */
    static FixedBinomial[] equalMultinomialParts(int categories) {
        FixedBinomial[] parts = new FixedBinomial[Math.max(0, categories - 1)];
        for (int i = 0; i < parts.length; i++) {
            // A site-month's patients (about 40, up to a few hundred) are split once per world:
            // every count whose search runs from zero is memoised.
            parts[i] = new FixedBinomial(1.0 / (categories - i), Integer.MAX_VALUE);
        }
        return parts;
    }

    /** x^n for n ≥ 0 by repeated squaring (deterministic IEEE products). */
    static double power(double x, int n) {
        double result = 1.0;
        double base = x;
        int e = n;
        while (e > 0) {
            if ((e & 1) == 1) {
                result *= base;
            }
            base *= base;
            e >>>= 1;
        }
        return result;
    }

    /**
     * The Beta(a, b) quantile. For whole-number shapes with a + b − 1 ≤ {@value #BETA_POLYNOMIAL_MAX}
     * (every Beta of the world's initialisation, MODEL.md §5) the CDF is a binomial tail, I_x(a, b) =
     * P(Binomial(a + b − 1, x) ≥ a), and {@link #integerBetaQuantile} inverts it to rounding; other
     * shapes use Commons Math's root finder on the regularised incomplete beta function (absolute
     * accuracy 1e−12).
     */
    public static double betaQuantile(double u, double a, double b) {
        if (a == Math.rint(a) && b == Math.rint(b) && a >= 1 && b >= 1 && a + b - 1 <= BETA_POLYNOMIAL_MAX) {
            return integerBetaQuantile(u, (int) a, (int) b);
        }
        return new BetaDistribution(null, a, b, BETA_INVERSE_ACCURACY).inverseCumulativeProbability(u);
    }

    /** Largest a + b − 1 whose Beta quantile is found from the binomial-tail form of its CDF. */
    static final int BETA_POLYNOMIAL_MAX = 40;

    /**
     * The Beta(a, b) quantile for whole-number shapes: the x in [0, 1] with I_x(a, b) = u, where
     * I_x(a, b) = Σ_{k ≥ a} C(n, k)·x^k·(1 − x)^{n − k}, n = a + b − 1 (sums of positive terms, no
     * transcendental function). The upper half uses the symmetry x = 1 − quantile(1 − u; b, a), so
     * the tail sum is always the small one. Newton steps on the CDF, with its density as slope,
     * inside a bisection bracket that every step narrows: each iterate stays within the bracket, and
     * it stops when a step no longer moves x by more than about an ulp (at most 100 steps).
     */
    static double integerBetaQuantile(double u, int a, int b) {
        if (!(u > 0)) {
            return 0.0;
        }
        if (!(u < 1)) {
            return 1.0;
        }
        if (u > 0.5) {
            return 1.0 - integerBetaQuantile(1.0 - u, b, a);
        }
        int n = a + b - 1;
        // C(n, a) and the density's constant 1/B(a, b) = a·C(n, a)·(…) via n!/((a−1)!(b−1)!).
        double choose = 1.0;
        for (int k = 1; k <= a; k++) {
            choose = choose * (n - a + k) / k;
        }
        double densityConstant = choose * a;
        // P(X ≥ a) ≤ C(n, a)·x^a, so this start lies at or below the root.
        double x = StrictMath.pow(u / choose, 1.0 / a);
        double lo = 0.0;
        double hi = 1.0;
        for (int step = 0; step < 100; step++) {
            if (!(x > lo && x < hi)) {
                x = 0.5 * (lo + hi);
            }
            double y = 1.0 - x;
            // Terms C(n, k) x^k y^(n−k) for k = a … n, from the first by the ratio (n−k)/(k+1)·x/y.
            double term = choose * power(x, a) * power(y, n - a);
            double cdf = term;
            for (int k = a; k < n; k++) {
                term = term * (n - k) / (k + 1) * x / y;
                cdf += term;
            }
            if (cdf < u) {
                lo = x;
            } else {
                hi = x;
            }
            double density = densityConstant * power(x, a - 1) * power(y, b - 1);
            double newton = density > 0 ? (cdf - u) / density : Double.NaN;
            if (Math.abs(newton) <= 0x1.0p-50 * x) {
                // Converged: the step is within rounding of x (it may leave the bracket by as much).
                return x - newton;
            }
            double next = x - newton;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (hi - lo <= 0x1.0p-50 * hi) {
                return next;
            }
            x = next;
        }
        return x;
    }

    /** The log-normal quantile {@code exp(mu + sigma · Φ⁻¹(u))}. */
    public static double logNormalQuantile(double u, double mu, double sigma) {
        return StrictMath.exp(mu + sigma * normalQuantile(u));
    }

    /** Horner evaluation of {@code c[0] + c[1]·x + … }. */
    private static double polynomial(double[] c, double x) {
        double sum = c[c.length - 1];
        for (int i = c.length - 2; i >= 0; i--) {
            sum = sum * x + c[i];
        }
        return sum;
    }

    // AS 241 coefficients, lowest order first; denominators have constant term 1.
    private static final double[] A = {
        3.3871328727963666080e0, 1.3314166789178437745e+2, 1.9715909503065514427e+3,
        1.3731693765509461125e+4, 4.5921953931549871457e+4, 6.7265770927008700853e+4,
        3.3430575583588128105e+4, 2.5090809287301226727e+3};
    private static final double[] B = {
        1.0, 4.2313330701600911252e+1, 6.8718700749205790830e+2, 5.3941960214247511077e+3,
        2.1213794301586595867e+4, 3.9307895800092710610e+4, 2.8729085735721942674e+4,
        5.2264952788528545610e+3};
    private static final double[] C = {
        1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0,
        3.64784832476320460504e0, 1.27045825245236838258e0, 2.41780725177450611770e-1,
        2.27238449892691845833e-2, 7.74545014278341407640e-4};
    private static final double[] D = {
        1.0, 2.05319162663775882187e0, 1.67638483018380384940e0, 6.89767334985100004550e-1,
        1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4,
        1.05075007164441684324e-9};
    private static final double[] E = {
        6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0,
        2.96560571828504891230e-1, 2.65321895265761230930e-2, 1.24266094738807843860e-3,
        2.71155556874348757815e-5, 2.01033439929228813265e-7};
    private static final double[] F = {
        1.0, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2,
        7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7,
        2.04426310338993978564e-15};
}
