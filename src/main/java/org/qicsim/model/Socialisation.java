package org.qicsim.model;

import org.qicsim.scenario.Collaborative;

/**
 * S10 Socialisation (MODEL.md §6 S10; Nonaka's socialisation of tacit knowledge): at each meeting or
 * visit a site attends, if it runs no test, it aligns one practice that departs from the change
 * package with probability socialisationRate·Qc·(0.5 + 0.5·codification); the change is then tested
 * locally like any other.
 */
final class Socialisation {
    private Socialisation() {
    }

    static void attempt(QicSimulation sim, Site s, MonthlyKey random) {
        // Draws in a fixed layout (the uniform, then the keys) whatever the state, so paired designs
        // decide with the same numbers.
        double uniform = random.nextDouble();
        MonthlyKey keys = random.split();
        if (s.test != null) {
            return;
        }
        int[] departures = sim.centre.changePackage().departures(s.bundle);
        if (departures.length == 0) {
            return;
        }
        Collaborative.Coordination c = sim.collaborative.coordination();
        double p = c.socialisationRate() * sim.coordinationQuality() * (0.5 + 0.5 * c.codification());
        if (uniform < p) {
            java.util.BitSet departing = new java.util.BitSet();
            for (int i : departures) {
                departing.set(i);
            }
            Learning.change(sim, s, KeyedChoice.one(keys, sim.landscape.practices(), departing::get));
        }
    }
}
