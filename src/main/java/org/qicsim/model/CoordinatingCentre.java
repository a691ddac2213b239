package org.qicsim.model;

import java.util.SplittableRandom;
import org.qicsim.model.Streams.Stream;
import org.qicsim.scenario.Collaborative;

/**
 * The coordinating centre (MODEL.md §2 "CC"; EVIDENCE.md (a)2: it warehouses and audits data,
 * produces comparative reports and convenes meetings). Each feedback cycle it measures members (S3),
 * identifies positive deviants (S4), updates the change package (S7c) and sends reports that sites
 * respond to (S5). It sees only recorded data, never the truth.
 */
final class CoordinatingCentre {
    private final QicSimulation sim;
    private final ChangePackage changePackage;
    private int cycle;
    private int[] deviants = new int[0];
    private double latestPooledRate;
    private Measurement latest;
    /** The target benchmark when feedback.target is null: 0.9 × members' mean P̂ at the first cycle. */
    private double firstCycleTarget = Double.NaN;
    /** The first non-empty measurement, kept for pattern P2 (MODEL.md §9); null before one. */
    private Observed firstCycle;
    /** Σ PD precision over cycles with a non-empty PD set, and their number (§9 pdPrecision, S4). */
    private double pdPrecisionSum;
    private int pdPrecisionCycles;

    CoordinatingCentre(QicSimulation sim) {
        this.sim = sim;
        this.changePackage = new ChangePackage(sim.landscape.practices());
        this.latestPooledRate = sim.scenario.sites().baselineRate();
    }

    /**
     * At the launch, under the collaborative {@code c} in force (the calendar phase launches before it
     * builds the month's record): every member's credibility before its first report (R_j = 0).
     */
    void launch(Collaborative c) {
        for (Site s : sim.sites) {
            if (s.membership.member) {
                s.feedback.credibility = FeedbackResponse.credibility(sim, c, 0.0);
            }
        }
    }

    int cycle() {
        return cycle;
    }

    int[] deviants() {
        return deviants;
    }

    /** Removes a site from the current PD set (a detected gamer, S2). */
    void withdrawDeviant(int site) {
        deviants = java.util.Arrays.stream(deviants).filter(j -> j != site).toArray();
    }

    ChangePackage changePackage() {
        return changePackage;
    }

    /** p̄ of the latest cycle (sites.baselineRate before the first report). */
    double latestPooledRate() {
        return latestPooledRate;
    }

    Measurement latest() {
        return latest;
    }

    boolean excluded(Site s) {
        return s.gaming.excludedUntilCycle >= cycle;
    }

    /** Phase 2.2: S3, S4, S7c, then reports and responses (S5). */
    void feedbackCycle(Month now) {
        cycle++;
        Audit.excludedCycle(sim, now);
        int t = now.month();
        Collaborative c = now.collaborative();
        Collaborative.Feedback f = c.feedback();
        boolean[] members = members();
        Measurement.Settings settings = Measurement.Settings.of(c.measurement(), f.display());
        int to = t - f.lagMonths();
        int from = to - f.windowMonths() + 1;
        // S3 or S3p: the indicator the collaborative measures and feeds back.
        Measurement m = ProcessIndicator.measure(sim, members, from, to, settings, c.measurement().indicator());
        ProcessIndicator.noteReports(sim, now, members, from, to);
        latest = m;
        if (m.count() == 0) {
            return;
        }
        latestPooledRate = m.pooledRate;
        if (firstCycle == null) {
            firstCycle = Observed.of(m);
        }
        boolean adjust = c.measurement().reliabilityAdjustment();
        double[] reported = new double[sim.siteCount()];
        for (int j = 0; j < reported.length; j++) {
            reported[j] = m.has(j) ? m.reported(j, adjust) : Double.NaN;
        }
        if (Double.isNaN(firstCycleTarget)) {
            firstCycleTarget = 0.9 * meanOver(m.measured, reported);
        }
        deviants = PositiveDeviance.identify(sim, now, m, members, from, to, settings);
        recordPdPrecision(t, deviants, members);
        double benchmark = benchmark(f, m, reported);
        SplittableRandom ccKey = sim.keys.centre(Stream.FEEDBACK);
        int[] bundles = new int[sim.siteCount()];
        for (Site s : sim.sites) {
            bundles[s.index] = s.bundle;
        }
        changePackage.update(bundles, m.measured, reported, c.coordination(), ccKey);
        FeedbackResponse.reports(sim, now, m, reported, benchmark);
        GamingGap.measure(sim, now, members, from, to, settings);
        // Vis is reset each cycle: showcases seen since the last cycle stop being visible.
        for (Site s : sim.sites) {
            s.exposure.showcasedSeen.clear();
        }
    }

    /**
     * PD precision of one cycle: the share of PDs that are in the members' best quintile of TRSR
     * this month (S4); cycles with no PDs do not count.
     */
    private void recordPdPrecision(int t, int[] deviants, boolean[] isMember) {
        if (deviants.length == 0) {
            return;
        }
        int[] members = java.util.stream.IntStream.range(0, isMember.length).filter(j -> isMember[j]).toArray();
        int[] ranked = Measurement.rankAscending(members, sim.trace.trsr[t]);
        int quintile = Measurement.shareOf(ranked.length, 0.2);
        boolean[] best = new boolean[isMember.length];
        for (int k = 0; k < quintile; k++) {
            best[ranked[k]] = true;
        }
        int hits = 0;
        for (int pd : deviants) {
            if (best[pd]) {
                hits++;
            }
        }
        pdPrecisionSum += (double) hits / deviants.length;
        pdPrecisionCycles++;
    }

    /** MODEL.md §9 pdPrecision: mean PD precision over cycles with a non-empty PD set; NaN if none. */
    double pdPrecision() {
        return pdPrecisionCycles == 0 ? Double.NaN : pdPrecisionSum / pdPrecisionCycles;
    }

    /** The first non-empty measurement (pattern P2), null before one. */
    Observed firstCycle() {
        return firstCycle;
    }

    boolean[] members() {
        boolean[] members = new boolean[sim.siteCount()];
        for (Site s : sim.sites) {
            members[s.index] = s.membership.member;
        }
        return members;
    }

    /** Benchmark B shown to sites (S4): members' mean P̂, the best decile's mean, or a target ({@link FeedbackBenchmark}). */
    double benchmark(Collaborative.Feedback f, Measurement m, double[] reported) {
        return FeedbackBenchmark.of(f).of(m.measured, reported, firstCycleTarget);
    }

    static double meanOver(int[] sites, double[] value) {
        double sum = 0;
        for (int j : sites) {
            sum += value[j];
        }
        return sites.length == 0 ? Double.NaN : sum / sites.length;
    }
}
