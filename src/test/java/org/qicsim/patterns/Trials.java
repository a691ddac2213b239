package org.qicsim.patterns;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.qicsim.analysis.Estimate;
import org.qicsim.analysis.Estimates;
import org.qicsim.analysis.PairedDifference;
import org.qicsim.experiment.DesignSpec;
import org.qicsim.experiment.Experiment;
import org.qicsim.experiment.LocalPool;
import org.qicsim.model.RunResult;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.ResolvedScenario;
import org.qicsim.scenario.ScenarioException;
import org.qicsim.scenario.ScenarioLoader;

/**
 * In-process trials for the statistical tests: designs run under one master seed (common random
 * numbers) on two threads, results in replicate order per design. Every test states its criterion
 * before running and prints the estimate it checks, so the figures can be quoted.
 */
final class Trials {
    static final int THREADS = 2;

    private Trials() {
    }

    /** A scenario file with {@code key=value} overrides. */
    static ResolvedScenario scenario(String file, String... sets) {
        List<KeyOverride> overrides = new ArrayList<>();
        try {
            for (int k = 0; k < sets.length; k++) {
                overrides.add(KeyOverride.parseSet(sets[k], k + 1));
            }
            return ScenarioLoader.load(Path.of(file), overrides);
        } catch (ScenarioException e) {
            throw new IllegalArgumentException(e.format(), e);
        }
    }

    /** Runs the designs paired (the first design's master seed) and returns each design's runs. */
    static List<List<RunResult>> paired(int replications, ResolvedScenario... designs) {
        return run(designs[0].scenario().seed(), replications, designs);
    }

    static List<List<RunResult>> run(long masterSeed, int replications, ResolvedScenario... designs) {
        List<DesignSpec> specs = new ArrayList<>();
        for (int k = 0; k < designs.length; k++) {
            specs.add(new DesignSpec(k + 1, designs[k].scenario().name(), designs[k]));
        }
        Experiment experiment = new Experiment(specs, masterSeed, replications);
        List<List<RunResult>> byDesign = new ArrayList<>();
        for (int k = 0; k < designs.length; k++) {
            byDesign.add(new ArrayList<>());
        }
        try (LocalPool pool = new LocalPool(THREADS)) {
            experiment.execute(pool, (run, result) -> byDesign.get(run.design().point() - 1).add(result));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return byDesign;
    }

    static double[] values(List<RunResult> runs, ToDoubleFunction<RunResult> metric) {
        return runs.stream().mapToDouble(metric).toArray();
    }

    static double[] metric(List<RunResult> runs, String name) {
        return values(runs, r -> r.metric(name));
    }

    /** Paired difference a − b of a metric, replicate by replicate. */
    static Estimate difference(List<RunResult> a, List<RunResult> b, ToDoubleFunction<RunResult> metric) {
        return PairedDifference.of(values(a, metric), values(b, metric));
    }

    static Estimate estimate(double[] values) {
        return Estimates.of(values);
    }

    /** Prints a criterion and its estimate to the test's output (quoted in the resolve notes). */
    static void report(String criterion, Estimate e) {
        System.out.printf(Locale.ROOT, "%s: mean %.6g, 95%% CI [%.6g, %.6g], sd %.4g, n %d%n", criterion, e.mean(),
                e.ciLow(), e.ciHigh(), e.sd(), e.n());
    }

    static void report(String text) {
        System.out.println(text);
    }
}
