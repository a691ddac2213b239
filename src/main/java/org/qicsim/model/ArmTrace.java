package org.qicsim.model;

import java.util.Arrays;

/**
 * What one arm of a run leaves behind for the outputs of MODEL.md §9: monthly totals and per-site
 * series, observation snapshots, the end-of-run state of the sites, and the values of the named
 * {@link Reporter}s pulled when the run ends (the mechanisms' counts and the costs, which the
 * mechanisms keep in their own tallies and the {@link CostLedger}, not here). Filled by the world
 * phase and the observer ({@link Observation}); read by {@link RunResult}. Counterfactual traces hold
 * only the world's quantities (no recording, no observation).
 */
public final class ArmTrace {
    final int months;
    final int sites;

    // True quantities, both arms
    final double[] cases;
    final double[] events;
    final double[][] siteEvents;
    final double[][] siteCases;
    final double[][] trsr;
    final double[][] effort;
    /**
     * Per month and site, x_i·φ_i of each practice i (site j's practices at [j·practices, (j+1)·practices)),
     * and per month the mask of practices the collaborative promotes: the arm's own compliance (§9) is
     * read from them, and a trial scores another arm on this arm's desired practices
     * ({@link #compliance(int, int, int)}; docs/MODEL.md §14, §10 item 78).
     */
    final int practices;
    final double[][] held;
    final int[] promoted;

    // Monthly state summaries
    final double[] measuredRate;
    final double[] measuredBetweenSiteSd;
    final double[] members;
    final double[] meanEffort;
    final double[] meanIntrinsic;
    final double[] meanTrust;
    final double[] meanSafety;
    final double[] gamingSites;
    final double[] championCoverage;
    final double[] tieDensity;
    final double[] practiceDiversity;
    /** §9 processAdherence and documentedAdherence (S2p), NaN where nothing counts or was recorded. */
    final double[] processAdherence;
    final double[] documentedAdherence;

    // Observation snapshots (collaborative arm)
    Observed baseline;
    final Observed[] years;
    Observed last;
    Observed firstCycle;

    // End of run
    /**
     * Each {@link Reporter}'s value by ordinal, pulled when this arm's run ends (never copied: a
     * continued arm pulls its own); null until then.
     */
    double[] reported;
    boolean launched;
    int launchMonth = -1;
    final int[] region;
    final boolean[] championFilled;
    final boolean[] member;
    final boolean[] memberAtStart;
    final boolean[] gamingEver;
    final int[] leftMonth;
    final double[] payments;
    final double[] volume;
    final double[] leadership;

    ArmTrace(int months, int sites, int practices) {
        this.months = months;
        this.sites = sites;
        this.practices = practices;
        held = new double[months][sites * practices];
        promoted = new int[months];
        cases = new double[months];
        events = new double[months];
        siteEvents = new double[months][sites];
        siteCases = new double[months][sites];
        trsr = new double[months][sites];
        effort = new double[months][sites];
        measuredRate = nan(months);
        measuredBetweenSiteSd = nan(months);
        members = new double[months];
        meanEffort = new double[months];
        meanIntrinsic = new double[months];
        meanTrust = new double[months];
        meanSafety = new double[months];
        gamingSites = new double[months];
        championCoverage = new double[months];
        tieDensity = new double[months];
        practiceDiversity = new double[months];
        processAdherence = nan(months);
        documentedAdherence = nan(months);
        years = new Observed[months / 12 + 2];
        region = new int[sites];
        Arrays.fill(region, -1);
        championFilled = new boolean[sites];
        member = new boolean[sites];
        memberAtStart = new boolean[sites];
        gamingEver = new boolean[sites];
        leftMonth = new int[sites];
        payments = new double[sites];
        volume = new double[sites];
        leadership = new double[sites];
    }

    /**
     * A copy of {@code source} for an arm that continues from it (the pre-launch fork, MODEL.md §3):
     * with {@code worldOnly}, the world's quantities only (true events and cases, effort, compliance
     * and the monthly state summaries), as a counterfactual arm keeps them, the rest as a new
     * counterfactual trace leaves it (true rates NaN); otherwise everything, deeply.
     */
    ArmTrace(ArmTrace source, boolean worldOnly) {
        this(source.months, source.sites, source.practices);
        copy(source.cases, cases);
        copy(source.events, events);
        copy(source.siteEvents, siteEvents);
        copy(source.siteCases, siteCases);
        copy(source.effort, effort);
        copy(source.held, held);
        System.arraycopy(source.promoted, 0, promoted, 0, months);
        copy(source.members, members);
        copy(source.meanEffort, meanEffort);
        copy(source.meanIntrinsic, meanIntrinsic);
        copy(source.meanTrust, meanTrust);
        copy(source.meanSafety, meanSafety);
        copy(source.gamingSites, gamingSites);
        copy(source.championCoverage, championCoverage);
        copy(source.tieDensity, tieDensity);
        copy(source.practiceDiversity, practiceDiversity);
        if (worldOnly) {
            for (double[] month : trsr) {
                Arrays.fill(month, Double.NaN);
            }
            return;
        }
        copy(source.trsr, trsr);
        copy(source.processAdherence, processAdherence);
        copy(source.documentedAdherence, documentedAdherence);
        copy(source.measuredRate, measuredRate);
        copy(source.measuredBetweenSiteSd, measuredBetweenSiteSd);
        // Observations are never changed once made: shared, not copied.
        baseline = source.baseline;
        System.arraycopy(source.years, 0, years, 0, years.length);
        last = source.last;
        firstCycle = source.firstCycle;
        launched = source.launched;
        launchMonth = source.launchMonth;
        System.arraycopy(source.region, 0, region, 0, sites);
        System.arraycopy(source.championFilled, 0, championFilled, 0, sites);
        System.arraycopy(source.member, 0, member, 0, sites);
        System.arraycopy(source.memberAtStart, 0, memberAtStart, 0, sites);
        System.arraycopy(source.gamingEver, 0, gamingEver, 0, sites);
        System.arraycopy(source.leftMonth, 0, leftMonth, 0, sites);
        System.arraycopy(source.payments, 0, payments, 0, sites);
        System.arraycopy(source.volume, 0, volume, 0, sites);
        System.arraycopy(source.leadership, 0, leadership, 0, sites);
    }

    private static void copy(double[] from, double[] to) {
        System.arraycopy(from, 0, to, 0, to.length);
    }

    private static void copy(double[][] from, double[][] to) {
        for (int t = 0; t < to.length; t++) {
            System.arraycopy(from[t], 0, to[t], 0, to[t].length);
        }
    }

    private static double[] nan(int n) {
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
        return v;
    }

    /** The value {@code reporter} read when this arm's run ended (MODEL.md §9). */
    double reported(Reporter reporter) {
        if (reported == null) {
            throw new IllegalStateException("the arm's run has not ended: no reporter has been pulled");
        }
        return reported[reporter.ordinal()];
    }

    // Read access for tests and analysis in other packages.

    public int months() {
        return months;
    }

    public int sites() {
        return sites;
    }

    /**
     * The true risk-standardised rate of site j in month t; NaN in the counterfactual arm, whose
     * true rates no output reads and the engine does not compute (use {@link #siteEvents} and
     * {@link #siteCases} there).
     */
    public double trsr(int t, int j) {
        return trsr[t][j];
    }

    /** Effort E of site j at the end of month t. */
    public double effort(int t, int j) {
        return effort[t][j];
    }

    /**
     * Compliance of site j at the end of month t with the practices its collaborative promoted that month
     * (§9; NaN if none is promoted).
     */
    public double compliance(int t, int j) {
        return compliance(t, j, promoted[t]);
    }

    /** Mean compliance over the sites in month t, sites with none promoted left out (NaN if all are). */
    public double meanCompliance(int t) {
        double sum = 0;
        int n = 0;
        for (int j = 0; j < sites; j++) {
            double c = compliance(t, j);
            if (!Double.isNaN(c)) {
                sum += c;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * Compliance of site j at the end of month t with the practices of {@code mask}: Σ_{i in mask}
     * x_i·φ_i / #mask, NaN for an empty mask. With {@link #promoted(int)} of another arm of the same
     * trial, both arms are scored on one desired practice (docs/MODEL.md §14, §10 item 78).
     */
    public double compliance(int t, int j, int mask) {
        int n = Integer.bitCount(mask);
        if (n == 0) {
            return Double.NaN;
        }
        double sum = 0;
        double[] month = held[t];
        for (int i = 0; i < practices; i++) {
            if ((mask >>> i & 1) == 1) {
                sum += month[j * practices + i];
            }
        }
        return sum / n;
    }

    /** The practices this arm's collaborative promoted in month t (its change package, else the guideline). */
    public int promoted(int t) {
        return promoted[t];
    }

    /** Expected adverse events (Σp) in month t. */
    public double events(int t) {
        return events[t];
    }

    public double cases(int t) {
        return cases[t];
    }

    public double siteEvents(int t, int j) {
        return siteEvents[t][j];
    }

    public double siteCases(int t, int j) {
        return siteCases[t][j];
    }

    /** The observation of the baseline year, of collaborative year y, of the last 12 months, of the first cycle. */
    public Observed baselineObservation() {
        return baseline;
    }

    public Observed yearObservation(int year) {
        return year < years.length ? years[year] : null;
    }

    public Observed lastObservation() {
        return last;
    }

    public Observed firstCycleMeasurement() {
        return firstCycle;
    }

    /** Reports processed (every response counted in responseShares). */
    public long processedReports() {
        return (long) reported(Reporter.PROCESSED_REPORTS);
    }

    /** Leadership L of site j's champion at the end of the run, NaN when the post is empty. */
    public double championLeadership(int j) {
        return leadership[j];
    }

    public boolean memberAtStart(int j) {
        return memberAtStart[j];
    }
}
