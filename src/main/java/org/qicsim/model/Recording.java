package org.qicsim.model;

import org.qicsim.model.Streams.Stream;
import org.qicsim.scenario.Behaviour;
import org.qicsim.scenario.Collaborative;

/**
 * S2 Recording and gaming (MODEL.md §6 S2): each patient's true event is recorded with the source's
 * sensitivity, a non-event as an event with 1 − specificity; recorded risk carries abstraction error
 * σ_abs·Z' that coordination quality lowers. A gaming site up-codes some records' risk and
 * suppresses some true events. The records of a case-mix stratum are exchangeable, so these are
 * drawn as counts per stratum ({@link #record}), each patient still drawing its own Z'; the draw
 * layout does not depend on G, so gaming never shifts another draw (§7). The source's fidelity is
 * {@link DataSource}'s: registry sources follow Birkmeyer 2010 / msqc.org audits; claims are less
 * sensitive (EVIDENCE.md (a)3).
 */
final class Recording {
    private final QicSimulation sim;
    /** The month recorded, and whether the collaborative is active in it (from the month's record). */
    private final int t;
    private final boolean active;
    private final double sensitivity;
    private final double specificity;
    private final double baseRiskError;
    private final double offset;
    private final double weight;
    private final double upcodeShare;
    private final double upcodeShift;
    private final double suppression;
    private final double collaborativeQc;
    private final Draws.FixedBinomial recordedTrue;
    private final Draws.FixedBinomial recordedFalse;
    private final Draws.FixedBinomial suppressedOf;
    private final Draws.FixedBinomial upcodedOf;

    private Recording(QicSimulation sim, Month now) {
        this.sim = sim;
        this.t = now.month();
        this.active = now.active();
        Collaborative c = now.collaborative();
        Behaviour.Recording r = sim.scenario.behaviour().recording();
        DataSource source = DataSource.of(c.measurement().source());
        this.sensitivity = source.sensitivity(r);
        this.specificity = source.specificity(r);
        this.baseRiskError = source.riskError(r);
        this.offset = r.riskErrorQcOffset();
        this.weight = r.riskErrorQcWeight();
        Behaviour.Gaming g = sim.scenario.behaviour().gaming();
        this.upcodeShare = g.upcodeShare();
        this.upcodeShift = g.upcodeShift();
        this.suppression = g.suppression();
        this.collaborativeQc = sim.coordinationQuality();
        // The month's binomials at fixed probabilities (the same draws, (1 − p)^n memoised).
        this.recordedTrue = new Draws.FixedBinomial(sensitivity);
        this.recordedFalse = new Draws.FixedBinomial(1.0 - specificity);
        this.suppressedOf = new Draws.FixedBinomial(suppression);
        this.upcodedOf = new Draws.FixedBinomial(upcodeShare);
    }

    static Recording of(QicSimulation sim, Month now) {
        return new Recording(sim, now);
    }

    /**
     * The expected recorded rate of a true rate p under the data source's misclassification (no
     * gaming): sens·p + (1 − spec)·(1 − p), the units in which the centre measures (MODEL.md §6 S2).
     */
    static double expectedRecordedRate(Collaborative c, Behaviour.Recording r, double p) {
        DataSource source = DataSource.of(c.measurement().source());
        double sens = source.sensitivity(r);
        double spec = source.specificity(r);
        return sens * p + (1.0 - spec) * (1.0 - p);
    }

    /** σ_abs = base·(riskErrorQcOffset − riskErrorQcWeight·Qc). */
    static double riskError(double base, double offset, double weight, double qc) {
        return base * (offset - weight * qc);
    }

    /**
     * Records a site-month's patients, stratum by stratum (k in order), on its recording key. Per
     * stratum six counts by inversion, whatever G (a probability of 0 when the site does not game),
     * so gaming never shifts another draw: recorded true events ~ Binomial(e_k, sens), recorded
     * non-events ~ Binomial(n_k − e_k, 1 − spec), suppressed ~ Binomial(recorded true events,
     * suppression), up-coded among the suppressed ~ Binomial(suppressed, upcodeShare), among the
     * kept recorded events and among the other non-events each ~ Binomial(·, upcodeShare). Then each
     * of the stratum's n_k records draws its risk error Z' (one uniform, inverted), the up-coded ones
     * first: recorded risk μ_j + r_k + σ_abs·Z' (+ upcodeShift in the gamed copy), binned with its
     * event status in each copy (MODEL.md §6 S2, S3).
     */
    void record(Site s, int patients, int[] cases, int[] events, RiskAverage.Table strata) {
        KeyedGenerator random = sim.keys.reused(Stream.RECORDING, s.index);
        // Qc is the collaborative's for members from the launch; 0.5 otherwise.
        double qc = active && s.membership.member ? collaborativeQc : 0.5;
        double riskError = riskError(baseRiskError, offset, weight, qc);
        boolean gaming = s.gaming.active && s.membership.member && active;
        if (gaming) {
            s.gaming.lastMonth = t;
            s.gaming.ever = true;
        }
        int month = t;
        int j = s.index;
        int recordedEvents = 0;
        int gamedEvents = 0;
        int altered = 0;
        double mean = s.endowment.caseMixMean();
        int cell = sim.registry.cell(month, j);
        for (int k = 0; k < cases.length; k++) {
            int n = cases[k];
            int trueRecorded = recordedTrue.draw(random, events[k]);
            int falseRecorded = recordedFalse.draw(random, n - events[k]);
            int suppressed = 0;
            int upcodedSuppressed = 0;
            int upcodedEvents = 0;
            int upcodedNonEvents = 0;
            // The records left as events after suppression.
            int keptEvents = trueRecorded + falseRecorded;
            if (gaming) {
                suppressed = suppressedOf.draw(random, trueRecorded);
                keptEvents -= suppressed;
                upcodedSuppressed = upcodedOf.draw(random, suppressed);
                // Up-coding of the other records, events and non-events apart (the same joint law as
                // one Binomial(n − suppressed, upcodeShare) split among them), so that each
                // record's event status is known with its bin.
                upcodedEvents = upcodedOf.draw(random, keptEvents);
                upcodedNonEvents = upcodedOf.draw(random, n - suppressed - keptEvents);
            } else {
                // Binomials at probability 0: their uniforms are passed over, not computed, so
                // every later draw of the key is the one it would be had they been drawn.
                random.skip(4);
            }
            recordedEvents += trueRecorded + falseRecorded;
            gamedEvents += keptEvents;
            int upcodedOthers = upcodedEvents + upcodedNonEvents;
            altered += suppressed + upcodedOthers;
            int upcoded = upcodedSuppressed + upcodedOthers;
            // Records in order (their Z' are exchangeable): up-coded suppressed, up-coded kept events,
            // up-coded non-events, then suppressed, kept events and non-events not up-coded. A
            // suppressed record is an event only in the ungamed copy.
            int upcodedEventsEnd = upcodedSuppressed + upcodedEvents;
            int suppressedEnd = upcoded + suppressed - upcodedSuppressed;
            int keptEventsEnd = suppressedEnd + keptEvents - upcodedEvents;
            double risk = mean + strata.risk(k);
            // Each run of records of one kind, in order (the same uniforms in the same order).
            records(random, cell, risk, riskError, 0, upcodedSuppressed, true, false, true);
            records(random, cell, risk, riskError, upcodedSuppressed, upcodedEventsEnd, true, true, true);
            records(random, cell, risk, riskError, upcodedEventsEnd, upcoded, true, false, false);
            records(random, cell, risk, riskError, upcoded, suppressedEnd, false, false, true);
            records(random, cell, risk, riskError, suppressedEnd, keptEventsEnd, false, true, true);
            records(random, cell, risk, riskError, keptEventsEnd, n, false, false, false);
        }
        sim.registry.addEvents(month, j, patients, gamedEvents, recordedEvents);
        sim.gamedRecords[j] = altered;
        sim.recordsThisMonth[j] = patients;
    }

    /**
     * Records {@code to − from} records of one kind: each draws its Z' (one uniform), its recorded
     * risk is binned (+ upcodeShift in the gamed copy if up-coded) with its event status in each copy.
     */
    private void records(KeyedGenerator random, int cell, double risk, double riskError, int from, int to,
            boolean upcoded, boolean event, boolean eventUngamed) {
        for (int i = from; i < to; i++) {
            double u = Draws.uniform(random);
            int bin = RecordedRiskBin.of(u, risk, riskError, 0.0);
            sim.registry.addRecord(cell, upcoded ? RecordedRiskBin.of(u, risk, riskError, upcodeShift) : bin, bin,
                    event, eventUngamed);
        }
    }
}
