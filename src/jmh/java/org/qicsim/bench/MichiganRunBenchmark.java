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
 * assembly), single-threaded: the unit of work of every experiment. Run from the repository root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(2)
public class MichiganRunBenchmark {
    private ResolvedScenario scenario;
    private int replicate;

    @Setup(Level.Trial)
    public void load() throws Exception {
        scenario = ScenarioLoader.load(Path.of("scenarios/michigan-cqi.yaml"), List.of());
    }

    @Benchmark
    public RunResult runWithCounterfactual() {
        // A new replicate each time, so no two invocations simulate the same draws.
        long seed = Seeds.runSeed(scenario.scenario().seed(), replicate++);
        return Run.execute(scenario.scenario(), scenario::collaborativeAt, seed);
    }
}
