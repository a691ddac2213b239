package org.qicsim.experiment.calibrate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.qicsim.experiment.CounterfactualCache;
import org.qicsim.experiment.DesignSpec;
import org.qicsim.experiment.RunExecutor;
import org.qicsim.experiment.RunSpec;
import org.qicsim.experiment.Seeds;
import org.qicsim.experiment.StopSignal;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.ResolvedScenario;
import org.qicsim.scenario.ScenarioException;
import org.qicsim.scenario.ScenarioLoader;

/**
 * A target made of run metrics ({@link org.qicsim.model.RunResult#METRICS}) of one scenario: each
 * statistic is the metric's mean over {@code replicates} runs, replicate r run with seed
 * {@code Seeds.runSeed(seed, r)}, each run paired with its counterfactual arm as usual. A batch
 * of evaluations goes to the executor as one run list, so a generation fills every thread.
 *
 * @param scenarioFile the scenario, loaded with {@code settings} and then the parameters
 * @param settings the calibration's and the target's fixed settings
 */
public record MetricsTarget(String id, Path scenarioFile, List<KeyOverride> settings, List<String> metrics,
        double[] observed, double[] scales, int replicates) implements CalibrationTarget {

    public MetricsTarget {
        settings = List.copyOf(settings);
        metrics = List.copyOf(metrics);
        if (observed.length != metrics.size() || scales.length != metrics.size()) {
            throw new IllegalArgumentException("one observed value and scale per metric");
        }
        if (replicates < 1) {
            throw new IllegalArgumentException("replicates must be >= 1, was " + replicates);
        }
    }

    @Override
    public int runsPerEvaluation() {
        return replicates;
    }

    /** The target's scenario with these parameter values. */
    ResolvedScenario scenario(List<KeyOverride> parameters) throws ScenarioException {
        List<KeyOverride> all = new ArrayList<>(settings);
        all.addAll(parameters);
        return ScenarioLoader.load(scenarioFile, all);
    }

    @Override
    public Evaluation evaluate(List<KeyOverride> parameters, long seed, RunExecutor executor)
            throws InterruptedException, IOException, ScenarioException {
        return evaluateAll(List.of(parameters), new long[] {seed}, executor, new StopSignal()).get(0);
    }

    @Override
    public List<Evaluation> evaluateAll(List<List<KeyOverride>> parameterSets, long[] seeds, RunExecutor executor,
            StopSignal stop) throws InterruptedException, IOException, ScenarioException {
        int n = parameterSets.size();
        List<RunSpec> runs = new ArrayList<>(n * replicates);
        for (int i = 0; i < n; i++) {
            ResolvedScenario scenario = scenario(parameterSets.get(i));
            DesignSpec design = new DesignSpec(i + 1, id, scenario);
            for (int r = 0; r < replicates; r++) {
                runs.add(new RunSpec(design, r, Seeds.runSeed(seeds[i], r), scenario));
            }
        }
        double[][][] values = new double[n][metrics.size()][replicates];
        int[] done = new int[1];
        Iterator<RunSpec> all = runs.iterator();
        Iterator<RunSpec> untilStopped = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !stop.isRequested() && all.hasNext();
            }

            @Override
            public RunSpec next() {
                return all.next();
            }
        };
        executor.execute(untilStopped, new CounterfactualCache(runs), (run, result) -> {
            int i = run.design().point() - 1;
            for (int k = 0; k < metrics.size(); k++) {
                values[i][k][run.replicate()] = result.metric(metrics.get(k));
            }
            done[0]++;
        });
        if (done[0] < runs.size()) {
            throw new InterruptedException(done[0] + " of " + runs.size() + " runs of the batch finished");
        }
        List<Evaluation> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] simulated = new double[metrics.size()];
            for (int k = 0; k < metrics.size(); k++) {
                double sum = 0;
                for (double v : values[i][k]) {
                    sum += v;
                }
                simulated[k] = sum / replicates;
            }
            out.add(new Evaluation(metrics, simulated, observed.clone(), scales.clone()));
        }
        return out;
    }
}
