package org.qicsim.model;

import org.qicsim.model.Streams.Stream;
import org.qicsim.scenario.Collaborative;

/**
 * S10 Site visits (MODEL.md §6 S10; msqc.org: a web conference or site visit may follow an audit;
 * MBSC peer coaching). The coordinating centre visits members ({@link VisitTarget}: the highest
 * reported rates not visited in 12 months, or members at random), each paired with the most similar
 * PD, whose practice the visited site then sees and can copy more faithfully ([visited]), and with
 * whom it forms a tie; the visited site gains package know-how ({@link Socialisation}).
 */
final class SiteVisits {
    private SiteVisits() {
    }

    static void step(QicSimulation sim, Month now) {
        Collaborative.Community c = now.collaborative().community();
        VisitTarget targeting = VisitTarget.of(c.siteVisitTargeting());
        if (!targeting.visits()) {
            return;
        }
        int visits = Calendar.visits(now.month(), now.launchMonth(), c.siteVisitsPerYear());
        for (int v = 0; v < visits; v++) {
            Site target = targeting.next(sim, now);
            if (target == null) {
                return;
            }
            int pd = mostSimilarDeviant(sim, target);
            target.exposure.lastVisitedMonth = now.month();
            target.exposure.visits.add(new int[] {pd, now.month()});
            if (pd >= 0) {
                sim.ties.strengthen(target.index, pd, sim.scenario.behaviour().community().visitTieGain());
            }
            sim.ledger.payer(now.month(), sim.scenario.costs().perSiteVisit());
            Socialisation.contact(sim, now, target, sim.keys.of(Stream.MEETINGS, target.index), 1.0);
        }
    }

    /** The PD with the smallest Hamming distance to the site's bundle (ties by index); −1 if none. */
    static int mostSimilarDeviant(QicSimulation sim, Site s) {
        int best = -1;
        int distance = Integer.MAX_VALUE;
        for (int pd : sim.centre.deviants()) {
            if (pd == s.index) {
                continue;
            }
            int d = Integer.bitCount(sim.sites[pd].bundle ^ s.bundle);
            if (d < distance) {
                distance = d;
                best = pd;
            }
        }
        return best;
    }
}
