package org.qicsim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import org.qicsim.model.Run;
import org.qicsim.model.RunResult;
import org.qicsim.scenario.ResolvedScenario;
import org.qicsim.scenario.ScenarioLoader;

/**
 * What the pre-launch fork saves (README "Engine benchmarks", fourth round: pre-launch fork), in
 * thread CPU time: one JVM alternates blocks of the forked and unforked paths on the same run
 * seeds, for the flagship trio of one world (no-collaborative makes the shared counterfactual;
 * michigan-cqi and registry-feedback-only continue from it) and for one michigan-cqi run with its
 * own counterfactual, and prints each block pair's CPU per replicate and forked / unforked ratio.
 * Both paths give the same outputs to the bit ({@code PreLaunchForkTest}); only their cost differs.
 *
 * <pre>
 *   java -cp target/qicsim.jar org.qicsim.bench.PreLaunchForkCpuRatio [blocks] [replicatesPerBlock]
 * </pre>
 */
public final class PreLaunchForkCpuRatio {
    private PreLaunchForkCpuRatio() {
    }

    public static void main(String[] args) throws Exception {
        int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        ResolvedScenario m = ScenarioLoader.load(Path.of("scenarios/michigan-cqi.yaml"), List.of());
        ResolvedScenario r = ScenarioLoader.load(Path.of("scenarios/registry-feedback-only.yaml"), List.of());
        ResolvedScenario n = ScenarioLoader.load(Path.of("scenarios/no-collaborative.yaml"), List.of());
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        double sink = 0;
        for (int i = 0; i < 30; i++) {
            sink += trio(m, r, n, i, true) + trio(m, r, n, i, false) + single(m, i, true) + single(m, i, false);
        }
        for (int b = 0; b < blocks; b++) {
            double[] ms = new double[4];
            for (int k = 0; k < 4; k++) {
                boolean fork = (k + b) % 2 == 0;
                long t0 = bean.getCurrentThreadCpuTime();
                for (int i = 0; i < reps; i++) {
                    sink += k < 2 ? trio(m, r, n, 1000 + b * reps + i, fork) : single(m, 1000 + b * reps + i, fork);
                }
                ms[(k < 2 ? 0 : 2) + (fork ? 1 : 0)] = (bean.getCurrentThreadCpuTime() - t0) / 1e6 / reps;
            }
            System.out.printf("trio unforked %.2f forked %.2f ratio %.3f | single unforked %.2f forked %.2f ratio %.3f%n",
                    ms[0], ms[1], ms[1] / ms[0], ms[2], ms[3], ms[3] / ms[2]);
        }
        System.out.println("checksum " + sink);
    }

    static double trio(ResolvedScenario m, ResolvedScenario r, ResolvedScenario n, long seed, boolean fork) {
        Run.Counterfactual cf = Run.counterfactual(n.scenario(), n::collaborativeAt, seed, fork);
        RunResult a = Run.execute(m.scenario(), m::collaborativeAt, seed, cf);
        RunResult b = Run.execute(r.scenario(), r::collaborativeAt, seed, cf);
        RunResult c = Run.execute(n.scenario(), n::collaborativeAt, seed, cf);
        return a.metric("finalRate") + b.metric("finalRate") + c.metric("finalRate");
    }

    static double single(ResolvedScenario m, long seed, boolean fork) {
        Run.Counterfactual cf = Run.counterfactual(m.scenario(), m::collaborativeAt, seed, fork);
        return Run.execute(m.scenario(), m::collaborativeAt, seed, cf).metric("finalRate");
    }
}
