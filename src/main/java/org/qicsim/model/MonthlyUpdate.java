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

    static void step(QicSimulation sim, Month now) {
        Collaborative c = now.collaborative();
        Behaviour b = sim.scenario.behaviour();
        double salience = now.active() ? IncentiveProgramme.salience(c.incentives()) : 0.0;
        double visibility = sim.visibility();
        int count = sim.siteCount();
        double[] deviation = new double[count];
        double[] intrinsic = new double[count];
        double[] safety = new double[count];
        double[] trust = new double[count];
        double[] norm = new double[count];
        int year = now.year();
        // The clinical lead's credibility Kcc·[clinicianLed]: how much the source adds to a believed gap's pull.
        double leadSource = c.leadership().clinicianLed() ? c.leadership().clinicalLeadCredibility() : 0.0;
        for (Site s : sim.sites) {
            int j = s.index;
            deviation[j] = s.drive.effortDeviation;
            intrinsic[j] = s.drive.intrinsic;
            safety[j] = s.community.safety;
            trust[j] = s.community.trust;
            if (s.membership.member && now.active()) {
                // The latest report and the response in force, as the feedback step left them.
                Report report = s.feedback.report;
                double community = sim.ties.community(j);
                norm[j] = sim.ties.norm(sim.sites, j, b.community());
                double burden = sim.burdenShare(s);
                boolean showcased = s.accounts.showcased[Math.min(year, s.accounts.showcased.length - 1)];
                double m = Motivation.effective(b.motivation(), s.drive.intrinsic, salience, s.drive.expectedAttainment,
                        visibility, report.badRank(),
                        Motivation.recognition(c, sim.scenario.sites().qiBudget(), showcased));
                double learnGap = s.feedback.response == Response.LEARN ? Math.max(0.0, s.feedback.responseGap) : 0.0;
                double target = Effort.target(b.effort(), s.effectiveCapacity, m, s.community.championInfluence,
                        learnGap, leadSource, burden, norm[j], s.feedback.response == Response.WITHDRAW);
                deviation[j] = Effort.nextDeviation(b.effort(), s.drive.effortDeviation, target - s.drive.effort0);
                double controlling = Motivation.controlling(c, salience, report.badRank());
                double supportive = Motivation.supportive(b.motivation(), c, s.exposure.recognisedThisMonth,
                        report.cameIn(now.month()));
                intrinsic[j] = Motivation.nextIntrinsic(b.motivation(), s.drive.intrinsic, s.endowment.intrinsic0(),
                        supportive, controlling);
                safety[j] = Safety.next(b.community(), s.community.safety, s.endowment.safety0(), s.champion.presence(),
                        community, report.threat());
                double fairness = Trust.fairness(s.feedback.classHistory, b.community().fairnessReports());
                trust[j] = Trust.next(b.community(), s.community.trust, s.feedback.credibility, fairness, burden);
            } else if (s.membership.everMember) {
                deviation[j] = s.drive.effortDeviation - b.effort().fallRate() * s.drive.effortDeviation;
                intrinsic[j] = s.drive.intrinsic
                        + b.motivation().reversion() * (s.endowment.intrinsic0() - s.drive.intrinsic);
                safety[j] = s.community.safety
                        + b.community().safetyReversion() * (s.endowment.safety0() - s.community.safety);
            }
        }
        for (Site s : sim.sites) {
            int j = s.index;
            s.drive.effortDeviation = deviation[j];
            s.drive.intrinsic = intrinsic[j];
            s.community.safety = safety[j];
            s.community.trust = trust[j];
            s.drive.norm = norm[j];
            if (s.membership.member && now.active()) {
                s.accounts.effortAboveBaseline[Math.min(year, s.accounts.effortAboveBaseline.length - 1)]
                        += s.drive.effortDeviation;
            }
        }
    }
}
