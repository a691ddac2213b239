package org.qicsim.model;

import java.util.SplittableRandom;
import org.qicsim.model.Streams.Stream;

/**
 * S1 Outcomes (MODEL.md §6 S1): a site-month's patients n ~ Poisson(λ_j) and, for each patient in
 * order, a risk Z then an outcome uniform U_Y on the patients key;
 * logit p = α + u_j + r − γ·Q_jt + trend·t/12 with r = μ_j + withinSd·Z, and Y = [U_Y &lt; p]. The
 * key draws 1 + 2n uniforms whatever the arm, so both arms see the same patients (§7). Rates and
 * events in the outputs are expected values, Σp.
 */
final class Outcomes {
    private Outcomes() {
    }

    static void month(QicSimulation sim, Site s, int t, Recording recording) {
        SplittableRandom patients = sim.keys.of(Stream.PATIENTS, s.index);
        SiteEndowment e = s.endowment;
        int n = Draws.poisson(patients, e.volume());
        double offset = sim.world.alpha() + e.structuralEffect() - sim.world.gamma() * sim.quality[s.index]
                + sim.scenario.environment().secularTrendPerYear() * t / 12.0;
        double withinSd = sim.scenario.sites().caseMix().withinSd();
        double expected = 0.0;
        if (recording != null) {
            recording.beginSite(s, n);
        }
        for (int k = 0; k < n; k++) {
            double z = Draws.normal(patients);
            double uY = patients.nextDouble();
            double r = e.caseMixMean() + withinSd * z;
            double p = Logistic.sigma(offset + r);
            expected += p;
            if (recording != null) {
                recording.record(k, uY < p, r);
            }
        }
        sim.trace.cases[t] += n;
        sim.trace.events[t] += expected;
        sim.trace.siteEvents[t][s.index] = expected;
        sim.trace.siteCases[t][s.index] = n;
    }
}
