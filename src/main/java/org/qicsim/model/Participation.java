package org.qicsim.model;

import org.qicsim.model.Streams.Stream;
import org.qicsim.scenario.Behaviour;
import org.qicsim.scenario.Collaborative;
import org.qicsim.scenario.Sites;

/**
 * S9 Participation (MODEL.md §6 S9; Dixon-Woods et al. 2012, challenge 8: incentivising participation
 * and relieving burden; EVIDENCE.md (a)1: pay-for-participation "to make possible the
 * participation"). In the last month of each collaborative year a member leaves with probability
 * σ(intercept − value·Val − trust·T − community·community + championLost·[lost] +
 * withdraw·[withdrawing]), Val being the year's net value to the site relative to its QI budget.
 * Optional enrolment lets non-members join, more so where their region's peers are members.
 */
final class Participation {
    private Participation() {
    }

    /**
     * MODEL.md §9 retention: the share of the members at the launch that are members at the end; NaN
     * if none (or no launch). Pulled at the end of the run by {@link Reporter}.
     */
    static double retention(QicSimulation sim) {
        if (!sim.launched) {
            return Double.NaN;
        }
        int atStart = 0;
        int retained = 0;
        for (Site s : sim.sites) {
            if (s.endowment.memberAtStart()) {
                atStart++;
                if (s.membership.member) {
                    retained++;
                }
            }
        }
        return atStart == 0 ? Double.NaN : (double) retained / atStart;
    }

    static void step(QicSimulation sim, Month now) {
        int year = Calendar.yearEnd(now.month(), now.launchMonth());
        Collaborative c = now.collaborative();
        Behaviour.Participation b = sim.scenario.behaviour().participation();
        if (!c.participationMandatory()) {
            for (Site s : sim.sites) {
                if (!s.membership.member) {
                    continue;
                }
                double p = exitProbability(b, value(sim, now, s, year), s.community.trust, sim.ties.community(s.index),
                        s.accounts.championLost[Math.min(year, s.accounts.championLost.length - 1)],
                        s.feedback.response == Response.WITHDRAW);
                MonthlyKey r = sim.keys.of(Stream.PARTICIPATION, s.index);
                if (r.nextDouble() < p) {
                    leave(s, now.month());
                }
            }
        }
        Sites.Enrolment enrolment = sim.scenario.sites().enrolment();
        if (enrolment.enabled()) {
            enrol(sim, now, enrolment);
        }
    }

    /**
     * Val = (payments + recognitionValue·[showcased] − unfunded abstraction − perMeetingAttendance·
     * meetings attended − effortPerSiteMonth·Σ(E − E0)) / qiBudget, over the collaborative year.
     */
    static double value(QicSimulation sim, Month now, Site s, int year) {
        Site.YearlyAccounts a = s.accounts;
        int y = Math.min(year, a.payments.length - 1);
        org.qicsim.scenario.Costs costs = sim.scenario.costs();
        double recognition = a.showcased[y] ? now.collaborative().incentives().recognitionValue() : 0.0;
        return (a.payments[y] + recognition - a.unfundedAbstraction[y] - costs.perMeetingAttendance() * a.attended[y]
                - costs.effortPerSiteMonth() * a.effortAboveBaseline[y]) / sim.scenario.sites().qiBudget();
    }

    static double exitProbability(Behaviour.Participation b, double value, double trust, double community,
            boolean championLost, boolean withdrawing) {
        return Logistic.sigma(b.intercept() - b.value() * value - b.trust() * trust - b.community() * community
                + b.championLost() * (championLost ? 1.0 : 0.0) + b.withdraw() * (withdrawing ? 1.0 : 0.0));
    }

    /**
     * A member leaves: it keeps its bundle, stops gaming and abandons any running test (§3); a champion
     * the collaborative funded leaves the post with the membership (issue 12 item 1; S10). Month t is
     * passed, not a {@link Month}, because the calendar phase ends a collaborative (every member
     * leaves) before it builds the month's record.
     */
    static void leave(Site s, int t) {
        s.membership.member = false;
        s.membership.leftMonth = t;
        s.gaming.active = false;
        s.test = null;
        // The champion's influence on effort and fidelity fades from next month (S10 world part).
        s.champion.membershipEnded(t);
    }

    /** σ(base + peerShare·share of same-region sites that are members), decided synchronously. */
    private static void enrol(QicSimulation sim, Month now, Sites.Enrolment enrolment) {
        int groups = now.collaborative().community().regionalGroups();
        int[] sites = new int[groups];
        int[] members = new int[groups];
        for (Site s : sim.sites) {
            int region = sim.region(s);
            sites[region]++;
            if (s.membership.member) {
                members[region]++;
            }
        }
        for (Site s : sim.sites) {
            // A site that has just left does not rejoin in the same month.
            if (s.membership.member || s.membership.leftMonth == now.month()) {
                continue;
            }
            int region = sim.region(s);
            double share = (double) members[region] / sites[region];
            double p = Logistic.sigma(enrolment.base() + enrolment.peerShare() * share);
            if (sim.keys.of(Stream.PARTICIPATION, s.index).nextDouble() < p) {
                s.membership.member = true;
                s.membership.everMember = true;
                s.membership.leftMonth = -1;
                s.membership.joinedMonth = now.month();
                s.feedback.credibility = FeedbackResponse.credibility(sim, now.collaborative(), 0.0);
            }
        }
    }
}
