package org.qicsim.model;

import org.qicsim.model.Streams.Stream;
import org.qicsim.scenario.Behaviour;
import org.qicsim.scenario.Collaborative;

/**
 * S2 Gaming decision (MODEL.md §6 S2; Bevan &amp; Hood 2006 on gaming types, Werner &amp; Asch 2005 on
 * public reporting): once a year from the launch, each member decides whether to game its records,
 * more likely when the stake is high, intrinsic motivation and the community norm are low, and
 * detection by audit is unlikely. {@code P(G=1) = σ(intercept + stake·Stake − motivation·I −
 * norm·Norm − deterrence·pDetect + offset_type)}.
 */
final class GamingDecision {
    private GamingDecision() {
    }

    static void step(QicSimulation sim) {
        int t = sim.month;
        if (t < sim.launchMonth || (t - sim.launchMonth) % 12 != 0) {
            return;
        }
        Behaviour.Gaming g = sim.scenario.behaviour().gaming();
        double stake = stake(sim);
        double pBar = sim.centre.latestPooledRate();
        for (Site s : sim.sites) {
            if (!s.member) {
                continue;
            }
            double pDetect = detection(sim.collaborative.measurement().auditRate(), g, s.endowment.volume(), pBar);
            double p = probability(g, stake, s.intrinsic, s.norm, pDetect, s.endowment.gamingType());
            s.gaming = sim.keys.of(Stream.GAMING, s.index).nextDouble() < p;
        }
    }

    /** Stake = s_inc·[outcome-based pay] + publicStake·[public reporting]. */
    static double stake(QicSimulation sim) {
        Collaborative.Incentives inc = sim.collaborative.incentives();
        boolean outcomePay = inc.performance().design() != Collaborative.Design.NONE;
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
