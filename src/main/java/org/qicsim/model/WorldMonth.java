package org.qicsim.model;

import java.util.SplittableRandom;
import org.qicsim.model.Streams.Stream;

/**
 * The world phase of a month (MODEL.md §3 phase 1), for every site in both arms: turbulence (S0),
 * champion turnover (S10), execution (S0), the true risk-standardised rate (§9), and the month's
 * patients, their outcomes (S1) and, in the collaborative arm, their recording (S2).
 */
final class WorldMonth {
    private WorldMonth() {
    }

    static void step(QicSimulation sim, Month now) {
        int t = now.month();
        SplittableRandom landscapeKey = sim.keys.centre(Stream.LANDSCAPE);
        if (landscapeKey.nextDouble() < sim.scenario.environment().turbulencePerYear() / 12.0) {
            sim.landscape.redrawCommonTable(landscapeKey);
        }
        Champions.turnover(sim, now);
        Recording recording = sim.arm == Arm.COLLABORATIVE ? Recording.of(sim, now) : null;
        int practices = sim.landscape.practices();
        // S2p, §9: the practices a process indicator counts this month (0 in the counterfactual arm).
        int counted = recording != null ? ProcessIndicator.counted(sim, now) : 0;
        int[] executedBundles = counted != 0 ? new int[sim.sites.length] : null;
        for (Site s : sim.sites) {
            int executed = Execution.execute(sim.keys.reused(Stream.EXECUTION, s.index), s.bundle, s.fidelity, practices);
            if (executedBundles != null) {
                executedBundles[s.index] = executed;
            }
            sim.quality[s.index] = sim.landscape.quality(s.index, executed);
            if (sim.trueRate != null) {
                sim.trace.trsr[t][s.index] = sim.trueRate.of(sim, s, t);
            }
            Outcomes.month(sim, s, t, recording);
            if (sim.processRecords != null) {
                ProcessIndicator.record(sim, now, s, counted, executed, sim.recordsThisMonth[s.index]);
            }
        }
        if (executedBundles != null) {
            ProcessIndicator.trace(sim, now, counted, executedBundles);
        }
    }
}
