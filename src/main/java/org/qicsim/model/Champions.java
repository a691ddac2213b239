package org.qicsim.model;

import org.qicsim.model.Streams.Stream;
import org.qicsim.scenario.Behaviour;
import org.qicsim.scenario.Collaborative;

/**
 * S10 Champions (MODEL.md §6 S10; EVIDENCE.md (a)7: BCBSM funds site physician champions).
 *
 * <p>World, both arms: a filled post empties with probability championTurnoverPerYear/12 a month;
 * {@code vacancyMonths} after it empties a successor arrives with probability
 * {@code sites.championProbability}, else the post stays empty. Collaborative (members, funded
 * champions): at the launch, and every {@code vacancyMonths} while a member has no champion, it
 * recruits one with probability {@code leadership.championProbability}, on the same month's
 * arrival and leadership uniforms, so the world's draws stay in step across arms. Three uniforms per
 * site-month on the turnover key, drawn every month (§7). Then each site's champion influence closes
 * part of its gap to the champion's c·L ({@link #influence}; issue 12 item 1).
 */
final class Champions {
    private Champions() {
    }

    static void turnover(QicSimulation sim, Month now) {
        int t = now.month();
        Behaviour.Community b = sim.scenario.behaviour().community();
        double leaveProbability = sim.scenario.sites().championTurnoverPerYear() / 12.0;
        double successorProbability = sim.scenario.sites().championProbability();
        Collaborative.Leadership leadership = now.collaborative().leadership();
        boolean recruiting = sim.arm == Arm.COLLABORATIVE && now.active() && leadership.fundedChampions();
        for (Site s : sim.sites) {
            MonthlyKey r = sim.keys.of(Stream.TURNOVER, s.index);
            double uLeave = r.nextDouble();
            double uArrive = r.nextDouble();
            double uLeadership = r.nextDouble();
            Champion c = s.champion;
            boolean changed = false;
            if (c.filled()) {
                if (uLeave < leaveProbability) {
                    c.leave(t);
                    changed = true;
                    if (now.launched()) {
                        s.accounts.championLost[now.year()] = true;
                    }
                }
            } else if (c.hasPost() && c.vacantSince() != Champion.NONE && !c.worldGaveUp()
                    && t - c.vacantSince() >= b.vacancyMonths()) {
                if (uArrive < successorProbability) {
                    c.appoint(successor(b, uLeadership));
                    changed = true;
                } else {
                    c.worldGivesUp();
                }
            }
            if (!changed && recruiting && s.membership.member && !c.filled()
                    && recruitmentDue(now, c, b.vacancyMonths()) && uArrive < leadership.championProbability()) {
                c.recruit(successor(b, uLeadership));
                changed = true;
            }
            // After any change of champion this month: a successor's or recruit's influence builds from
            // here, a departed champion's fades.
            influence(sim, s, b.championInfluenceRate());
        }
    }

    /**
     * Champion influence Λ ← Λ + championInfluenceRate·(c·L − Λ), then E0 from Λ (§5). Opinion leaders
     * work by persuasion and modelling within their own clinical community (Flodgren et al. 2011), which
     * takes the months of a trial to act, and commitment is built over time (Dixon-Woods et al. 2011), so
     * a new champion's influence builds with tenure and a departed one's fades, rather than jumping.
     * Every site, every month, both arms: the counterfactual arm's champions build and lose influence
     * alike.
     */
    static void influence(QicSimulation sim, Site s, double rate) {
        double before = s.community.championInfluence;
        s.community.championInfluence = before + rate * (s.champion.presence() - before);
        if (s.community.championInfluence != before) {
            sim.championInfluenceChanged(s);
        }
    }

    /** At the launch, then every vacancyMonths (at least every month) since the post emptied or the launch. */
    static boolean recruitmentDue(Month now, Champion c, int vacancyMonths) {
        int t = now.month();
        int launch = now.launchMonth();
        if (t == launch) {
            return true;
        }
        int since = c.vacantSince() == Champion.NONE ? launch : Math.max(c.vacantSince(), launch);
        int elapsed = t - since;
        return elapsed > 0 && elapsed % Math.max(1, vacancyMonths) == 0;
    }

    /** A new champion's leadership: Beta(successorLeadershipA, successorLeadershipB) by inversion. */
    static double successor(Behaviour.Community b, double uniform) {
        return Draws.betaQuantile(uniform, b.successorLeadershipA(), b.successorLeadershipB());
    }
}
