package org.qicsim.model;

import org.qicsim.model.Streams.Stream;
import org.qicsim.scenario.Behaviour;
import org.qicsim.scenario.Collaborative;

/**
 * S2 Gaming decision (MODEL.md §6 S2; Bevan &amp; Hood 2006 on gaming types, Werner &amp; Asch 2005 on
 * public reporting): once a year from the launch, each member decides whether to game its records,
 * more likely when the stake is high, intrinsic motivation and the community norm are low, and
 * detection by audit is unlikely. {@code P(G=1) = σ(intercept + stake·Stake − motivation·I −
 * norm·Norm − deterrence·pDetect + offset_type)}. The site's {@link ResponsePolicy} makes the
 * choice ({@link ResponsePolicy#game}, given a {@link GamingChoice} and the site's uniform); the
 * model's policy games iff the uniform is below that probability.
 */
final class GamingDecision {
    private GamingDecision() {
    }

    static void step(QicSimulation sim, Month now) {
        int t = now.month();
        int launch = now.launchMonth();
        if (t < launch || (t - launch) % 12 != 0) {
            return;
        }
        Behaviour.Gaming g = sim.scenario.behaviour().gaming();
        double stake = stake(sim, now.collaborative());
        double pBar = sim.centre.latestPooledRate();
        double auditRate = now.collaborative().measurement().auditRate();
        int year = now.year();
        // Two passes, as at a report (FeedbackResponse.reports): every member's decision is made and
        // announced to its policy before any member is asked, so that people choosing for several
        // sites (site mode) choose at the same time. A site's probability reads only its own state
        // and the year's stake and p̄, and each uniform is on the site's own key, so the order
        // changes no output.
        Site[] asked = new Site[sim.siteCount()];
        GamingChoice[] choices = new GamingChoice[sim.siteCount()];
        double[] uniforms = new double[sim.siteCount()];
        int n = 0;
        for (Site s : sim.sites) {
            if (!s.membership.member) {
                continue;
            }
            double pDetect = detection(auditRate, g, s.endowment.volume(), pBar);
            double p = probability(g, stake, s.drive.intrinsic, s.drive.norm, pDetect, s.endowment.gamingType());
            GamingChoice choice = new GamingChoice(year, t, s.gaming.active, stake, auditRate, pDetect, g.suppression(),
                    g.upcodeShare(), g.upcodeShift(), g.trustPenalty(), g.exclusionCycles(), s.drive.intrinsic,
                    s.drive.norm, s.endowment.gamingType(), p);
            double uniform = sim.keys.of(Stream.GAMING, s.index).nextDouble();
            sim.responsePolicy(s.index).announceGaming(choice, uniform);
            asked[n] = s;
            choices[n] = choice;
            uniforms[n] = uniform;
            n++;
        }
        for (int k = 0; k < n; k++) {
            asked[k].gaming.active = sim.responsePolicy(asked[k].index).game(choices[k], uniforms[k]);
        }
    }

    /** Stake = s_inc·[outcome-based pay] + publicStake·[public reporting]. */
    static double stake(QicSimulation sim, Collaborative collaborative) {
        Collaborative.Incentives inc = collaborative.incentives();
        boolean outcomePay = IncentiveDesign.of(inc.performance()).pays();
        double sInc = IncentiveProgramme.salience(inc);
        return (outcomePay ? sInc : 0.0)
                + sim.scenario.behaviour().gaming().publicStake() * (inc.publicReporting() ? 1.0 : 0.0);
    }

    /** pDetect = 1 − (1 − auditRate·detection)^(12·λ_j·(upcodeShare + suppression·p̄)). */
    static double detection(double auditRate, Behaviour.Gaming g, double volume, double pBar) {
        double alteredPerYear = 12.0 * volume * (g.upcodeShare() + g.suppression() * pBar);
        return 1.0 - StrictMath.pow(1.0 - auditRate * g.detection(), alteredPerYear);
    }

    static double probability(Behaviour.Gaming g, double stake, double intrinsic, double norm, double pDetect,
            GamingType type) {
        return Logistic.sigma(g.intercept() + g.stake() * stake - g.motivation() * intrinsic - g.norm() * norm
                - g.deterrence() * pDetect + type.offset(g));
    }
}
