package org.qicsim.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.qicsim.experiment.sweep.ExperimentFile;

/**
 * Time per run of a whole sweep in one warm JVM, on 1 and 2 threads: the 60-site, 48-month
 * michigan-cqi, 8 collaborative designs (display × meetings a year) × 5 replicates = 40 runs per
 * operation, sharing one counterfactual per replicate, with the monthly and site tables kept (as
 * {@code run} keeps them, for the comparison with {@link SweepJvmPerRunBenchmark}). One operation is
 * the whole of {@code qicsim sweep}: plan, runs, Parquet through DuckDB, summaries, publish.
 * Runs per second = 1000 / score.
 *
 * <pre>
 *   mvn -B -ntp -Pbench -DskipTests package
 *   java -cp target/qicsim.jar org.openjdk.jmh.Main 'Sweep(Throughput|JvmPerRun)Benchmark' -rf json -rff target/jmh-sweep.json
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 10)
@Fork(value = 2, jvmArgsAppend = {"-Xmx1g"})
public class SweepThroughputBenchmark {
    static final int RUNS = 8 * 5;

    @Param({"1", "2"})
    public int threads;

    private Path dir;
    private ExperimentFile experiment;
    private int sweeps;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        dir = Files.createTempDirectory("qicsim-bench-sweep-");
        experiment = SweepBenchSupport.experiment(dir, """
                replications: 5
                factors:
                  collaborative.feedback.display: [funnel, league]
                  collaborative.community.meetingsPerYear: {min: 0, max: 6, levels: 4}
                design: grid
                outputs: {metrics: all, monthly: true, sites: true}
                """);
    }

    @Benchmark
    @OperationsPerInvocation(RUNS)
    public long sweep() throws Exception {
        return SweepBenchSupport.sweep(experiment, dir.resolve("sweep-" + sweeps++), threads);
    }

    @TearDown(Level.Iteration)
    public void deleteFolders() throws Exception {
        for (int k = 0; k < sweeps; k++) {
            SweepBenchSupport.delete(dir.resolve("sweep-" + k));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        SweepBenchSupport.delete(dir);
    }
}
