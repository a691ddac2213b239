package org.qicsim.model;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * What a site has seen of its peers and been seen by them (MODEL.md §2 "Site", the {@code Vis_j}
 * parts; §6 S10 meetings and site visits, S7 imitation): the PDs showcased at meetings it attended
 * since the last cycle, the site visits it received, and whether it was itself showcased this month.
 *
 * <p>Written by {@link Meetings} (showcases seen, recognised), {@link SiteVisits} (visits received),
 * {@link CoordinatingCentre} (showcases seen cleared at each cycle) and {@link QicSimulation}
 * (recognition cleared each month); read by {@link Visibility} and {@link VisitTarget}.
 */
final class Exposure {
    /** PDs showcased at meetings this site attended since the last cycle. */
    final BitSet showcasedSeen = new BitSet();
    /** Site visits received: the PD visited with (or −1 when there was none) and the month. */
    final List<int[]> visits = new ArrayList<>();
    /** Month of the last site visit received, or {@link Site#NEVER}. */
    int lastVisitedMonth = Site.NEVER;
    /** Showcased at a meeting this month (set by {@link Meetings}, cleared by the calendar). */
    boolean recognisedThisMonth;

    Exposure() {
    }

    /** An exact deep copy (the pre-launch fork). */
    Exposure(Exposure source) {
        this.showcasedSeen.or(source.showcasedSeen);
        for (int[] visit : source.visits) {
            this.visits.add(visit.clone());
        }
        this.lastVisitedMonth = source.lastVisitedMonth;
        this.recognisedThisMonth = source.recognisedThisMonth;
    }

    /** Whether a site visit came in the 12 months up to {@code month} (never true before the first visit). */
    boolean visitedWithinYear(int month) {
        return lastVisitedMonth != Site.NEVER && month - lastVisitedMonth < 12;
    }
}
