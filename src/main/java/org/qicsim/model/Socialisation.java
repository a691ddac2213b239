package org.qicsim.model;

import java.util.BitSet;
import org.qicsim.scenario.Collaborative;

/**
 * S10 Socialisation (MODEL.md §6 S10 and S7 act step; Nonaka's socialisation of tacit knowledge:
 * know-how passes between people who meet and work side by side; Forsetlund et al. 2009 and O'Brien
 * et al. 2007: meetings and outreach visits change practice modestly, and only where the staff then
 * act).
 *
 * <p>Meetings and visits do not change practice themselves: they raise the site's <em>package
 * know-how</em> {@code K ∈ [0, 1]} by closing part of its gap,
 * {@code K ← K + socialisationRate·Qc·(0.5 + 0.5·codification)·(1 − K)}, and know-how fades each
 * month without renewal, {@code K ← (1 − knowHowDecay)·K}. It acts only in Learning's act step: a site
 * that acts (a uniform below velocity·E, so motivation and effort gate it) and departs from the change
 * package aligns one departing practice with probability K (then tests it locally like any change);
 * otherwise it imitates or explores. Adoption thus needs both effort and know-how.
 */
final class Socialisation {
    private Socialisation() {
    }

    /** Monthly fading of know-how (members and leavers alike; phase MEETINGS, before this month's contacts). */
    static void fade(QicSimulation sim) {
        double keep = 1.0 - sim.scenario.behaviour().community().knowHowDecay();
        for (Site s : sim.sites) {
            s.knowHow *= keep;
        }
    }

    /** A meeting attended or a visit received: know-how closes part of its gap to 1. */
    static void contact(QicSimulation sim, Site s, MonthlyKey random) {
        // The site's meetings key keeps the layout it had when a contact drew a socialisation uniform and
        // its keys (one uniform, one split), so the draws after it (a later visit in the month) are
        // unchanged whatever the state and design.
        random.nextDouble();
        random.split();
        Collaborative.Coordination c = sim.collaborative.coordination();
        double gain = c.socialisationRate() * sim.coordinationQuality() * (0.5 + 0.5 * c.codification());
        s.knowHow += gain * (1.0 - s.knowHow);
    }

    /**
     * Learning's act step (S7): with probability K a site departing from the package aligns one departing
     * practice, chosen uniformly by keys, and starts a test. The uniform and keys are drawn by the caller
     * whatever the state.
     *
     * @return whether the site aligned a practice (else it imitates or explores)
     */
    static boolean align(QicSimulation sim, Site s, double uniform, MonthlyKey keys) {
        if (!(uniform < s.knowHow)) {
            return false;
        }
        int[] departures = sim.centre.changePackage().departures(s.bundle);
        if (departures.length == 0) {
            return false;
        }
        BitSet departing = new BitSet();
        for (int i : departures) {
            departing.set(i);
        }
        Learning.change(sim, s, KeyedChoice.one(keys, sim.landscape.practices(), departing::get));
        return true;
    }
}
