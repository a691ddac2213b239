package org.qicsim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The run / limit-bound ratio of {@link LimitBoundBenchmark} in thread CPU time: one JVM alternates
 * blocks of {@code michiganRun} and {@code limitBound} after a warm-up and prints each block's CPU
 * per call and their ratio. On a shared machine this is steadier than two JMH benchmarks run
 * minutes apart, because load changes both blocks alike and CPU time does not count waiting for a
 * core (README "Engine benchmarks").
 *
 * <pre>
 *   java -cp target/qicsim.jar org.qicsim.bench.LimitBoundCpuRatio [blocks] [runsPerBlock]
 * </pre>
 */
public final class LimitBoundCpuRatio {
    private LimitBoundCpuRatio() {
    }

    public static void main(String[] args) throws Exception {
        int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        LimitBoundBenchmark b = new LimitBoundBenchmark();
        b.load();
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int i = 0; i < 40; i++) {
            sink += b.michiganRun().months();
            for (int k = 0; k < 4; k++) {
                sink += b.limitBound();
            }
        }
        for (int block = 0; block < blocks; block++) {
            long t0 = bean.getCurrentThreadCpuTime();
            for (int i = 0; i < runs; i++) {
                sink += b.michiganRun().months();
            }
            long t1 = bean.getCurrentThreadCpuTime();
            for (int i = 0; i < 2 * runs; i++) {
                sink += b.limitBound();
            }
            long t2 = bean.getCurrentThreadCpuTime();
            double run = (t1 - t0) / 1e6 / runs;
            double bound = (t2 - t1) / 1e6 / (2 * runs);
            System.out.printf(java.util.Locale.ROOT, "CPU per call: run %.2f ms, bound %.2f ms, ratio %.2f%n", run,
                    bound, run / bound);
        }
        // Keeps the results live so the JIT cannot drop the calls.
        System.out.println("checksum " + sink);
    }
}
