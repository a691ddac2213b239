package org.qicsim.model;

import java.util.Arrays;

/**
 * The true risk-standardised rate of a site-month (MODEL.md §9 "Definitions"): the mean over the
 * site's 64 fixed execution patterns of the expected rate of a standard patient population,
 * r ~ N(0, withinSd²), at the site's structural effect. Truth for diagnostics and outputs only; no
 * agent sees it.
 */
final class TrueRate {
    private TrueRate() {
    }

    static double of(QicSimulation sim, Site s, int t) {
        int[] executed = new int[World.TRSR_PATTERNS];
        double[][] patterns = s.endowment.patterns();
        for (int k = 0; k < executed.length; k++) {
            executed[k] = Execution.pattern(patterns, k, s.bundle, s.fidelity);
        }
        Arrays.sort(executed);
        double offset = sim.world.alpha() + s.endowment.structuralEffect()
                + sim.scenario.environment().secularTrendPerYear() * t / 12.0;
        double withinSd = sim.scenario.sites().caseMix().withinSd();
        double sum = 0.0;
        int k = 0;
        // Patterns that execute the same bundle share one quadrature.
        while (k < executed.length) {
            int end = k;
            while (end < executed.length && executed[end] == executed[k]) {
                end++;
            }
            double q = sim.landscape.quality(s.index, executed[k]);
            sum += (end - k) * RiskAverage.expectedRate(offset - sim.world.gamma() * q, 0.0, withinSd);
            k = end;
        }
        return sum / executed.length;
    }
}
