package org.qicsim.model;

import java.util.BitSet;

/**
 * Which positive deviants a site can see and so imitate (MODEL.md §6 S7 "Vis_j"): all current PDs
 * when sites see each other's identities (vis &gt; 0); otherwise only the PDs showcased at meetings it
 * attended since the last cycle plus the PD of any site visit in the last visitMemoryMonths. Never
 * the site itself. Blinded feedback thus narrows learning to what meetings and visits reveal.
 */
final class Visibility {
    private Visibility() {
    }

    /** Vis_j, in ascending site order. */
    static int[] visiblePds(QicSimulation sim, Month now, Site s) {
        BitSet visible = new BitSet(sim.siteCount());
        if (sim.visibility() > 0) {
            for (int pd : sim.centre.deviants()) {
                visible.set(pd);
            }
        }
        visible.or(s.exposure.showcasedSeen);
        for (int pd : recentVisitPds(sim, now, s)) {
            visible.set(pd);
        }
        visible.clear(s.index);
        return visible.stream().toArray();
    }

    /**
     * Whether Vis_j is non-empty, as {@code visiblePds(sim, s).length > 0} without building the list
     * (O(PDs) instead of O(J) per call; the feedback's actionability needs only this).
     */
    static boolean anyVisible(QicSimulation sim, Month now, Site s) {
        if (sim.visibility() > 0) {
            for (int pd : sim.centre.deviants()) {
                if (pd != s.index) {
                    return true;
                }
            }
        }
        int first = s.exposure.showcasedSeen.nextSetBit(0);
        if (first >= 0 && (first != s.index || s.exposure.showcasedSeen.nextSetBit(first + 1) >= 0)) {
            return true;
        }
        for (int pd : recentVisitPds(sim, now, s)) {
            if (pd != s.index) {
                return true;
            }
        }
        return false;
    }

    /** PDs of site visits received within visitMemoryMonths. */
    static int[] recentVisitPds(QicSimulation sim, Month now, Site s) {
        int memory = sim.scenario.behaviour().learning().visitMemoryMonths();
        return s.exposure.visits.stream()
                .filter(v -> v[0] >= 0 && now.month() - v[1] < memory)
                .mapToInt(v -> v[0]).toArray();
    }

    /** [visited]: a visit with that PD within visitMemoryMonths. */
    static boolean visitedWith(QicSimulation sim, Month now, Site s, int pd) {
        for (int v : recentVisitPds(sim, now, s)) {
            if (v == pd) {
                return true;
            }
        }
        return false;
    }
}
