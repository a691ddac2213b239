package org.qicsim.model;

import org.qicsim.scenario.Behaviour;
import org.qicsim.scenario.Collaborative;

/**
 * S8 Coordination quality (MODEL.md §6 S8; EVIDENCE.md (a)2 and (d): $50–$200 per patient for data
 * and coordination). {@code Qc = 1 − exp(−budgetPerSite/qcScale)} unless set directly. Qc lowers
 * abstraction error (S2), raises perception and action planning (S5), lowers copy error with
 * codification (S7) and raises tie formation and socialisation (S10).
 */
final class Coordination {
    private Coordination() {
    }

    static double quality(Collaborative.Coordination c, Behaviour.Coordination b) {
        if (c.quality() != null) {
            return c.quality();
        }
        return 1.0 - StrictMath.exp(-c.budgetPerSite() / b.qcScale());
    }
}
