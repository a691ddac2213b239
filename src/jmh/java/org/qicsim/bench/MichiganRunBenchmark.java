package org.qicsim.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.qicsim.experiment.Seeds;
import org.qicsim.model.Run;
import org.qicsim.model.RunResult;
import org.qicsim.scenario.ResolvedScenario;
import org.qicsim.scenario.ScenarioLoader;

/**
 * One michigan-cqi run with its own counterfactual arm (world initialisation, both arms, output
 * assembly), single-threaded — the unit of work of every experiment — as time per run and as
 * site-months per second (60 sites × 48 months × 2 arms = 5,760 site-months per run; the figure
 * {@code run --dry-run}'s estimate derives from). Run from the repository root. For the ratio to
 * the limit bound in one JMH run, see {@link LimitBoundBenchmark}.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(2)
public class MichiganRunBenchmark {
    static final int SITE_MONTHS = 60 * 48 * 2;

    private ResolvedScenario scenario;
    private int replicate;

    @Setup(Level.Trial)
    public void load() throws Exception {
        scenario = ScenarioLoader.load(Path.of("scenarios/michigan-cqi.yaml"), List.of());
        if (scenario.scenario().sites().count() * scenario.scenario().horizonMonths() * 2 != SITE_MONTHS) {
            throw new IllegalStateException("michigan-cqi no longer has 60 sites and 48 months");
        }
    }

    /** A new replicate each time, so no two invocations simulate the same draws. */
    private RunResult nextRun() {
        long seed = Seeds.runSeed(scenario.scenario().seed(), replicate++);
        return Run.execute(scenario.scenario(), scenario::collaborativeAt, seed);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public RunResult runWithCounterfactual() {
        return nextRun();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(SITE_MONTHS)
    public RunResult siteMonths() {
        return nextRun();
    }
}
