package org.qicsim.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The baseline of {@link SweepThroughputBenchmark}: one run of the same 60-site michigan-cqi in a
 * JVM of its own, as a script calling {@code qicsim run --reps 1} per design point would do it —
 * JVM start, class loading, a cold JIT, the run and its own counterfactual, the results folder.
 * Score: time per run. The child JVM gets {@code -Xmx1g} like the warm one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 10)
@Fork(value = 2, jvmArgsAppend = {"-Xmx1g"})
public class SweepJvmPerRunBenchmark {
    private Path dir;
    private int runs;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        dir = Files.createTempDirectory("qicsim-bench-jvm-");
    }

    @Benchmark
    public int jvmPerRun() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = dir.resolve("run-" + runs++);
        Process p = new ProcessBuilder(List.of(java, "-Xmx1g", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), "org.qicsim.cli.Main", "run",
                SweepBenchSupport.michigan().toString(), "--reps", "1", "--threads", "1", "--quiet",
                "--out", out.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.appendTo(new File(dir.resolve("stderr.txt").toString())))
                .start();
        int exit = p.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("qicsim run exited " + exit + "; see " + dir.resolve("stderr.txt"));
        }
        return exit;
    }

    @TearDown(Level.Iteration)
    public void deleteFolders() throws Exception {
        for (int k = 0; k < runs; k++) {
            SweepBenchSupport.delete(dir.resolve("run-" + k));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        SweepBenchSupport.delete(dir);
    }
}
