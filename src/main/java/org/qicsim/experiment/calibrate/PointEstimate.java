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
        List<List<KeyOverride>> sets = new ArrayList<>(n * repeats);
        long[] seeds = new long[n * repeats];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < repeats; r++) {
                sets.add(posterior.overrides(order[i]));
                seeds[i * repeats + r] = Seeds.generator(Seeds.Purpose.CALIBRATION, Seeds.mix(seed ^ POINT_SALT),
                        ((long) r << 32) | i).nextLong();
            }
        }
        // values[e][k]: evaluation e (candidate e / repeats), statistic k, every target's concatenated. A
        // candidate's repeats are evaluated together, target by target, so progress is told per candidate.
        List<String> names = new ArrayList<>();
        List<double[]> perStatistic = new ArrayList<>(); // observed, scale, share
        double[][] values = new double[sets.size()][];
        long runsPerCandidate = 0;
        for (CalibrationTarget target : targets) {
            runsPerCandidate += (long) repeats * target.runsPerEvaluation();
        }
        for (int i = 0; i < n; i++) {
            List<List<KeyOverride>> mine = sets.subList(i * repeats, (i + 1) * repeats);
            int k = 0;
            for (CalibrationTarget target : targets) {
                long[] targetSeeds = new long[repeats];
                for (int r = 0; r < repeats; r++) {
                    targetSeeds[r] = Seeds.mix(seeds[i * repeats + r] ^ Seeds.splitMix64(k));
                }
                List<CalibrationTarget.Evaluation> evs = target.evaluateAll(mine, targetSeeds, executor, stop);
                if (i == 0) {
                    CalibrationTarget.Evaluation first = evs.get(0);
                    names.addAll(first.names());
                    for (int j = 0; j < first.names().size(); j++) {
                        perStatistic.add(new double[] {first.observed()[j], first.scales()[j], first.stochasticShares()[j]});
                    }
                }
                for (int r = 0; r < repeats; r++) {
                    values[i * repeats + r] = concat(values[i * repeats + r], evs.get(r).simulated());
                }
                k++;
            }
            listener.candidateDone(i, runsPerCandidate);
        }
        int m = names.size();
        double[] observed = new double[m];
        double[] scales = new double[m];
        double[] shares = new double[m];
        for (int j = 0; j < m; j++) {
            observed[j] = perStatistic.get(j)[0];
            scales[j] = perStatistic.get(j)[1];
            shares[j] = perStatistic.get(j)[2];
        }
        double[][] means = new double[n][m];
        double[] noise = pooledVariance(values, n, repeats, means);
        List<Candidate> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double ll = logLikelihood(means[i], observed, scales, shares, noise, repeats, observationSd, discrepancy);
            out.add(new Candidate(posterior.drawId(order[i]), posterior.weight(order[i]), posterior.overrides(order[i]),
                    means[i], ll));
        }
        return new Result(names, observed, scales, shares, noise, repeats, out);
    }

    private static double[] concat(double[] a, double[] b) {
        if (a == null) {
            return b.clone();
        }
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * Each statistic's variance within candidates, pooled over them (NaNs left out), and each
     * candidate's means into {@code means}; NaN for a statistic with no within-candidate degree of freedom.
     */
    static double[] pooledVariance(double[][] values, int candidates, int repeats, double[][] means) {
        int m = values[0].length;
        double[] noise = new double[m];
        for (int k = 0; k < m; k++) {
            double within = 0;
            long df = 0;
            for (int i = 0; i < candidates; i++) {
                double sum = 0;
                int count = 0;
                for (int r = 0; r < repeats; r++) {
                    double v = values[i * repeats + r][k];
                    if (!Double.isNaN(v)) {
                        sum += v;
                        count++;
                    }
                }
                double mean = count == 0 ? Double.NaN : sum / count;
                means[i][k] = mean;
                for (int r = 0; r < repeats && count > 1; r++) {
                    double v = values[i * repeats + r][k];
                    if (!Double.isNaN(v)) {
                        within += (v - mean) * (v - mean);
                    }
                }
                df += Math.max(0, count - 1);
            }
            noise[k] = df == 0 ? Double.NaN : within / df;
        }
        return noise;
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
