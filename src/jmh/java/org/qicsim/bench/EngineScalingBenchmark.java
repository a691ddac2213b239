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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.qicsim.experiment.Seeds;
import org.qicsim.model.Run;
import org.qicsim.model.RunResult;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.ResolvedScenario;
import org.qicsim.scenario.ScenarioLoader;

/**
 * One michigan-cqi run with its counterfactual at other sizes: {@code sites.count} and
 * {@code horizonMonths} overridden, every other key as the scenario has it. Time per run against
 * sites × months gives the engine's scaling exponent (issue 11: linear is the target); run with
 * {@code -prof gc} for the allocation per run. The 6,000-site runs need the sparse, bounded ties
 * ({@code behaviour.community.tieCapacity}, MODEL.md §10 item 53).
 *
 * <pre>
 *   java -Xmx3g -cp target/qicsim.jar org.openjdk.jmh.Main EngineScalingBenchmark -f 1 -wi 2 -i 3 -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class EngineScalingBenchmark {
    @Param({"60", "600", "6000"})
    public int sites;

    @Param({"48", "120"})
    public int months;

    private ResolvedScenario scenario;
    private int replicate;

    @Setup(Level.Trial)
    public void load() throws Exception {
        scenario = ScenarioLoader.load(Path.of("scenarios/michigan-cqi.yaml"), List.of(
                KeyOverride.parseSet("sites.count=" + sites, 1),
                KeyOverride.parseSet("horizonMonths=" + months, 2)));
    }

    @Benchmark
    public RunResult run() {
        long seed = Seeds.runSeed(scenario.scenario().seed(), replicate++);
        return Run.execute(scenario.scenario(), scenario::collaborativeAt, seed);
    }
}
