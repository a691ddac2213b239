package org.qicsim.experiment.calibrate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.qicsim.experiment.RunExecutor;
import org.qicsim.experiment.Seeds;
import org.qicsim.experiment.StopSignal;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.ScenarioException;

/**
 * One target of a calibration: summary statistics the model simulates for a parameter set, with
 * the observed values they are compared with and the scales that make their differences
 * comparable. The distance of a parameter set is the Euclidean norm of
 * {@code (simulated − observed) / scale} over every statistic of every target.
 *
 * <p>Implementations: {@link MetricsTarget} (run metrics of a scenario) and, once the pattern
 * runner is wired in ({@link PatternTargets}), a component pattern's simulated review. An
 * evaluation must be a pure function of its parameters and seed (draw every run seed from
 * {@code seed} with {@code Seeds}), and must not depend on the executor's thread count.
 */
public interface CalibrationTarget {

    /**
     * What one evaluation gives: statistic names, simulated and observed values, scales, and each
     * statistic's stochastic share: the variance of the statistic as observed, over the variance of one
     * evaluation's (1 when an evaluation simulates what was observed at its own size; a simulated review
     * of 30 trials compared with a published review of 150 has share 30/150, since a median's variance
     * falls as one over the trial count). History matching scales the simulator's variance by it.
     */
    record Evaluation(List<String> names, double[] simulated, double[] observed, double[] scales,
            double[] stochasticShares) {
        public Evaluation {
            names = List.copyOf(names);
            if (simulated.length != names.size() || observed.length != names.size() || scales.length != names.size()
                    || stochasticShares.length != names.size()) {
                throw new IllegalArgumentException("one simulated value, observed value, scale and share per statistic");
            }
            for (double s : stochasticShares) {
                if (!(s > 0 && s <= 1)) {
                    throw new IllegalArgumentException("a stochastic share is in (0, 1], got " + s);
                }
            }
        }

        /** An evaluation whose statistics are simulated at the size they were observed (every share 1). */
        public Evaluation(List<String> names, double[] simulated, double[] observed, double[] scales) {
            this(names, simulated, observed, scales, ones(names.size()));
        }

        private static double[] ones(int n) {
            double[] out = new double[n];
            java.util.Arrays.fill(out, 1.0);
            return out;
        }

        /**
         * The statistics of several targets' evaluations of one parameter set, in target order, as one
         * evaluation (how history matching and the point estimate see a calibration's statistics).
         */
        public static Evaluation concat(List<Evaluation> parts) {
            List<String> names = new ArrayList<>();
            int m = 0;
            for (Evaluation e : parts) {
                names.addAll(e.names());
                m += e.names().size();
            }
            double[][] columns = new double[4][m];
            int c = 0;
            for (Evaluation e : parts) {
                int size = e.names().size();
                System.arraycopy(e.simulated(), 0, columns[0], c, size);
                System.arraycopy(e.observed(), 0, columns[1], c, size);
                System.arraycopy(e.scales(), 0, columns[2], c, size);
                System.arraycopy(e.stochasticShares(), 0, columns[3], c, size);
                c += size;
            }
            return new Evaluation(names, columns[0], columns[1], columns[2], columns[3]);
        }

        /** Σ ((simulated − observed) / scale)² over the statistics; NaN if a statistic is missing. */
        public double squaredDistance() {
            double sum = 0;
            for (int i = 0; i < simulated.length; i++) {
                double z = (simulated[i] - observed[i]) / scales[i];
                sum += z * z;
            }
            return sum;
        }
    }

    /**
     * Every target evaluated for every parameter set, as every calibration method does it: target k of
     * set i with seed {@code mix(seeds[i] ^ splitMix64(k))}, so the targets of one set get independent
     * seeds. The result's element k holds target k's evaluations, one per set.
     */
    static List<List<Evaluation>> evaluateEach(List<CalibrationTarget> targets, List<List<KeyOverride>> parameterSets,
            long[] seeds, RunExecutor executor, StopSignal stop) throws InterruptedException, IOException, ScenarioException {
        List<List<Evaluation>> out = new ArrayList<>(targets.size());
        for (int k = 0; k < targets.size(); k++) {
            long[] targetSeeds = new long[seeds.length];
            for (int i = 0; i < seeds.length; i++) {
                targetSeeds[i] = Seeds.mix(seeds[i] ^ Seeds.splitMix64(k));
            }
            out.add(targets.get(k).evaluateAll(parameterSets, targetSeeds, executor, stop));
        }
        return out;
    }

    /**
     * As {@link #evaluateEach}, each parameter set's statistics of every target concatenated in target
     * order ({@link Evaluation#concat}): one evaluation per set.
     */
    static List<Evaluation> evaluateTogether(List<CalibrationTarget> targets, List<List<KeyOverride>> parameterSets,
            long[] seeds, RunExecutor executor, StopSignal stop) throws InterruptedException, IOException, ScenarioException {
        List<List<Evaluation>> perTarget = evaluateEach(targets, parameterSets, seeds, executor, stop);
        List<Evaluation> out = new ArrayList<>(seeds.length);
        for (int i = 0; i < seeds.length; i++) {
            List<Evaluation> parts = new ArrayList<>(perTarget.size());
            for (List<Evaluation> evs : perTarget) {
                parts.add(evs.get(i));
            }
            out.add(Evaluation.concat(parts));
        }
        return out;
    }

    /** The target's name in diagnostics and messages, e.g. {@code C1} or {@code metrics 1}. */
    String id();

    /** Model runs (each with its counterfactual arm) one evaluation takes, for budgets and progress. */
    int runsPerEvaluation();

    /**
     * Simulates the target with these parameter overrides (applied after the target's own
     * scenario settings), every run seed derived from {@code seed}.
     */
    Evaluation evaluate(List<KeyOverride> parameters, long seed, RunExecutor executor)
            throws InterruptedException, IOException, ScenarioException;

    /**
     * Evaluates many parameter sets (a batch of proposals); the default evaluates them one after
     * another, stopping with an {@link InterruptedException} when {@code stop} is requested.
     * Implementations that can put a whole batch on the executor at once should.
     */
    default List<Evaluation> evaluateAll(List<List<KeyOverride>> parameterSets, long[] seeds, RunExecutor executor,
            StopSignal stop) throws InterruptedException, IOException, ScenarioException {
        List<Evaluation> out = new ArrayList<>();
        for (int i = 0; i < parameterSets.size(); i++) {
            if (stop.isRequested()) {
                throw new InterruptedException("stopped between evaluations");
            }
            out.add(evaluate(parameterSets.get(i), seeds[i], executor));
        }
        return out;
    }
}
