package org.qicsim.model;

import java.util.SplittableRandom;
import org.qicsim.model.Streams.Stream;
import org.qicsim.scenario.Behaviour;
import org.qicsim.scenario.Collaborative;

/**
 * S2 Recording and gaming (MODEL.md §6 S2): each patient's true event is recorded with the source's
 * sensitivity, a non-event as an event with 1 − specificity; recorded risk carries abstraction error
 * σ_abs·Z' that coordination quality lowers. A gaming site up-codes some records' risk and
 * suppresses some true events. Every patient consumes the same four recording uniforms (U_rec, Z',
 * U_upcode, U_suppress) whatever G, so gaming never shifts another draw (§7). Registry sources
 * follow Birkmeyer 2010 / msqc.org audits; claims are less sensitive (EVIDENCE.md (a)3).
 */
final class Recording {
    private final QicSimulation sim;
    private final double sensitivity;
    private final double specificity;
    private final double baseRiskError;
    private final double offset;
    private final double weight;
    private final double upcodeShare;
    private final double upcodeShift;
    private final double suppression;
    private final double collaborativeQc;
    private Site site;
    private SplittableRandom random;
    private double riskError;
    private boolean gaming;

    private Recording(QicSimulation sim) {
        this.sim = sim;
        Collaborative c = sim.collaborative;
        Behaviour.Recording r = sim.scenario.behaviour().recording();
        boolean registry = c.measurement().source() == Collaborative.Source.REGISTRY;
        this.sensitivity = registry ? r.registrySensitivity() : r.claimsSensitivity();
        this.specificity = registry ? r.registrySpecificity() : r.claimsSpecificity();
        this.baseRiskError = registry ? r.registryRiskError() : r.claimsRiskError();
        this.offset = r.riskErrorQcOffset();
        this.weight = r.riskErrorQcWeight();
        Behaviour.Gaming g = sim.scenario.behaviour().gaming();
        this.upcodeShare = g.upcodeShare();
        this.upcodeShift = g.upcodeShift();
        this.suppression = g.suppression();
        this.collaborativeQc = sim.coordinationQuality();
    }

    static Recording of(QicSimulation sim) {
        return new Recording(sim);
    }

    /** σ_abs = base·(riskErrorQcOffset − riskErrorQcWeight·Qc). */
    static double riskError(double base, double offset, double weight, double qc) {
        return base * (offset - weight * qc);
    }

    void beginSite(Site s, int patients) {
        site = s;
        random = sim.keys.of(Stream.RECORDING, s.index);
        // Qc is the collaborative's for members from the launch; 0.5 otherwise.
        double qc = sim.active && s.member ? collaborativeQc : 0.5;
        riskError = riskError(baseRiskError, offset, weight, qc);
        gaming = s.gaming && s.member && sim.active;
        if (gaming) {
            s.lastGamingMonth = sim.month;
            s.gamingEver = true;
        }
        boolean[] gamed = sim.gamedRecords[s.index];
        if (gamed == null || gamed.length < patients) {
            sim.gamedRecords[s.index] = new boolean[Math.max(patients, 16)];
        }
        sim.recordsThisMonth[s.index] = patients;
    }

    void record(int k, boolean event, double risk) {
        double uRecord = random.nextDouble();
        double zRisk = Draws.normal(random);
        double uUpcode = random.nextDouble();
        double uSuppress = random.nextDouble();
        boolean recorded = event ? uRecord < sensitivity : uRecord < 1.0 - specificity;
        double recordedRisk = risk + riskError * zRisk;
        boolean gamedEvent = recorded;
        double gamedRisk = recordedRisk;
        boolean altered = false;
        if (gaming) {
            if (event && recorded && uSuppress < suppression) {
                gamedEvent = false;
                altered = true;
            }
            if (uUpcode < upcodeShare) {
                gamedRisk += upcodeShift;
                altered = true;
            }
        }
        sim.registry.record(sim.month, site.index, gamedEvent, Registry.bin(gamedRisk), recorded,
                Registry.bin(recordedRisk));
        sim.gamedRecords[site.index][k] = altered;
    }
}
