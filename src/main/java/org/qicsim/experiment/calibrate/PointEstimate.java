package org.qicsim.experiment.calibrate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.qicsim.experiment.ParameterSample;
import org.qicsim.experiment.RunExecutor;
import org.qicsim.experiment.Seeds;
import org.qicsim.experiment.StopSignal;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.ScenarioException;

/**
 * The point estimate of a calibration chosen by the simulator, not by the emulators
 * (docs/CALIBRATION.md "The point estimate"). History matching weighs its final sample by the
 * emulated likelihood, and the emulators' own variance is most of the likelihood's variance (94–98%
 * in the waves of issue 12's seventh run), so the highest-weight draw is the emulators' best guess,
 * not the model's. Here the heaviest {@code candidates} draws of the posterior are each simulated {@code repeats} times
 * with fresh seeds; each statistic's mean over the repeats stands in for the emulator's prediction, and
 * the draw with the highest simulated log-likelihood is the point estimate. The likelihood is history
 * matching's own (the same denominator, {@code HistoryMatching.denominatorVariance}), with the
 * emulator's variance replaced by that of a mean of {@code repeats} evaluations, σ²_k / repeats. σ²_k,
 * one evaluation's variance, is pooled within candidates over all of them (as history matching pools
 * its repeats over the design points).
 *
 * <p>Determinism: the seed of candidate i's repeat r comes from
 * {@code Seeds.generator(CALIBRATION, mix(seed ^ POINT_SALT), r << 32 | i)}, a stream no wave uses; the
 * result does not depend on the thread count.
 */
public final class PointEstimate {
    /** The file the choice is written to in the calibration's results folder. */
    public static final String FILE = "point-estimate.csv";

    private static final long POINT_SALT = 0x484d_504f_494e_5445L;

    /**
     * One candidate: its posterior draw id and weight, its statistics' means over the repeats (NaN where
     * every repeat left the statistic undefined) and its simulated log-likelihood (up to a constant
     * shared by every candidate; −∞ when no statistic is defined).
     */
    public record Candidate(long draw, double weight, List<KeyOverride> parameters, double[] means, double logLikelihood) {
    }

    /**
     * What the choice found: the statistics (names, observed values, scales, stochastic shares, and
     * one evaluation's pooled variance) and the candidates in weight order.
     */
    public record Result(List<String> names, double[] observed, double[] scales, double[] shares, double[] noise,
            int repeats, List<Candidate> candidates) {

        /** The candidate of highest simulated log-likelihood (the heavier one on a tie). */
        public Candidate chosen() {
            Candidate best = candidates.get(0);
            for (Candidate c : candidates) {
                if (c.logLikelihood() > best.logLikelihood()) {
                    best = c;
                }
            }
            return best;
        }
    }

    private PointEstimate() {
    }

    /**
     * Simulates the {@code candidates} heaviest draws of {@code posterior} ({@code repeats} evaluations
     * each, every target) and scores them.
     *
     * @throws IllegalArgumentException if {@code repeats} is below 2 (they estimate the noise)
     */
    public static Result choose(List<CalibrationTarget> targets, long seed, ParameterSample posterior, int candidates,
            int repeats, double observationSd, double discrepancy, RunExecutor executor, StopSignal stop)
            throws InterruptedException, IOException, ScenarioException {
        return choose(targets, seed, posterior, candidates, repeats, observationSd, discrepancy, executor, stop,
                (candidate, runs) -> { });
    }

    /** Told after each candidate's evaluations: the candidate (0-based, weight order) and the runs they took. */
    @FunctionalInterface
    public interface Listener {
        void candidateDone(int candidate, long runs);
    }

    /**
     * As {@link #choose(List, long, ParameterSample, int, int, double, double, RunExecutor, StopSignal)},
     * telling {@code listener} as each candidate is done; a requested stop ends it between evaluations
     * with an {@link InterruptedException}, before anything is returned.
     */
    public static Result choose(List<CalibrationTarget> targets, long seed, ParameterSample posterior, int candidates,
            int repeats, double observationSd, double discrepancy, RunExecutor executor, StopSignal stop,
            Listener listener) throws InterruptedException, IOException, ScenarioException {
        if (repeats < 2 || candidates < 1) {
            throw new IllegalArgumentException("at least one candidate and two repeats (they estimate the noise)");
        }
        Integer[] order = new Integer[posterior.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -posterior.weight(i)).thenComparingInt(i -> i));
        int n = Math.min(candidates, order.length);
        long runsPerCandidate = 0;
        for (CalibrationTarget target : targets) {
            runsPerCandidate += (long) repeats * target.runsPerEvaluation();
        }
        // values[i][k][r]: candidate i, statistic k, repeat r. A candidate's repeats are evaluated together,
        // so progress is told per candidate.
        double[][][] values = new double[n][][];
        List<List<KeyOverride>> parameterSets = new ArrayList<>(n);
        CalibrationTarget.Evaluation first = null;
        for (int i = 0; i < n; i++) {
            List<KeyOverride> parameters = posterior.overrides(order[i]);
            parameterSets.add(parameters);
            List<List<KeyOverride>> sets = new ArrayList<>(repeats);
            long[] seeds = new long[repeats];
            for (int r = 0; r < repeats; r++) {
                sets.add(parameters);
                seeds[r] = Seeds.generator(Seeds.Purpose.CALIBRATION, Seeds.mix(seed ^ POINT_SALT), ((long) r << 32) | i)
                        .nextLong();
            }
            List<CalibrationTarget.Evaluation> evs = CalibrationTarget.evaluateTogether(targets, sets, seeds, executor, stop);
            first = first == null ? evs.get(0) : first;
            values[i] = new double[first.names().size()][repeats];
            for (int r = 0; r < repeats; r++) {
                double[] simulated = evs.get(r).simulated();
                for (int k = 0; k < simulated.length; k++) {
                    values[i][k][r] = simulated[k];
                }
            }
            listener.candidateDone(i, runsPerCandidate);
        }
        int m = first.names().size();
        double[][] means = new double[n][m];
        double[] noise = new double[m];
        for (int k = 0; k < m; k++) {
            double[][] perCandidate = new double[n][];
            for (int i = 0; i < n; i++) {
                perCandidate[i] = values[i][k];
            }
            Repeats summary = Repeats.of(perCandidate);
            noise[k] = summary.pooledVariance();
            for (int i = 0; i < n; i++) {
                means[i][k] = summary.means()[i];
            }
        }
        List<Candidate> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double ll = logLikelihood(means[i], first.observed(), first.scales(), first.stochasticShares(), noise, repeats,
                    observationSd, discrepancy);
            out.add(new Candidate(posterior.drawId(order[i]), posterior.weight(order[i]), parameterSets.get(i), means[i], ll));
        }
        return new Result(first.names(), first.observed(), first.scales(), first.stochasticShares(), noise, repeats, out);
    }

    /**
     * Σ_k −½ (z_k − m_k)² / V_k over the statistics with a defined mean and noise, V_k history matching's
     * denominator with σ²_k / repeats as the "emulator" variance; −∞ when none is defined.
     */
    static double logLikelihood(double[] means, double[] observed, double[] scales, double[] shares, double[] noise,
            int repeats, double observationSd, double discrepancy) {
        double sum = 0;
        int used = 0;
        for (int k = 0; k < means.length; k++) {
            if (Double.isNaN(means[k]) || Double.isNaN(noise[k])) {
                continue;
            }
            double v = HistoryMatching.denominatorVariance(noise[k] / repeats, noise[k], shares[k], scales[k],
                    observationSd, discrepancy);
            double d = observed[k] - means[k];
            sum -= 0.5 * d * d / v;
            used++;
        }
        return used == 0 ? Double.NEGATIVE_INFINITY : sum;
    }
}
