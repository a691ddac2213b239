package org.qicsim.model;

import java.util.BitSet;
import org.qicsim.scenario.Behaviour;
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
 * otherwise it imitates or explores. Adoption thus needs both effort and know-how. Know-how also
 * adds acts of its own ({@link #actChance}, {@code knowHowAction}) and raises how well the package's
 * advised practices are done (the fidelity drive, {@code knowHowFidelity}, in
 * {@link QicSimulation#fidelityMonth}): what staff know changes both what they do and how well.
 */
final class Socialisation {
    private Socialisation() {
    }

    /** Monthly fading of know-how (members and leavers alike; phase MEETINGS, before this month's contacts). */
    static void fade(QicSimulation sim) {
        double keep = 1.0 - sim.scenario.behaviour().community().knowHowDecay();
        for (Site s : sim.sites) {
            s.community.knowHow *= keep;
        }
    }

    /**
     * A member's champion teaches the package (phase MEETINGS, after fading, before the month's contacts):
     * {@code K ← K + championTeaching·Λ·(1 − K)}, Λ the champion's influence built with tenure (S10 world
     * part). An opinion leader passes on what the recommended practice is and how it is done (Flodgren et
     * al. 2011: opinion leaders disseminate and persuade colleagues to follow the evidence), so champions
     * act on what staff know as well as on effort and fidelity (MODEL.md S10, §10 item 67). Only a
     * champion the collaborative engages teaches its package: it funds the champion posts or trains the
     * champions (Flodgren et al. 2011: the intervention is recruiting opinion leaders to disseminate a
     * named practice; a local leader nobody enlists does not teach a package it was never given;
     * §10 item 70).
     */
    static void championTeaching(QicSimulation sim, Month now) {
        double rate = sim.scenario.behaviour().community().championTeaching();
        if (!(rate > 0.0) || !now.collaborative().leadership().enlistsChampions()) {
            return;
        }
        for (Site s : sim.sites) {
            if (s.membership.member && s.champion.filled()) {
                s.community.knowHow += rate * s.community.championInfluence * (1.0 - s.community.knowHow);
            }
        }
    }

    /**
     * A meeting attended or a visit received: know-how closes part of its gap to 1,
     * {@code socialisationRate·Qc·(0.5 + 0.5·codification)·reach / (1 + complexityLoad·k)}. A visit teaches
     * the site's own staff in their setting (reach 1); a meeting teaches the delegates the site sends, who
     * carry it home, at the reach its format gives ({@link Meetings}: {@code meetingReach} if didactic,
     * {@code 1 − (1 − interactiveGain)·(1 − meetingReach)} if interactive; O'Brien et al. 2007: outreach
     * visits are tailored face-to-face education in the practice; §10 items 71, 75). A practice that works only
     * together with k others ({@code practices.interactions}) takes more teaching to learn (Rogers'
     * complexity, Greenhalgh et al. 2004; Forsetlund et al. 2009: educational meetings change complex
     * behaviours less; §10 item 72).
     */
    static void contact(QicSimulation sim, Month now, Site s, MonthlyKey random, double reach) {
        // The site's meetings key keeps the layout it had when a contact drew a socialisation uniform and
        // its keys (one uniform, one split), so the draws after it (a later visit in the month) are
        // unchanged whatever the state and design.
        random.nextDouble();
        random.split();
        Collaborative.Coordination c = now.collaborative().coordination();
        double complexity = 1.0 + sim.scenario.behaviour().community().complexityLoad()
                * sim.scenario.practices().interactions();
        double gain = c.socialisationRate() * sim.coordinationQuality() * (0.5 + 0.5 * c.codification()) * reach
                / complexity;
        s.community.knowHow += gain * (1.0 - s.community.knowHow);
    }

    /**
     * Learning's act step (S7): with probability K a site departing from the package aligns one departing
     * practice, chosen uniformly by keys, and starts a test. The uniform and keys are drawn by the caller
     * whatever the state.
     *
     * @return whether the site aligned a practice (else it imitates or explores)
     */
    static boolean align(QicSimulation sim, Month now, Site s, double uniform, MonthlyKey keys) {
        if (!(uniform < s.community.knowHow)) {
            return false;
        }
        return alignDeparting(sim, now, s, keys);
    }

    /**
     * The chance that a site acts this month, know-how included: {@code 1 − (1 − v)^(1 + knowHowAction·K)},
     * {@code v = velocity·E} the site's own chance. Know-how closes part of the gap between that chance
     * and 1, and needs effort (0 when v = 0), so it adds acts where staff work at improvement and know
     * what the package asks (Forsetlund et al. 2009, O'Brien et al. 2007: meetings and visits change
     * practice where staff then act). With {@code knowHowAction·K = 0} it is v itself.
     */
    static double actChance(double own, double knowHow, Behaviour.Community community) {
        double w = community.knowHowAction() * knowHow;
        if (!(w > 0.0) || own >= 1.0) {
            return own;
        }
        return 1.0 - StrictMath.pow(1.0 - own, 1.0 + w);
    }

    /** Aligns one departing practice, chosen uniformly by keys, and starts its test; false when none departs. */
    static boolean alignDeparting(QicSimulation sim, Month now, Site s, MonthlyKey keys) {
        int[] departures = sim.centre.changePackage().departures(s.bundle);
        if (departures.length == 0) {
            return false;
        }
        BitSet departing = new BitSet();
        for (int i : departures) {
            departing.set(i);
        }
        Learning.change(sim, now, s, KeyedChoice.one(keys, sim.landscape.practices(), departing::get));
        return true;
    }
}
