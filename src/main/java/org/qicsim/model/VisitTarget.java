package org.qicsim.model;

import org.qicsim.model.Streams.Stream;
import org.qicsim.scenario.Collaborative;

/**
 * Which member the coordinating centre visits next (MODEL.md §6 S10 site visits, §10 item 16;
 * msqc.org: a web conference or site visit may follow an audit; MBSC peer coaching). The scenario's
 * flat {@code community.siteVisitTargeting} enum maps to one variant by an exhaustive switch.
 */
sealed interface VisitTarget {

    /** Whether the centre makes site visits at all. */
    default boolean visits() {
        return true;
    }

    /** The member to visit this time; null when none is eligible (then no further visits that month). */
    Site next(QicSimulation sim, Month now);

    // The variants without parameters are shared instances, so of(), called inside monthly loops, allocates nothing.
    LowPerformers LOW_PERFORMERS = new LowPerformers();
    AtRandom AT_RANDOM = new AtRandom();
    EveryMember EVERY_MEMBER = new EveryMember();
    NoVisits NO_VISITS = new NoVisits();

    static VisitTarget of(Collaborative.VisitTargeting targeting) {
        return switch (targeting) {
            case LOW_PERFORMERS -> LOW_PERFORMERS;
            case RANDOM -> AT_RANDOM;
            case EVERY_MEMBER -> EVERY_MEMBER;
            case NONE -> NO_VISITS;
        };
    }

    /**
     * The members not visited in the last 12 months with the highest latest reported rate P̂: sites with
     * a report before those without, ties by index (the spec's rule made total, §10 item 16).
     */
    record LowPerformers() implements VisitTarget {
        @Override
        public Site next(QicSimulation sim, Month now) {
            Site worst = null;
            for (Site s : sim.sites) {
                if (!s.membership.member || s.exposure.visitedWithinYear(now.month())) {
                    continue;
                }
                // Sites with a report come first, highest reported rate first; ties by index.
                boolean reported = s.feedback.report.exists();
                boolean worstReported = worst != null && worst.feedback.report.exists();
                if (worst == null || (reported && !worstReported)
                        || (reported && worstReported && s.feedback.report.rate() > worst.feedback.report.rate())) {
                    worst = s;
                }
            }
            return worst;
        }
    }

    /** A uniformly chosen member, on the centre's meetings key. */
    record AtRandom() implements VisitTarget {
        @Override
        public Site next(QicSimulation sim, Month now) {
            int members = 0;
            for (Site s : sim.sites) {
                members += s.membership.member ? 1 : 0;
            }
            if (members == 0) {
                return null;
            }
            int pick = sim.keys.centre(Stream.MEETINGS).nextInt(members);
            for (Site s : sim.sites) {
                if (s.membership.member && pick-- == 0) {
                    return s;
                }
            }
            throw new AssertionError();
        }
    }

    /**
     * Every member in turn, as an outreach programme visits each professional of its arm (O'Brien et al.
     * 2007: an educational outreach visit is a personal visit by a trained person to the health
     * professionals in their own settings): the member visited least recently, never-visited members
     * first, ties by index. There is no 12-month rule, so {@code siteVisitsPerYear} of k times the
     * members visits each member k times a year (docs/MODEL.md §10 item 77).
     */
    record EveryMember() implements VisitTarget {
        @Override
        public Site next(QicSimulation sim, Month now) {
            Site next = null;
            for (Site s : sim.sites) {
                // Site.NEVER (−1) sorts before every month, so members never visited come first.
                if (s.membership.member && (next == null || s.exposure.lastVisitedMonth < next.exposure.lastVisitedMonth)) {
                    next = s;
                }
            }
            return next;
        }
    }

    /** No site visits. */
    record NoVisits() implements VisitTarget {
        @Override
        public boolean visits() {
            return false;
        }

        @Override
        public Site next(QicSimulation sim, Month now) {
            return null;
        }
    }
}
