package org.qicsim.model;

import org.qicsim.scenario.Behaviour;
import org.qicsim.scenario.Collaborative;

/**
 * Phase 2.5 of MODEL.md §3: motivation (S6), trust and safety (S10) and effort (S5), every month,
 * updated synchronously — every site's new values are computed from the state at the start of the
 * phase (including peers' effort for the norm), then committed. Members follow the full rules;
 * leavers' effort falls back toward E0 and their motivation and safety revert, while their trust
 * and ties freeze (§3). Non-members who never joined hold E = E0.
 *
 * <p>Feedback acts here through the site's latest {@link Report} (bad rank, threat, whether it came
 * this month) and the response in force that its {@link ResponsePolicy} chose (learn, withdraw);
 * both are left on the site by {@link FeedbackResponse#report} and last until the next report.
 */
final class MonthlyUpdate {
    private MonthlyUpdate() {
    }

    static void step(QicSimulation sim) {
        Collaborative c = sim.collaborative;
        Behaviour b = sim.scenario.behaviour();
        double salience = sim.active ? IncentiveProgramme.salience(c.incentives()) : 0.0;
        double visibility = sim.visibility();
        int count = sim.siteCount();
        double[] deviation = new double[count];
        double[] intrinsic = new double[count];
        double[] safety = new double[count];
        double[] trust = new double[count];
        double[] norm = new double[count];
        int year = Calendar.year(sim.month, sim.launchMonth);
        for (Site s : sim.sites) {
            int j = s.index;
            deviation[j] = s.effortDeviation;
            intrinsic[j] = s.intrinsic;
            safety[j] = s.safety;
            trust[j] = s.trust;
            if (s.member && sim.active) {
                // The latest report and the response in force, as the feedback step left them.
                Report report = s.report;
                double community = sim.ties.community(j);
                norm[j] = sim.ties.norm(sim.sites, j, b.community());
                double burden = sim.burdenShare(s);
                boolean showcased = s.accounts.showcased[Math.min(year, s.accounts.showcased.length - 1)];
                double m = Motivation.effective(b.motivation(), s.intrinsic, salience, s.expectedAttainment,
                        visibility, report.badRank(),
                        Motivation.recognition(c, sim.scenario.sites().qiBudget(), showcased));
                double learnGap = s.response == Response.LEARN ? Math.max(0.0, s.responseGap) : 0.0;
                double target = Effort.target(b.effort(), s.effectiveCapacity, m, s.championInfluence, learnGap,
                        burden, norm[j], s.response == Response.WITHDRAW);
                deviation[j] = Effort.nextDeviation(b.effort(), s.effortDeviation, target - s.effort0);
                double controlling = Motivation.controlling(c, salience, report.badRank());
                double supportive = Motivation.supportive(b.motivation(), c, s.recognisedThisMonth,
                        report.cameIn(sim.month));
                intrinsic[j] = Motivation.nextIntrinsic(b.motivation(), s.intrinsic, s.endowment.intrinsic0(),
                        supportive, controlling);
                safety[j] = Safety.next(b.community(), s.safety, s.endowment.safety0(), s.champion.presence(),
                        community, report.threat());
                double fairness = Trust.fairness(s.classHistory, b.community().fairnessReports());
                trust[j] = Trust.next(b.community(), s.trust, s.credibility, fairness, burden);
            } else if (s.everMember) {
                deviation[j] = s.effortDeviation - b.effort().fallRate() * s.effortDeviation;
                intrinsic[j] = s.intrinsic + b.motivation().reversion() * (s.endowment.intrinsic0() - s.intrinsic);
                safety[j] = s.safety + b.community().safetyReversion() * (s.endowment.safety0() - s.safety);
            }
        }
        for (Site s : sim.sites) {
            int j = s.index;
            s.effortDeviation = deviation[j];
            s.intrinsic = intrinsic[j];
            s.safety = safety[j];
            s.trust = trust[j];
            s.norm = norm[j];
            if (s.member && sim.active) {
                s.accounts.effortAboveBaseline[Math.min(year, s.accounts.effortAboveBaseline.length - 1)]
                        += s.effortDeviation;
            }
        }
    }
}
