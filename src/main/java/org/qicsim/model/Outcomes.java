package org.qicsim.model;

import java.util.random.RandomGenerator;
import org.qicsim.model.Streams.Stream;

/**
 * S1 Outcomes (MODEL.md §6 S1): a site-month's patients n ~ Poisson(λ_j), split over the K
 * equal-probability case-mix strata by a multinomial (K − 1 sequential binomials), all on the
 * patients key (drawn once per world and shared, {@link World#patients}); stratum k's patients have risk r = μ_j + r_k ({@link RiskAverage.Table}) and
 * logit p_k = α + u_j + r − γ·Q_jt + trend·t/12. Both arms draw the same 1 + (K − 1) uniforms first,
 * so they see the same patients in the same strata (§7). Only the collaborative arm, which records
 * them (S2), then draws the events of each stratum, e_k ~ Binomial(n_k, p_k) (one uniform each, by
 * inversion); no output reads the counterfactual arm's realised events. Rates and events in the
 * outputs are expected values, Σ_k n_k·p_k.
 */
final class Outcomes {
    private Outcomes() {
    }

    static void month(QicSimulation sim, Site s, int t, Recording recording) {
        SiteEndowment e = s.endowment;
        RiskAverage.Table strata = sim.world.riskTable();
        // The key's first K draws (n and its split) are the world's, drawn once (World.patients).
        int[] cases = sim.stratumCases;
        int n = sim.world.patients(t, s.index, cases);
        KeyedGenerator patients = recording == null ? null
                : sim.keys.reused(Stream.PATIENTS, s.index).skip(cases.length);
        double offset = sim.world.alpha() + e.structuralEffect() + e.caseMixMean()
                - sim.world.gamma() * sim.quality[s.index]
                + sim.scenario.environment().secularTrendPerYear() * t / 12.0;
        // σ(offset + r_k) = 1 / (1 + e^{−offset}·e^{−r_k}): one StrictMath.exp per site-month.
        double eOffset = StrictMath.exp(-offset);
        double expected = 0.0;
        for (int k = 0; k < cases.length; k++) {
            if (cases[k] > 0) {
                double p = 1.0 / (1.0 + eOffset * strata.factor(k));
                expected += cases[k] * p;
                if (recording != null) {
                    sim.stratumEvents[k] = Draws.binomial(patients, cases[k], p);
                }
            } else if (recording != null) {
                // The fixed layout: one number per stratum, whatever its count (passed over
                // uncomputed when the count is 0: later draws are unchanged).
                patients.skip(1);
                sim.stratumEvents[k] = 0;
            }
        }
        if (recording != null) {
            recording.record(s, n, cases, sim.stratumEvents, strata);
        }
        sim.trace.cases[t] += n;
        sim.trace.events[t] += expected;
        sim.trace.siteEvents[t][s.index] = expected;
        sim.trace.siteCases[t][s.index] = n;
    }
}
