package org.qicsim.model;

import java.util.function.IntFunction;
import org.qicsim.model.Streams.Stream;
import org.qicsim.scenario.Behaviour;
import org.qicsim.scenario.Collaborative;
import org.qicsim.scenario.Collaborative.Indicator;

/**
 * Process indicators (MODEL.md §6 S2p and S3p; shared/PATTERNS.md: process indicators are
 * "precise, actionable, open to documentation gaming"; Pronovost et al. NEJM 2006 and Lindenauer et
 * al. NEJM 2007 measure and pay on adherence to a practice bundle, PATTERNS.md C5).
 *
 * <p><b>Which practices count</b>: the change package's practices advised to do ({@code z_i = +1})
 * once it advises any; before that, the collaborative's declared practices
 * ({@code measurement.declaredPractices}: {@code evidence} = the practices of the general evidence,
 * the optimum of the common table; {@code none} = nothing, so nothing is measured).
 *
 * <p><b>Recording</b> (S2p, every site-month of the collaborative arm in a design that uses a
 * process indicator): a case's opportunities are the counted practices; a practice is delivered to
 * the month's cases iff the site executed it this month (S0's executed bundle x̃, which carries the
 * execution fidelity). On key {@code (documentation, j, t)}, five binomial counts by inversion (one
 * uniform each, whatever the values): gamed cases {@code G ~ Binomial(n, documentationShare)} when
 * the site games (S2's G = 1, a member, the collaborative active) and missed a counted practice
 * (else probability 0); then for the n − G honest cases, documented delivered opportunities
 * {@code ~ Binomial((n − G)·d, 1 − e)} and documented missed ones {@code ~ Binomial((n − G)·m, e)}
 * ({@code e = documentationError}, d and m the counted practices delivered and missed); for the G
 * gamed cases what they would have documented honestly, the same two binomials. A gamed case is
 * documented as complete (d + m done). The gamed cases join the month's gamed records that S2's
 * audit can detect (at most the month's cases).
 *
 * <p><b>Measurement</b> (S3p): over the window, a site's non-adherence {@code y_j = 1 − documented/
 * opportunities} (lower is better, as for rates), sampling variance {@code ȳ(1 − ȳ)/opportunities}
 * (precise: many opportunities per case), then τ̂², R, P̂ and the funnel class exactly as S3. Under
 * {@code both}, the composite {@code c_j = ½·RSR_j + ½·(p̄/ȳ)·y_j} (non-adherence rescaled to the
 * outcome's pooled rate, equal weights) with variance {@code ¼·p̄(1 − p̄)/n_j + ¼·(p̄/ȳ)²·ȳ(1 − ȳ)/opp_j},
 * on the sites measured on both; it is what reports, rankings, the gap D, PDs, benchmark and
 * incentives then use. Under {@code both} with ȳ = 0 or no process data, the outcome measurement.
 */
final class ProcessIndicator {
    private ProcessIndicator() {
    }

    /** Whether a design measures or pays on a process indicator in some month of the horizon. */
    static boolean usedBy(IntFunction<Collaborative> collaborativeAt, int horizon) {
        for (int t = 0; t < horizon; t++) {
            Collaborative c = collaborativeAt.apply(t);
            if (c.measurement().indicator() != Indicator.OUTCOME
                    || c.incentives().performance().indicator() != Indicator.OUTCOME) {
                return true;
            }
        }
        return false;
    }

    /** The counted practices this month as a bit mask (0 when nothing counts). */
    static int counted(QicSimulation sim, Month now) {
        if (sim.centre == null) {
            return 0;
        }
        int mask = sim.centre.changePackage().advised();
        if (mask != 0) {
            return mask;
        }
        return switch (now.collaborative().measurement().declaredPractices()) {
            case EVIDENCE -> sim.landscape.commonOptimum();
            case NONE -> 0;
        };
    }

    /**
     * The practices the collaborative promotes this month: the change package's advised practices
     * ({@code z_i = +1}) once it advises any, else the guideline, the optimum of the general evidence
     * (the common table's optimum); the guideline in the counterfactual arm, which has no package.
     * {@code compliance} (§9) is adherence to these (shared/PATTERNS.md: "in a trial the desired
     * practice is the one the intervention promotes (the change package or guideline)"; §10 item 66).
     */
    static int promoted(QicSimulation sim) {
        int advised = sim.centre == null ? 0 : sim.centre.changePackage().advised();
        return advised != 0 ? advised : sim.landscape.commonOptimum();
    }

    /** Records a site-month's process documentation (S2p); {@code patients} the month's recorded cases. */
    static void record(QicSimulation sim, Month now, Site s, int counted, int executed, int patients) {
        ProcessRecords records = sim.processRecords;
        KeyedGenerator random = sim.keys.reused(Stream.DOCUMENTATION, s.index);
        int d = Integer.bitCount(counted & executed);
        int m = Integer.bitCount(counted) - d;
        double e = sim.scenario.behaviour().recording().documentationError();
        boolean gaming = s.gaming.active && s.membership.member && now.active() && m > 0;
        double share = gaming ? sim.scenario.behaviour().gaming().documentationShare() : 0.0;
        int gamed = Draws.binomial(random, patients, share);
        int honest = patients - gamed;
        int documentedHonest = Draws.binomial(random, honest * d, 1.0 - e) + Draws.binomial(random, honest * m, e);
        int gamedHonestly = Draws.binomial(random, gamed * d, 1.0 - e) + Draws.binomial(random, gamed * m, e);
        int t = now.month();
        int j = s.index;
        records.opportunities[t][j] = patients * (d + m);
        records.delivered[t][j] = patients * d;
        records.documented[t][j] = documentedHonest + gamed * (d + m);
        records.documentedUngamed[t][j] = documentedHonest + gamedHonestly;
        if (gamed > 0) {
            // A gamed case is a gamed record for the audit; a case gamed in both records counts once,
            // treated as distinct cases while there are enough (at most the month's cases).
            sim.gamedRecords[j] = Math.min(patients, sim.gamedRecords[j] + gamed);
        }
    }

    /** The measurement the indicator asks for over months [from, to] of the included sites. */
    static Measurement measure(QicSimulation sim, boolean[] include, int from, int to, Measurement.Settings settings,
            Indicator indicator) {
        Measurement outcome = indicator == Indicator.PROCESS ? null
                : Measurement.measure(sim.registry, include, from, to, settings, false);
        if (indicator == Indicator.OUTCOME || sim.processRecords == null) {
            return outcome != null ? outcome : Measurement.measure(sim.registry, include, from, to, settings, false);
        }
        Measurement process = process(sim.processRecords, sim.processRecords.documented, include, from, to, settings);
        return indicator == Indicator.PROCESS ? process : composite(outcome, process, settings);
    }

    /** As {@link #measure} on what would have been recorded without gaming (G ≡ 0), for gamingGap. */
    static Measurement measureUngamed(QicSimulation sim, boolean[] include, int from, int to,
            Measurement.Settings settings, Indicator indicator) {
        Measurement outcome = Measurement.measure(sim.registry, include, from, to, settings, true);
        if (indicator == Indicator.OUTCOME || sim.processRecords == null) {
            return outcome;
        }
        Measurement process = process(sim.processRecords, sim.processRecords.documentedUngamed, include, from, to,
                settings);
        return indicator == Indicator.PROCESS ? process : composite(outcome, process, settings);
    }

    /** Non-adherence 1 − documented (or delivered) / opportunities per site over the window (S3p). */
    static Measurement process(ProcessRecords records, int[][] done, boolean[] include, int from, int to,
            Measurement.Settings settings) {
        int siteCount = include.length;
        double[] rate = new double[siteCount];
        double[] trials = new double[siteCount];
        int[] measured = new int[siteCount];
        int count = 0;
        long opportunities = 0;
        long missed = 0;
        for (int j = 0; j < siteCount; j++) {
            if (!include[j]) {
                continue;
            }
            long o = ProcessRecords.sum(records.opportunities, j, from, to);
            if (o == 0) {
                continue;
            }
            long x = o - ProcessRecords.sum(done, j, from, to);
            rate[j] = (double) x / o;
            trials[j] = o;
            opportunities += o;
            missed += x;
            measured[count++] = j;
        }
        double pooled = count == 0 ? Double.NaN : (double) missed / opportunities;
        return Measurement.ofRates(siteCount, java.util.Arrays.copyOf(measured, count), pooled, rate, trials, settings);
    }

    /** The composite of S3p under {@code both}: ½·RSR + ½·(p̄/ȳ)·y on the sites measured on both. */
    static Measurement composite(Measurement outcome, Measurement process, Measurement.Settings settings) {
        double pBar = outcome.pooledRate;
        double yBar = process.pooledRate;
        if (outcome.count() == 0 || process.count() == 0 || !(yBar > 0) || !(pBar > 0) || !(pBar < 1)) {
            return outcome;
        }
        int siteCount = outcome.rsr.length;
        double scale = pBar / yBar;
        double[] rate = new double[siteCount];
        double[] trials = new double[siteCount];
        int[] measured = new int[siteCount];
        int count = 0;
        for (int j : outcome.measured) {
            if (!process.has(j)) {
                continue;
            }
            rate[j] = 0.5 * outcome.rsr[j] + 0.5 * scale * process.rsr[j];
            double v = 0.25 * pBar * (1.0 - pBar) / outcome.cases[j]
                    + 0.25 * scale * scale * yBar * (1.0 - yBar) / process.cases[j];
            trials[j] = pBar * (1.0 - pBar) / v;
            measured[count++] = j;
        }
        return Measurement.ofRates(siteCount, java.util.Arrays.copyOf(measured, count), pBar, rate, trials, settings);
    }

    /**
     * The true counterpart of a year's paid indicator for incentivePaidToNoise (like with like): true
     * non-adherence (delivered, not documented) under process; under both, ½·(mean TRSR) +
     * ½·(p̄/ȳ)·(true non-adherence), with the measured composite's scale. Overwrites {@code truth} for
     * the measured sites of {@code m}.
     */
    static void truth(QicSimulation sim, Measurement m, boolean[] include, int from, int to, Measurement.Settings settings,
            Indicator indicator, double[] truth) {
        if (indicator == Indicator.OUTCOME || sim.processRecords == null) {
            return;
        }
        Measurement delivered = process(sim.processRecords, sim.processRecords.delivered, include, from, to, settings);
        if (indicator == Indicator.PROCESS) {
            for (int j : m.measured) {
                truth[j] = delivered.rsr[j];
            }
            return;
        }
        Measurement outcome = Measurement.measure(sim.registry, include, from, to, settings, false);
        Measurement documented = process(sim.processRecords, sim.processRecords.documented, include, from, to, settings);
        double yBar = documented.pooledRate;
        if (!(yBar > 0)) {
            return;
        }
        double scale = outcome.pooledRate / yBar;
        for (int j : m.measured) {
            if (delivered.has(j)) {
                truth[j] = 0.5 * truth[j] + 0.5 * scale * delivered.rsr[j];
            }
        }
    }

    /** After a feedback cycle's measurement: which members' process reports name a missed practice. */
    static void noteReports(QicSimulation sim, Month now, boolean[] include, int from, int to) {
        ProcessRecords records = sim.processRecords;
        if (records == null) {
            return;
        }
        boolean process = now.collaborative().measurement().indicator() != Indicator.OUTCOME;
        for (int j = 0; j < include.length; j++) {
            if (!include[j]) {
                continue;
            }
            long o = ProcessRecords.sum(records.opportunities, j, from, to);
            records.namesMissed[j] = process && o > ProcessRecords.sum(records.documented, j, from, to);
        }
    }

    /**
     * Adopts one counted practice the site does not do, chosen uniformly by keys, and starts its test
     * (S7 item 4); false, changing nothing, when every counted practice is in its bundle. What an action
     * plan ({@link ActionPlan}) and pay on a process indicator ({@link PaidFocus}) turn an act to.
     */
    static boolean adoptMissing(QicSimulation sim, Month now, Site s, MonthlyKey keys) {
        int missing = counted(sim, now) & ~s.bundle;
        if (missing == 0) {
            return false;
        }
        Learning.change(sim, now, s, KeyedChoice.one(keys, sim.landscape.practices(), i -> (missing >>> i & 1) != 0));
        return true;
    }

    /** Whether the site's latest process report named a practice it missed (false without process records). */
    static boolean namesMissed(QicSimulation sim, Site s) {
        return sim.processRecords != null && sim.processRecords.namesMissed[s.index];
    }

    /**
     * S5 actionability under a process indicator: a report that names a practice the site missed
     * tells it what to do, closing {@code processActionability} of the remaining gap to 1.
     */
    static double actionability(QicSimulation sim, Month now, Site s, double base) {
        if (!namesMissed(sim, s) || now.collaborative().measurement().indicator() == Indicator.OUTCOME) {
            return base;
        }
        Behaviour.Feedback bf = sim.scenario.behaviour().feedback();
        return base + (1.0 - base) * bf.processActionability();
    }

    /**
     * The month's process outputs (§9): true adherence, the mean over sites of the share of counted
     * practices executed; documented adherence, Σ documented / Σ opportunities over the month's
     * process records. NaN when nothing counts or nothing was recorded.
     */
    static void trace(QicSimulation sim, Month now, int counted, int[] executed) {
        int t = now.month();
        if (counted == 0) {
            return;
        }
        int size = Integer.bitCount(counted);
        double sum = 0;
        for (int j = 0; j < executed.length; j++) {
            sum += (double) Integer.bitCount(executed[j] & counted) / size;
        }
        sim.trace.processAdherence[t] = sum / executed.length;
        ProcessRecords records = sim.processRecords;
        if (records != null) {
            long o = 0;
            long d = 0;
            for (int j = 0; j < executed.length; j++) {
                o += records.opportunities[t][j];
                d += records.documented[t][j];
            }
            sim.trace.documentedAdherence[t] = o > 0 ? (double) d / o : Double.NaN;
        }
    }
}
