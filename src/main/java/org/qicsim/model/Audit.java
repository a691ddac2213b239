package org.qicsim.model;

import java.util.random.RandomGenerator;
import org.qicsim.model.Streams.Stream;
import org.qicsim.scenario.Behaviour;

/**
 * S2 Audit (MODEL.md §6 S2; EVIDENCE.md (a)3: the MSQC inter-rater reliability audit): each of a
 * member's records this month is re-abstracted with probability auditRate; a gamed record so
 * audited is detected with probability detection. Drawn as counts (three uniforms per member):
 * audited gamed records A ~ Binomial(gamed, auditRate), audited others ~ Binomial(records − gamed,
 * auditRate), and detection iff a uniform ≥ (1 − detection)^A. A detected site loses the current year's
 * performance payment, loses trust, stops gaming, is excluded from PD sets and showcases for
 * exclusionCycles cycles and, when sites are visible to each other, its ties weaken. Its data are not
 * accepted for pay while it is excluded: a member excluded at a feedback cycle forfeits the
 * performance payment of that cycle's collaborative year too ({@link #excludedCycle}; EVIDENCE.md
 * (a)5: BCBSM's scorecard pays on timely, valid data submission as well as outcomes), and its report
 * at that cycle carries the exclusion as threat ({@code FeedbackResponse.report}; MODEL.md §10 item 60).
 */
final class Audit {
    private Audit() {
    }

    /** What the audit counted in one arm (held by {@link QicSimulation#audit}): gamers detected, for tests. */
    static final class Tally {
        long detections;
    }

    static void step(QicSimulation sim, Month now) {
        double rate = now.collaborative().measurement().auditRate();
        Behaviour.Gaming g = sim.scenario.behaviour().gaming();
        int audited = 0;
        for (Site s : sim.sites) {
            if (!s.membership.member) {
                continue;
            }
            RandomGenerator r = sim.keys.reused(Stream.AUDIT, s.index);
            // Records are audited independently, so the audited gamed and other records are two
            // binomial counts; the site is detected unless every audited gamed record escapes.
            int gamed = sim.gamedRecords[s.index];
            int auditedGamed = Draws.binomial(r, gamed, rate);
            audited += auditedGamed + Draws.binomial(r, sim.recordsThisMonth[s.index] - gamed, rate);
            double escape = Draws.power(1.0 - g.detection(), auditedGamed);
            boolean detected = Draws.uniform(r) >= escape;
            if (detected) {
                detect(sim, now, s, g);
            }
        }
        sim.ledger.payer(now.month(), audited * sim.scenario.costs().perAuditedRecord());
    }

    static void detect(QicSimulation sim, Month now, Site s, Behaviour.Gaming g) {
        forfeitThisYear(now, s);
        Trust.lose(s.community, g.trustPenalty());
        s.gaming.active = false;
        s.gaming.excludedUntilCycle = sim.centre.cycle() + g.exclusionCycles();
        // Excluded at once, not from the next cycle: nobody should copy or visit a detected gamer.
        sim.centre.withdrawDeviant(s.index);
        if (sim.visibility() > 0) {
            sim.ties.scale(s.index, g.tieFactor());
        }
        sim.audit.detections++;
    }

    /**
     * At a feedback cycle (after its counter has moved on): every member still excluded forfeits the
     * performance payment of the current collaborative year, so the exclusion's length decides
     * whether the sanction reaches the next year's pay (MODEL.md §6 S2).
     */
    static void excludedCycle(QicSimulation sim, Month now) {
        for (Site s : sim.sites) {
            if (s.membership.member && sim.centre.excluded(s)) {
                forfeitThisYear(now, s);
            }
        }
    }

    private static void forfeitThisYear(Month now, Site s) {
        s.accounts.forfeited[Math.min(now.year(), s.accounts.forfeited.length - 1)] = true;
    }
}
