package org.qicsim.model;

import java.util.Arrays;
import org.qicsim.scenario.Collaborative;
import org.qicsim.scenario.Scenario;

/**
 * S11 Observation (MODEL.md §3 "Observation measurement", §6 S11, §9): the month's state summaries
 * for the outputs and, in the collaborative arm, S3 applied to the recorded data of all sites —
 * every feedback cycle on the feedback window (measuredRate, measuredBetweenSiteSd), and with lag 0
 * on the baseline year, each collaborative year and the last 12 months. It draws no random numbers
 * and no agent sees it.
 */
final class Observation {
    private Observation() {
    }

    static void step(QicSimulation sim, Month now) {
        int t = now.month();
        summarise(sim, t, sim.trace);
        if (sim.registry == null || sim.defersObservation()) {
            return;
        }
        measure(sim.trace, sim.registry, now.collaborative(), sim.scenario, t);
    }

    /**
     * The observation measurement of month t under the collaborative {@code c} in force that month:
     * it reads only the registry's months up to t, which later months never change, so an arm
     * continued from the months before the launch ({@link PreLaunch}) makes it for those months on
     * the shared registry, under its own design's settings, exactly as if it had run them.
     */
    static void measure(ArmTrace trace, Registry registry, Collaborative c, Scenario scenario, int t) {
        Collaborative.Feedback f = c.feedback();
        int start = scenario.startMonth();
        Measurement.Settings settings = new Measurement.Settings(
                Measurement.Settings.slopeShare(c.measurement().riskAdjustment()), true, Double.NaN);
        boolean[] all = new boolean[trace.sites];
        Arrays.fill(all, true);
        if (Math.floorMod(t - start, f.everyMonths()) == 0 && t - f.lagMonths() >= 0) {
            Measurement m = Measurement.measure(registry, all, t - f.lagMonths() - f.windowMonths() + 1,
                    t - f.lagMonths(), settings, false);
            trace.measuredRate[t] = m.pooledRate;
            trace.measuredBetweenSiteSd[t] = sd(m.rsr, m.measured);
        } else if (t > 0) {
            trace.measuredRate[t] = trace.measuredRate[t - 1];
            trace.measuredBetweenSiteSd[t] = trace.measuredBetweenSiteSd[t - 1];
        }
        if (t == start - 1) {
            trace.baseline = observe(registry, all, t - 11, t, settings);
        }
        int year = Calendar.yearEnd(t, start);
        if (year > 0 && year < trace.years.length) {
            trace.years[year] = observe(registry, all, t - 11, t, settings);
        }
        if (t == scenario.horizonMonths() - 1) {
            trace.last = observe(registry, all, t - 11, t, settings);
        }
    }

    private static Observed observe(Registry registry, boolean[] all, int from, int to, Measurement.Settings s) {
        return Observed.of(Measurement.measure(registry, all, from, to, s, false));
    }

    private static void summarise(QicSimulation sim, int t, ArmTrace trace) {
        int count = sim.siteCount();
        double effort = 0;
        double intrinsic = 0;
        double trust = 0;
        double safety = 0;
        int members = 0;
        int gaming = 0;
        int champions = 0;
        int promoted = ProcessIndicator.promoted(sim);
        trace.promoted[t] = promoted;
        double[] held = trace.held[t];
        int practices = trace.practices;
        for (Site s : sim.sites) {
            int j = s.index;
            double e = s.drive.effort();
            trace.effort[t][j] = e;
            effort += e;
            intrinsic += s.drive.intrinsic;
            trust += s.community.trust;
            safety += s.community.safety;
            members += s.membership.member ? 1 : 0;
            gaming += s.membership.member && s.gaming.active ? 1 : 0;
            champions += s.champion.filled() ? 1 : 0;
            for (int i = 0; i < practices; i++) {
                held[j * practices + i] = s.adopted(i) ? s.fidelity[i] : 0.0;
            }
        }
        trace.meanEffort[t] = effort / count;
        trace.meanIntrinsic[t] = intrinsic / count;
        trace.meanTrust[t] = trust / count;
        trace.meanSafety[t] = safety / count;
        trace.members[t] = members;
        trace.gamingSites[t] = gaming;
        trace.championCoverage[t] = (double) champions / count;
        trace.tieDensity[t] = sim.ties == null ? 0.0 : sim.ties.density();
        trace.practiceDiversity[t] = diversity(sim);
    }

    /** Mean pairwise Hamming distance between sites' bundles, over N. */
    static double diversity(QicSimulation sim) {
        int count = sim.siteCount();
        if (count < 2) {
            return 0.0;
        }
        // Σ over pairs of the Hamming distance = Σ over practices of (sites with it)·(sites without it):
        // the same integer as the pairwise sum, in O(J·N) instead of O(J²).
        int practices = sim.landscape.practices();
        long total = 0;
        for (int i = 0; i < practices; i++) {
            long with = 0;
            for (Site s : sim.sites) {
                with += s.bundle >>> i & 1;
            }
            total += with * (count - with);
        }
        return total / (count * (count - 1) / 2.0) / sim.landscape.practices();
    }

    /** Sample SD of the values of the measured sites. */
    static double sd(double[] values, int[] measured) {
        if (measured.length < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (int j : measured) {
            mean += values[j];
        }
        mean /= measured.length;
        double ss = 0;
        for (int j : measured) {
            ss += (values[j] - mean) * (values[j] - mean);
        }
        return StrictMath.sqrt(ss / (measured.length - 1));
    }

    /**
     * End of the run: per-site state and the coordinating centre's first measurement (pattern P2).
     * The per-run metrics the mechanisms count are pulled after this by the {@link Reporter}s.
     */
    static void finish(QicSimulation sim) {
        ArmTrace trace = sim.trace;
        trace.launched = sim.launched;
        trace.launchMonth = sim.launchMonth;
        for (Site s : sim.sites) {
            int j = s.index;
            trace.region[j] = sim.launched ? sim.region(s) : -1;
            trace.championFilled[j] = s.champion.filled();
            trace.member[j] = s.membership.member;
            trace.memberAtStart[j] = sim.launched && s.endowment.memberAtStart();
            trace.gamingEver[j] = s.gaming.ever;
            trace.leftMonth[j] = s.membership.leftMonth;
            trace.payments[j] = s.paymentsTotal;
            trace.volume[j] = s.endowment.volume();
            trace.leadership[j] = s.champion.filled() ? s.champion.leadership() : Double.NaN;
        }
        if (sim.centre != null) {
            trace.firstCycle = sim.centre.firstCycle();
        }
    }
}
