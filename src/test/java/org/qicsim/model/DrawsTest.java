package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Inversion helpers against reference quantiles (mpmath at 40 digits, evaluated at the exact binary
 * value of each double argument; SciPy 1.17 for Poisson and Beta).
 */
class DrawsTest {

    @ParameterizedTest(name = "Φ⁻¹({0}) = {1}")
    @CsvSource({
        "0.5, 0.0",
        "0.975, 1.9599639845400538556",
        "0.025, -1.9599639845400542118",
        "0.8, 0.8416212335729143638",
        "0.3, -0.52440051270804081597",
        "0.999999, 4.7534243088170877657",
        "1e-10, -6.3613409024040561991",
        "2.220446049250313e-16, -8.1258906647019068629",
        "1e-300, -37.047096299361199237"})
    void normalQuantileMatchesReference(double p, double expected) {
        assertThat(Draws.normalQuantile(p)).isCloseTo(expected, within(2e-15 * Math.max(1, Math.abs(expected))));
    }

    @Test
    void normalQuantileIsAntisymmetricAndHandlesBounds() {
        // Arguments chosen so that 1 − p is exact in binary.
        for (double p : new double[] {0x1.0p-53, 0x1.0p-20, 0.125, 0.375, 0.4375}) {
            assertThat(Draws.normalQuantile(1 - p)).isCloseTo(-Draws.normalQuantile(p), within(1e-14));
        }
        assertThat(Draws.normalQuantile(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Draws.normalQuantile(1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Draws.normalQuantile(Double.NaN)).isNaN();
    }

    @ParameterizedTest(name = "Poisson({0}) quantile at {1} = {2}")
    @CsvSource({
        "3, 0.3, 2", "3, 0.04, 0", "3, 0.99, 8",
        "40, 0.5, 40", "40, 0.001, 22", "40, 0.999, 61",
        "499.5, 0.5, 499",
        "1000, 0.5, 1000", "1000, 0.01, 927", "1000, 0.99, 1074",
        "12345.6, 0.2, 12252", "1000000, 0.7, 1000524"})
    void poissonQuantileMatchesReference(double lambda, double u, int expected) {
        assertThat(Draws.poissonQuantile(u, lambda)).isEqualTo(expected);
    }

    /** Both search paths return the smallest k with F(k) ≥ u (checked against Commons Math's cdf). */
    @ParameterizedTest(name = "λ = {0}")
    @CsvSource({"0.01", "0.7", "12", "40", "250", "499.99", "500", "743", "2000", "50000"})
    void poissonQuantileInvertsTheCdf(double lambda) {
        PoissonDistribution poisson = new PoissonDistribution(null, lambda,
                PoissonDistribution.DEFAULT_EPSILON, PoissonDistribution.DEFAULT_MAX_ITERATIONS);
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < 400; i++) {
            double u = Draws.uniform(random);
            int k = Draws.poissonQuantile(u, lambda);
            assertThat(poisson.cumulativeProbability(k)).as("F(%d) at u=%s", k, u).isGreaterThanOrEqualTo(u - 1e-12);
            if (k > 0) {
                assertThat(poisson.cumulativeProbability(k - 1)).as("F(%d) at u=%s", k - 1, u).isLessThan(u + 1e-12);
            }
        }
    }

    /**
     * Every search path of the binomial (from 0, from the mode, the complement for p &gt; 1/2) returns
     * the smallest k with F(k) ≥ u, checked against Commons Math's cdf.
     */
    @ParameterizedTest(name = "n = {0}, p = {1}")
    @CsvSource({"1, 0.3", "7, 0.125", "40, 0.05", "40, 0.5", "40, 0.95", "13, 0.9999", "300, 0.2",
        "5000, 0.001", "5000, 0.4", "100000, 0.7", "2000000, 0.00001"})
    void binomialQuantileInvertsTheCdf(int n, double p) {
        BinomialDistribution binomial = new BinomialDistribution(null, n, p);
        SplittableRandom random = new SplittableRandom(23);
        for (int i = 0; i < 400; i++) {
            double u = Draws.uniform(random);
            int k = Draws.binomialQuantile(u, n, p);
            assertThat(k).isBetween(0, n);
            assertThat(binomial.cumulativeProbability(k)).as("F(%d) at u=%s", k, u).isGreaterThanOrEqualTo(u - 1e-9);
            if (k > 0) {
                assertThat(binomial.cumulativeProbability(k - 1)).as("F(%d) at u=%s", k - 1, u).isLessThan(u + 1e-9);
            }
        }
    }

    @Test
    void binomialEdgeCasesAndEqualMultinomial() {
        assertThat(Draws.binomialQuantile(0.5, 0, 0.3)).isZero();
        assertThat(Draws.binomialQuantile(0.99, 10, 0.0)).isZero();
        assertThat(Draws.binomialQuantile(0.01, 10, 1.0)).isEqualTo(10);
        assertThat(Draws.power(0.5, 10)).isEqualTo(1.0 / 1024);
        int[] split = new int[8];
        SplittableRandom used = new SplittableRandom(3);
        Draws.equalMultinomial(used, 41, split);
        assertThat(java.util.Arrays.stream(split).sum()).isEqualTo(41);
        // K − 1 = 7 uniforms, whatever n.
        SplittableRandom reference = new SplittableRandom(3);
        for (int k = 0; k < 7; k++) {
            reference.nextLong();
        }
        assertThat(used.nextLong()).isEqualTo(reference.nextLong());
    }

    @Test
    void poissonEdgeCases() {
        assertThat(Draws.poissonQuantile(0.999, 0)).isZero();
        // u at the top of the grid still terminates with a value in the far tail.
        double top = 1 - 0x1.0p-53;
        assertThat(Draws.poissonQuantile(top, 3)).isBetween(15, 40);
        assertThat(Draws.poissonQuantile(top, 5000)).isBetween(5300, 5700);
        assertThat(Draws.poissonQuantile(0x1.0p-53, 5000)).isBetween(4300, 4700);
        assertThatThrownBy(() -> Draws.poissonQuantile(0.5, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Draws.poissonQuantile(0.5, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Draws.poissonQuantile(1.0, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "Beta({0},{1}) quantile at {2} = {3}")
    @CsvSource({
        "2, 2, 0.5, 0.5",
        "2, 2, 0.104, 0.2",
        "2, 5, 0.5, 0.26444998329566005",
        "4, 2, 0.1, 0.4161096253804711",
        "3, 2, 0.9, 0.8574406832899693",
        "5, 5, 0.025, 0.21200850677886798"})
    void betaQuantileMatchesReference(double a, double b, double u, double expected) {
        assertThat(Draws.betaQuantile(u, a, b)).isCloseTo(expected, within(1e-10));
    }

    /**
     * The whole-number Beta quantile inverts the regularised incomplete beta function to rounding:
     * over 2,000 seeded uniforms per shape, Commons Math's I_x(a, b) at the returned x is within
     * 1e−13 of u (relative to min(u, 1 − u), which x's own rounding allows near the mode), it agrees
     * with Commons Math's root finder within 2e−11 where that finder is accurate (u not within 1e−9
     * of 0 or 1), and it is non-decreasing in u.
     */
    @ParameterizedTest(name = "Beta({0},{1}) by its binomial tail")
    @CsvSource({"1, 1", "2, 2", "2, 5", "4, 2", "5, 5", "3, 2", "4, 4", "1, 9", "20, 20", "2, 3"})
    void integerBetaQuantileInvertsTheIncompleteBeta(int a, int b) {
        BetaDistribution reference = new BetaDistribution(null, a, b, 1e-12);
        SplittableRandom r = new SplittableRandom(31L * a + b);
        double[] u = new double[2000];
        for (int i = 0; i < u.length; i++) {
            u[i] = Draws.uniform(r);
        }
        java.util.Arrays.sort(u);
        double previous = 0.0;
        for (double p : u) {
            double x = Draws.betaQuantile(p, a, b);
            assertThat(x).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(previous);
            previous = x;
            double slack = 1e-13 + 2 * Math.ulp(x) * reference.density(x);
            assertThat(Math.abs(reference.cumulativeProbability(x) - p)).as("u=%s x=%s", p, x)
                    .isLessThanOrEqualTo(slack + 1e-13 * Math.min(p, 1 - p));
            if (p > 1e-9 && p < 1 - 1e-9) {
                assertThat(x).isCloseTo(reference.inverseCumulativeProbability(p), within(2e-11));
            }
        }
    }

    /**
     * The fixed-p binomial gives exactly {@code binomialQuantile}'s variate for every (u, n): 200
     * seeded probabilities (including 0, 1, 1/2 and p &gt; 1/2) × 500 seeded (u, n) with n up to 400,
     * so both the search from 0 and the search from the mode are covered, in an order that grows its
     * memo out of order; the same with every count memoised, and on a keyed generator (which passes
     * over the number of a draw that needs none) the same variate and the same next number.
     */
    @Test
    void fixedBinomialDrawsTheSameVariates() {
        SplittableRandom r = new SplittableRandom(4242);
        for (int c = 0; c < 200; c++) {
            double p = switch (c) {
                case 0 -> 0.0;
                case 1 -> 1.0;
                case 2 -> 0.5;
                case 3 -> 1.0 / 3;
                default -> r.nextInt(4) == 0 ? 1 - 1e-3 * r.nextDouble() : r.nextDouble();
            };
            Draws.FixedBinomial fixed = new Draws.FixedBinomial(p);
            Draws.FixedBinomial allTabulated = new Draws.FixedBinomial(p, Integer.MAX_VALUE);
            for (int i = 0; i < 500; i++) {
                double u = Draws.uniform(r);
                int n = r.nextInt(8) == 0 ? r.nextInt(401) : r.nextInt(12);
                int expected = Draws.binomialQuantile(u, n, p);
                assertThat(fixed.quantile(u, n)).as("p=%s u=%s n=%s", p, u, n).isEqualTo(expected);
                assertThat(allTabulated.quantile(u, n)).as("all tabulated p=%s u=%s n=%s", p, u, n).isEqualTo(expected);
                // On a keyed generator: the same variate, and the key left where binomial leaves it.
                long seed = r.nextLong();
                KeyedGenerator keyed = new KeyedGenerator().reset(seed);
                SplittableRandom plain = new SplittableRandom(seed);
                assertThat(fixed.draw(keyed, n)).isEqualTo(Draws.binomial(plain, n, p));
                assertThat(keyed.nextLong()).isEqualTo(plain.nextLong());
            }
        }
        int[] a = new int[8];
        int[] b = new int[8];
        Draws.FixedBinomial[] parts = Draws.equalMultinomialParts(8);
        for (int n : new int[] {0, 1, 7, 40, 300}) {
            SplittableRandom x = new SplittableRandom(n);
            SplittableRandom y = new SplittableRandom(n);
            Draws.equalMultinomial(x, n, a);
            Draws.equalMultinomial(y, n, b, parts);
            assertThat(b).isEqualTo(a);
            assertThat(y.nextLong()).isEqualTo(x.nextLong());
        }
    }

    /**
     * The tabulated Poisson gives exactly {@code poisson(random, λ, e^{−λ})}'s variate: 60 seeded means
     * (including 0, tiny, and at or above the sequential limit) × 2,000 seeded uniforms, plus the
     * uniforms closest to 1, where the search stops at the end of its sums.
     */
    @Test
    void poissonTableDrawsTheSameVariates() {
        SplittableRandom r = new SplittableRandom(777);
        for (int c = 0; c < 60; c++) {
            double lambda = switch (c) {
                case 0 -> 0.0;
                case 1 -> 1e-9;
                case 2 -> 499.9;
                case 3 -> 500.0;
                case 4 -> 2000.0;
                default -> 300 * r.nextDouble() * r.nextDouble();
            };
            Draws.PoissonTable table = new Draws.PoissonTable(lambda, StrictMath.exp(-lambda));
            for (int i = 0; i < 2002; i++) {
                long seed = i < 2000 ? r.nextLong() : 0L;
                SplittableRandom x = new SplittableRandom(seed);
                SplittableRandom y = new SplittableRandom(seed);
                int expected = Draws.poisson(x, lambda, StrictMath.exp(-lambda));
                assertThat(table.draw(y)).as("lambda=%s seed=%s", lambda, seed).isEqualTo(expected);
            }
            double top = 1 - 0x1.0p-53;
            if (lambda > 0 && lambda < Draws.POISSON_SEQUENTIAL_LIMIT) {
                assertThat(table.draw(new FixedLong(-1L))).isEqualTo(Draws.poissonQuantile(top, lambda));
            }
        }
    }

    /**
     * The guide-table search ({@link Draws#searchSums}) gives the sequential search's answer, the first
     * k &lt; end with u ≤ sums[k] (else end): 300 seeded ascending sums (lengths 0 … 600, with repeats,
     * zeros, a last sum at or above 1, and sums tiny or bunched near 1) at seeded uniforms of the draw
     * grid, at every sum and one ulp either side, at every cell edge g/G and one ulp either side, at the
     * grid's smallest and largest uniforms, and at 0, 1 and NaN.
     */
    @Test
    void guideTableSearchIsTheSequentialSearch() {
        SplittableRandom r = new SplittableRandom(20261207);
        for (int c = 0; c < 300; c++) {
            int end = c < 3 ? c : r.nextInt(8) == 0 ? r.nextInt(601) : r.nextInt(40);
            double[] sums = new double[end + 1];
            double total = 0;
            for (int k = 0; k < end; k++) {
                double step = switch (c % 5) {
                    case 0 -> r.nextInt(3) == 0 ? 0.0 : r.nextDouble();
                    case 1 -> r.nextDouble() * 1e-3;
                    case 2 -> k == 0 ? 0.999 : r.nextDouble() * 1e-6;
                    default -> r.nextDouble();
                };
                total += step;
                sums[k] = total;
            }
            if (c % 5 != 1 && c % 5 != 2) {
                // Scaled to end at, below or above 1.
                double scale = (c % 3 == 0 ? 1.0 : c % 3 == 1 ? 0.9 : 1.1) / Math.max(total, 1e-300);
                for (int k = 0; k < end; k++) {
                    sums[k] = Math.min(sums[k] * scale, c % 3 == 0 ? 1.0 : Double.MAX_VALUE);
                }
            }
            sums[end] = -1; // the value past the sums, never searched
            int[] guide = Draws.guideTable(sums, end);
            assertThat(Integer.bitCount(guide.length)).isEqualTo(1);
            assertThat(guide.length).isGreaterThanOrEqualTo(end);
            java.util.List<Double> us = new java.util.ArrayList<>();
            for (int i = 0; i < 500; i++) {
                us.add(Draws.uniform(r));
            }
            for (int k = 0; k < end; k++) {
                us.add(sums[k]);
                us.add(Math.nextDown(sums[k]));
                us.add(Math.nextUp(sums[k]));
            }
            for (int g = 0; g <= guide.length; g++) {
                double edge = (double) g / guide.length;
                us.add(edge);
                us.add(Math.nextDown(edge));
                us.add(Math.nextUp(edge));
            }
            us.add(0x1.0p-53);
            us.add(1 - 0x1.0p-53);
            us.add(0.0);
            us.add(1.0);
            us.add(Double.NaN);
            for (double u : us) {
                int expected = 0;
                while (expected < end && u > sums[expected]) {
                    expected++;
                }
                assertThat(Draws.searchSums(u, sums, end, guide)).as("case %d end %d u %s", c, end, u).isEqualTo(expected);
            }
        }
    }

    /**
     * FixedBinomial's search of its memoised sums at their edges: for 150 seeded p (below and above
     * 1/2, and 1/2, tiny and near 1) and every n up to 40, the uniforms equal to each running sum of
     * the search from zero and one ulp either side (u and 1 − u, for the complement's sums when p is
     * above 1/2), the multiples of 1/64 and their neighbours, and the grid's extreme uniforms give
     * exactly binomialQuantile's variate.
     */
    @Test
    void fixedBinomialAtTheEdgesOfItsSums() {
        SplittableRandom r = new SplittableRandom(31337);
        for (int c = 0; c < 150; c++) {
            double p = switch (c) {
                case 0 -> 0.5;
                case 1 -> 1e-9;
                case 2 -> 1 - 1e-9;
                case 3 -> 0.2;
                default -> r.nextBoolean() ? r.nextDouble() : r.nextDouble() * 0.05;
            };
            Draws.FixedBinomial fixed = new Draws.FixedBinomial(p, Integer.MAX_VALUE);
            Draws.FixedBinomial limited = new Draws.FixedBinomial(p);
            double searched = p > 0.5 ? 1 - p : p;
            double q = 1 - searched;
            for (int n = 0; n <= 40; n++) {
                java.util.List<Double> us = new java.util.ArrayList<>();
                // The search from zero's running sums, as binomialFromZero forms them.
                double pmf = Draws.power(q, n);
                double sum = pmf;
                for (int k = 0; k <= n && k < 60; k++) {
                    for (double v : new double[] {sum, Math.nextDown(sum), Math.nextUp(sum)}) {
                        if (v > 0 && v < 1 && 1 - v < 1) {
                            us.add(v);
                            us.add(1 - v);
                        }
                    }
                    pmf *= searched / q * (n - k) / (k + 1);
                    sum += pmf;
                }
                for (int g = 1; g < 64; g++) {
                    double edge = g / 64.0;
                    us.add(edge);
                    us.add(Math.nextDown(edge));
                    us.add(Math.nextUp(edge));
                }
                us.add(0x1.0p-53);
                us.add(1 - 0x1.0p-53);
                for (int i = 0; i < 20; i++) {
                    us.add(Draws.uniform(r));
                }
                for (double u : us) {
                    int expected = Draws.binomialQuantile(u, n, p);
                    assertThat(fixed.quantile(u, n)).as("p=%s n=%s u=%s", p, n, u).isEqualTo(expected);
                    assertThat(limited.quantile(u, n)).as("limited p=%s n=%s u=%s", p, n, u).isEqualTo(expected);
                }
            }
        }
    }

    /**
     * The tabulated Poisson's guide-table search at its sums' edges: for 40 seeded means below the
     * sequential limit, the uniforms equal to each running sum and one ulp either side, every cell
     * edge and its neighbours, give exactly the quantile of the search from zero.
     */
    @Test
    void poissonTableGuideSearchAtTheSumsAndCellEdges() {
        SplittableRandom r = new SplittableRandom(4711);
        for (int c = 0; c < 40; c++) {
            double lambda = c == 0 ? 1e-9 : c == 1 ? 499.9 : 120 * r.nextDouble() * r.nextDouble();
            double e = StrictMath.exp(-lambda);
            Draws.PoissonTable table = new Draws.PoissonTable(lambda, e);
            java.util.List<Double> us = new java.util.ArrayList<>();
            double pmf = e;
            double sum = e;
            for (int k = 0; k < 700; k++) {
                for (double v : new double[] {sum, Math.nextDown(sum), Math.nextUp(sum)}) {
                    if (v > 0 && v < 1) {
                        us.add(v);
                    }
                }
                pmf *= lambda / (k + 1);
                sum += pmf;
            }
            for (int g = 1; g < 1024; g++) {
                us.add(g / 1024.0);
                us.add(Math.nextDown(g / 1024.0));
                us.add(Math.nextUp(g / 1024.0));
            }
            us.add(1 - 0x1.0p-53);
            for (double u : us) {
                // A generator whose one number is the grid point nearest u: table and quantile see
                // the same uniform.
                long bits = Math.min((1L << 52) - 1, (long) Math.floor(u * 0x1.0p52)) << 12;
                double onGrid = Draws.uniform(new FixedLong(bits));
                assertThat(table.draw(new FixedLong(bits))).as("lambda=%s u=%s", lambda, onGrid)
                        .isEqualTo(Draws.poissonQuantile(onGrid, lambda));
            }
        }
    }

    /** A generator whose every nextLong is one value (−1: the largest uniform of the grid). */
    private record FixedLong(long value) implements java.util.random.RandomGenerator {
        @Override
        public long nextLong() {
            return value;
        }
    }

    @Test
    void logNormalQuantileIsExpOfNormal() {
        double mu = StrictMath.log(40);
        assertThat(Draws.logNormalQuantile(0.5, mu, 0.6)).isCloseTo(40, within(1e-12));
        // Φ(1) = 0.841344746068542948…
        assertThat(Draws.logNormalQuantile(0.8413447460685429, mu, 0.6))
                .isCloseTo(40 * StrictMath.exp(0.6), within(1e-9));
    }

    @Test
    void uniformIsOpenAndSymmetric() {
        assertThat(((0L >>> 12) + 0.5) * 0x1.0p-52).isEqualTo(0x1.0p-53);
        assertThat(((-1L >>> 12) + 0.5) * 0x1.0p-52).isEqualTo(1 - 0x1.0p-53).isLessThan(1.0);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) {
            assertThat(Draws.uniform(random)).isStrictlyBetween(0.0, 1.0);
        }
    }

    @Test
    void eachVariateConsumesExactlyOneDraw() {
        assertOneDraw(Draws::uniform);
        assertOneDraw(Draws::normal);
        assertOneDraw(r -> Draws.normal(r, 1, 2));
        assertOneDraw(r -> Draws.poisson(r, 3));
        assertOneDraw(r -> Draws.poisson(r, 4000));
        assertOneDraw(r -> Draws.poisson(r, 40, StrictMath.exp(-40)));
        assertOneDraw(r -> Draws.binomial(r, 0, 0.5));
        assertOneDraw(r -> Draws.binomial(r, 40, 0.0));
        assertOneDraw(r -> Draws.binomial(r, 40, 0.3));
        assertOneDraw(r -> Draws.binomial(r, 40000, 0.7));
        assertOneDraw(r -> Draws.beta(r, 2, 5));
        assertOneDraw(r -> Draws.logNormal(r, 3, 0.6));
    }

    private static void assertOneDraw(ToDoubleFunction<SplittableRandom> variate) {
        SplittableRandom used = new SplittableRandom(99);
        SplittableRandom reference = new SplittableRandom(99);
        variate.applyAsDouble(used);
        reference.nextLong();
        assertThat(used.nextLong()).isEqualTo(reference.nextLong());
    }

    @Test
    void variatesAreTheQuantileOfTheUniform() {
        SplittableRandom a = new SplittableRandom(5);
        SplittableRandom b = new SplittableRandom(5);
        assertThat(Draws.normal(a)).isEqualTo(Draws.normalQuantile(Draws.uniform(b)));
        assertThat(Draws.poisson(a, 40)).isEqualTo(Draws.poissonQuantile(Draws.uniform(b), 40));
        assertThat(Draws.poisson(a, 40, StrictMath.exp(-40))).isEqualTo(Draws.poissonQuantile(Draws.uniform(b), 40));
        assertThat(Draws.binomial(a, 40, 0.3)).isEqualTo(Draws.binomialQuantile(Draws.uniform(b), 40, 0.3));
        assertThat(Draws.beta(a, 2, 2)).isEqualTo(Draws.betaQuantile(Draws.uniform(b), 2, 2));
    }
}
