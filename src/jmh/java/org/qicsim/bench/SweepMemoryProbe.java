package org.qicsim.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.qicsim.experiment.sweep.ExperimentFile;

/**
 * Peak memory of a large sweep (not a JMH benchmark: one long run whose peaks are the result). By
 * default 1,000 Latin-hypercube points over three collaborative levers × 100 replicates =
 * 100,000 runs of a 10-site, 24-month michigan-cqi (small, so that the count of runs, not their
 * size, is what grows), monthly series off, on 2 threads, after a warm-up sweep of 2,000 runs.
 * Reports: heap in use (sampled every 20 ms), heap in use after each collection (the live set),
 * committed heap, peak RSS ({@code VmHWM}: heap plus DuckDB's native memory plus the JVM's own),
 * and the share of wall time spent in GC and in JIT compilation.
 *
 * <pre>
 *   mvn -B -ntp -Pbench -DskipTests package
 *   java -Xmx1g -cp target/qicsim.jar org.qicsim.bench.SweepMemoryProbe [points [replications [threads]]]
 * </pre>
 */
public final class SweepMemoryProbe {
    private static final long MIB = 1L << 20;

    private SweepMemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        Path dir = Files.createTempDirectory("qicsim-bench-memory-");
        try {
            long warmRuns = SweepBenchSupport.sweep(experiment(dir.resolve("warm"), 100, 20), dir.resolve("warm-out"), threads);
            ExperimentFile experiment = experiment(dir.resolve("big"), points, reps);
            Watch watch = new Watch();
            long gc0 = gcMillis();
            long jit0 = jitMillis();
            long t0 = System.nanoTime();
            long runs = SweepBenchSupport.sweep(experiment, dir.resolve("big-out"), threads);
            double seconds = (System.nanoTime() - t0) / 1e9;
            watch.stop();
            double gc = (gcMillis() - gc0) / 1000.0;
            double jit = (jitMillis() - jit0) / 1000.0;
            print("warm-up runs", Long.toString(warmRuns));
            print("runs", Long.toString(runs));
            print("threads", Integer.toString(threads));
            print("max heap (-Xmx)", mib(Runtime.getRuntime().maxMemory()));
            print("wall", String.format(Locale.ROOT, "%.1f s", seconds));
            print("runs per second", String.format(Locale.ROOT, "%.1f", runs / seconds));
            print("peak heap in use (sampled)", mib(watch.peakUsed.get()));
            print("peak heap after GC (live set)", mib(watch.peakAfterGc.get()));
            print("peak heap committed", mib(watch.peakCommitted.get()));
            print("peak RSS (VmHWM)", status("VmHWM"));
            print("RSS at end (VmRSS)", status("VmRSS"));
            print("GC time", String.format(Locale.ROOT, "%.1f s (%.1f%% of wall), %d collections", gc,
                    100 * gc / seconds, watch.collections.get()));
            print("JIT time", String.format(Locale.ROOT, "%.1f s (%.1f%% of wall, all compiler threads)", jit,
                    100 * jit / seconds));
        } finally {
            SweepBenchSupport.delete(dir);
        }
    }

    private static ExperimentFile experiment(Path dir, int points, int reps) throws Exception {
        Files.createDirectories(dir);
        return SweepBenchSupport.experiment(dir, """
                replications: %d
                set: {sites.count: 10, horizonMonths: 24}
                factors:
                  collaborative.incentives.performance.share: {min: 0, max: 0.05}
                  collaborative.coordination.socialisationRate: {min: 0.05, max: 0.6}
                  collaborative.feedback.display: [funnel, league]
                design: {type: lhs, n: %d}
                outputs: {metrics: all, monthly: false, sites: false}
                """.formatted(reps, points));
    }

    /** Samples heap use and listens to collections until stopped. */
    private static final class Watch {
        final AtomicLong peakUsed = new AtomicLong();
        final AtomicLong peakCommitted = new AtomicLong();
        final AtomicLong peakAfterGc = new AtomicLong();
        final AtomicLong collections = new AtomicLong();
        private final List<String> heapPools = new ArrayList<>();
        private final Thread sampler;
        private volatile boolean running = true;

        Watch() {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    heapPools.add(pool.getName());
                }
            }
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                        long after = 0;
                        for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                            if (heapPools.contains(e.getKey())) {
                                after += e.getValue().getUsed();
                            }
                        }
                        collections.incrementAndGet();
                        peakAfterGc.accumulateAndGet(after, Math::max);
                    }
                }, null, null);
            }
            sampler = new Thread(() -> {
                while (running) {
                    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                    peakUsed.accumulateAndGet(heap.getUsed(), Math::max);
                    peakCommitted.accumulateAndGet(heap.getCommitted(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        void stop() throws InterruptedException {
            running = false;
            sampler.join();
        }
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private static long jitMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** A field of /proc/self/status (Linux), e.g. VmHWM; "unknown" elsewhere. */
    private static String status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    long kib = Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
                    return mib(kib * 1024);
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return "unknown";
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / (double) MIB);
    }

    private static void print(String what, String value) {
        System.out.printf(Locale.ROOT, "%-32s %s%n", what, value);
    }
}
