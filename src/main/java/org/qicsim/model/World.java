package org.qicsim.model;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.qicsim.model.Streams.Stream;
import org.qicsim.scenario.Behaviour;
import org.qicsim.scenario.Scenario;
import org.qicsim.scenario.Sites;

/**
 * Initialisation (MODEL.md §5): the landscape, the sites, the fidelity burn-in, γ and α. It reads no
 * {@code collaborative.*} key, so both arms of a run, and every design with the same world, start
 * from the same {@code World}. Immutable once built; each arm copies what it mutates.
 */
public final class World {
    /** Execution draws per site used to solve α (MODEL.md §5). */
    static final int ALPHA_PATTERNS = 256;
    /** Fixed execution patterns per site for the true risk-standardised rate (MODEL.md §9). */
    public static final int TRSR_PATTERNS = 64;
    static final int BURN_IN_MONTHS = 2000;
    static final double BURN_IN_TOLERANCE = 1e-12;
    static final double ALPHA_TOLERANCE = 1e-10;

    private final Scenario scenario;
    private final Landscape landscape;
    private final SiteEndowment[] sites;
    private final double gamma;
    private final double medianQuality;
    private final double alpha;
    /** The case-mix strata of this world's patients (S1), used by α, the true rate and the outcomes. */
    private final RiskAverage.Table riskTable;
    /** Every site-month's patients per stratum, [(t·J + j)·K + k] (world-only draws, shared by all arms). */
    private final int[] stratumCases;

    private World(Scenario scenario, Landscape landscape, SiteEndowment[] sites, double gamma,
            double medianQuality, double alpha, RiskAverage.Table riskTable, int[] stratumCases) {
        this.scenario = scenario;
        this.landscape = landscape;
        this.sites = sites;
        this.gamma = gamma;
        this.medianQuality = medianQuality;
        this.alpha = alpha;
        this.riskTable = riskTable;
        this.stratumCases = stratumCases;
    }

    public static World initialise(Scenario scenario, Streams streams) {
        Sites s = scenario.sites();
        int count = s.count();
        Landscape landscape = Landscape.draw(streams.cc(Stream.LANDSCAPE, -1), scenario.practices().count(),
                scenario.practices().interactions(), scenario.practices().contextSpecificity(), count);
        double qMed = landscape.medianQuality();
        // γ makes the optimum's odds effectOddsRatio times those of the median bundle (§5).
        double gamma = qMed < 1.0 ? -StrictMath.log(scenario.practices().effectOddsRatio()) / (1.0 - qMed) : 0.0;

        SiteDraw[] draws = new SiteDraw[count];
        for (int j = 0; j < count; j++) {
            draws[j] = SiteDraw.draw(streams.init(Stream.SITES, j), scenario);
        }
        // The burn-in comes before membership: abandonment may clear practices, and membership is
        // drawn on the bundle the sites hold at the start (§5).
        Behaviour b = scenario.behaviour();
        Fidelity fidelity = new Fidelity(b.learning());
        int n = scenario.practices().count();
        double[][] phis = new double[count][];
        Routine[] routines = new Routine[count];
        for (int j = 0; j < count; j++) {
            SiteDraw d = draws[j];
            phis[j] = d.fidelity.clone();
            routines[j] = new Routine(n);
            double e0 = Effort.baseline(b.effort(), d.capacity * (1.0 - 0.5 * d.pressure), d.intrinsic0,
                    d.championPost ? d.leadership : 0.0);
            d.bundle = burnIn(fidelity, d.bundle, phis[j], routines[j], e0, d.championPost ? d.leadership : 0.0,
                    d.championPost, b.learning().routineMonths()).bundle();
        }
        boolean[] members = Membership.initial(draws, landscape, s.initialMembership(), s.selection());
        SiteEndowment[] sites = new SiteEndowment[count];
        for (int j = 0; j < count; j++) {
            SiteDraw d = draws[j];
            sites[j] = new SiteEndowment(d.structuralEffect, d.caseMixMean, d.volume, d.capacity,
                    d.absorptiveCapacity, d.pressure, d.intrinsic0, d.safety0, d.regionUniform, d.gamingType,
                    d.championPost, d.leadership, d.bundle, phis[j], routines[j], d.patterns, members[j]);
        }
        // One stratified case-mix table per world: α, the true rate and the patients all use it.
        RiskAverage.Table riskTable = new RiskAverage.Table(s.caseMix().withinSd(), s.caseMix().strata());
        double alpha = AlphaCalibration.solve(scenario, landscape, sites, gamma, streams, riskTable);
        return new World(scenario, landscape, sites, gamma, qMed, alpha, riskTable,
                patients(scenario.horizonMonths(), sites, riskTable.strata(), streams));
    }

    /**
     * The first K draws of every site-month's patients key (S1): n ~ Poisson(λ_j), then its split
     * over the K strata. They depend only on the world, so they are drawn once here and read by both
     * arms and every design (an arm that draws events continues the key after these K draws).
     */
    private static int[] patients(int months, SiteEndowment[] sites, int strata, Streams streams) {
        int count = sites.length;
        int[] cases = new int[months * count * strata];
        int[] split = new int[strata];
        // Each site's volume is fixed: its Poisson search is tabulated once (the same variates).
        Draws.PoissonTable[] volume = new Draws.PoissonTable[count];
        for (int j = 0; j < count; j++) {
            volume[j] = new Draws.PoissonTable(sites[j].volume(), StrictMath.exp(-sites[j].volume()));
        }
        KeyedGenerator key = new KeyedGenerator();
        Draws.FixedBinomial[] parts = Draws.equalMultinomialParts(strata);
        for (int t = 0; t < months; t++) {
            for (int j = 0; j < count; j++) {
                key.reset(streams.seedOf(Stream.PATIENTS, j, t));
                int n = volume[j].draw(key);
                Draws.equalMultinomial(key, n, split, parts);
                System.arraycopy(split, 0, cases, (t * count + j) * strata, strata);
            }
        }
        return cases;
    }

    /** The outcome of a site's burn-in: its bundle after abandonment and the months it took. */
    record BurnIn(int bundle, int months) {
    }

    /**
     * Iterates the fidelity rule (S7, with routinisation and abandonment; before the launch the only
     * support is the world's champion, there being no change package) at E0 from the drawn bundle,
     * fidelities and an empty {@code routine}, until a month after {@code routineMonths} (so routinisation
     * has been decided) in which no practice is abandoned and the largest change of fidelity is below
     * 1e−12, or 2,000 months. Updates {@code phi} and {@code routine} in place.
     */
    static BurnIn burnIn(Fidelity fidelity, int bundle, double[] phi, Routine routine, double effort0,
            double championLeadership, boolean championInPost, int routineMonths) {
        double[] before = new double[phi.length];
        int current = bundle;
        for (int month = 1; month <= BURN_IN_MONTHS; month++) {
            System.arraycopy(phi, 0, before, 0, phi.length);
            int next = fidelity.month(current, phi, routine, effort0, championLeadership, i -> championInPost);
            double largest = 0.0;
            for (int i = 0; i < phi.length; i++) {
                largest = Math.max(largest, Math.abs(phi[i] - before[i]));
            }
            boolean settled = next == current && month > routineMonths;
            current = next;
            if (settled && largest < BURN_IN_TOLERANCE) {
                return new BurnIn(current, month);
            }
        }
        return new BurnIn(current, BURN_IN_MONTHS);
    }

    public Scenario scenario() {
        return scenario;
    }

    /**
     * The same world read by a design's scenario: a design sharing this world's canonical world (so
     * the same initialisation) runs its collaborative arm with its own non-world keys.
     */
    public World withScenario(Scenario design) {
        return new World(design, landscape, sites, gamma, medianQuality, alpha, riskTable, stratumCases);
    }

    /** The initial landscape; arms must {@link Landscape#copy()} it before turbulence. */
    public Landscape landscape() {
        return landscape;
    }

    public SiteEndowment site(int j) {
        return sites[j];
    }

    public int siteCount() {
        return sites.length;
    }

    public double gamma() {
        return gamma;
    }

    public double medianQuality() {
        return medianQuality;
    }

    public double alpha() {
        return alpha;
    }

    RiskAverage.Table riskTable() {
        return riskTable;
    }

    /** Copies site j's patients per stratum in month t into {@code out} (length K) and returns their sum. */
    int patients(int t, int j, int[] out) {
        int k = out.length;
        System.arraycopy(stratumCases, (t * sites.length + j) * k, out, 0, k);
        int n = 0;
        for (int c : out) {
            n += c;
        }
        return n;
    }

    /**
     * One site's draws on its initialisation key, in the fixed order of MODEL.md §5 (every draw made
     * whatever the parameter values, each by inversion of one uniform): u, μ, λ, C, a, pr, I0, Sb, the
     * region uniform, the gaming-type uniform, the champion-post uniform, L; then per practice the
     * adoption uniform, φ and its 64 execution-pattern uniforms; last the membership uniform.
     */
    static final class SiteDraw {
        double structuralEffect;
        double caseMixMean;
        double volume;
        double capacity;
        double absorptiveCapacity;
        double pressure;
        double intrinsic0;
        double safety0;
        double regionUniform;
        GamingType gamingType;
        boolean championPost;
        double leadership;
        int bundle;
        double[] fidelity;
        double[][] patterns;
        double membershipUniform;

        static SiteDraw draw(SplittableRandom r, Scenario scenario) {
            Sites s = scenario.sites();
            int n = scenario.practices().count();
            SiteDraw d = new SiteDraw();
            d.structuralEffect = s.heterogeneity() * Draws.normal(r);
            d.caseMixMean = s.caseMix().betweenSd() * Draws.normal(r);
            d.volume = StrictMath.exp(StrictMath.log(s.volume().median()) + s.volume().spread() * Draws.normal(r));
            d.capacity = Draws.beta(r, 2, 2);
            d.absorptiveCapacity = Draws.beta(r, 2, 2);
            d.pressure = Draws.beta(r, 2, 5);
            d.intrinsic0 = Draws.beta(r, 4, 2);
            d.safety0 = Draws.beta(r, 5, 5);
            d.regionUniform = r.nextDouble();
            d.gamingType = GamingType.of(r.nextDouble(), s.gamingTypes());
            d.championPost = r.nextDouble() < s.championProbability();
            d.leadership = Draws.beta(r, 3, 2);
            d.fidelity = new double[n];
            d.patterns = new double[n][TRSR_PATTERNS];
            for (int i = 0; i < n; i++) {
                if (r.nextDouble() < scenario.practices().initialAdoption()) {
                    d.bundle |= 1 << i;
                }
                d.fidelity[i] = Draws.beta(r, 4, 4);
                for (int k = 0; k < TRSR_PATTERNS; k++) {
                    d.patterns[i][k] = r.nextDouble();
                }
            }
            d.membershipUniform = r.nextDouble();
            return d;
        }
    }

    /** Membership at startMonth (MODEL.md §5): a weighted draw without replacement. */
    static final class Membership {
        private Membership() {
        }

        /**
         * Chooses round(share·J) members with weights exp(2·selection·(zs(I0) + zs(C) + zs(Q_j(x)))),
         * by Efraimidis–Spirakis keys ln(U_j)/w_j (largest keys win, ties by site index), so each site
         * uses exactly one uniform whatever the parameters.
         */
        static boolean[] initial(SiteDraw[] draws, Landscape landscape, double share, double selection) {
            int count = draws.length;
            double[] intrinsic = new double[count];
            double[] capacity = new double[count];
            double[] quality = new double[count];
            for (int j = 0; j < count; j++) {
                intrinsic[j] = draws[j].intrinsic0;
                capacity[j] = draws[j].capacity;
                quality[j] = landscape.quality(j, draws[j].bundle);
            }
            double[] zi = standardise(intrinsic);
            double[] zc = standardise(capacity);
            double[] zq = standardise(quality);
            Integer[] order = new Integer[count];
            double[] key = new double[count];
            for (int j = 0; j < count; j++) {
                double w = StrictMath.exp(2.0 * selection * (zi[j] + zc[j] + zq[j]));
                double u = Math.max(draws[j].membershipUniform, Double.MIN_VALUE);
                key[j] = StrictMath.log(u) / w;
                order[j] = j;
            }
            Arrays.sort(order, (a, b) -> {
                int c = Double.compare(key[b], key[a]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            int members = (int) Math.round(share * count);
            boolean[] member = new boolean[count];
            for (int m = 0; m < members; m++) {
                member[order[m]] = true;
            }
            return member;
        }

        static double[] standardise(double[] v) {
            double mean = 0;
            for (double x : v) {
                mean += x;
            }
            mean /= v.length;
            double ss = 0;
            for (double x : v) {
                ss += (x - mean) * (x - mean);
            }
            double sd = v.length > 1 ? StrictMath.sqrt(ss / (v.length - 1)) : 0.0;
            double[] z = new double[v.length];
            for (int j = 0; j < v.length; j++) {
                z[j] = sd > 0 ? (v[j] - mean) / sd : 0.0;
            }
            return z;
        }
    }
}
