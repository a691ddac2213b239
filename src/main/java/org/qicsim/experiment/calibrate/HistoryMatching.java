package org.qicsim.experiment.calibrate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.qicsim.experiment.RunExecutor;
import org.qicsim.experiment.Seeds;
import org.qicsim.experiment.StopSignal;
import org.qicsim.experiment.doe.Domain;
import org.qicsim.experiment.doe.Factor;
import org.qicsim.experiment.doe.LatinHypercube;
import org.qicsim.experiment.doe.DesignPoint;
import org.qicsim.results.UserInputException;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.ScenarioException;

/**
 * Bayesian history matching with Gaussian-process emulators (Craig, Goldstein, Seheult &amp; Smith
 * 1997; Vernon, Goldstein &amp; Bower 2010, Bayesian Anal 5:619; for stochastic epidemic models
 * Andrianakis et al. 2015, PLoS Comput Biol 11:e1003968), followed by an importance sample of the
 * posterior on the last wave's emulators. docs/CALIBRATION.md gives the method and the reasons.
 *
 * <p>Wave w (1, 2, …), everything in unit coordinates of the prior box:
 * <ol>
 *   <li><b>Design.</b> {@code points} points by Latin hypercube ({@link LatinHypercube}) over the
 *       bounding box of the current non-implausible region, keeping only points that every earlier
 *       wave's emulators leave non-implausible (repeated hypercubes until enough are kept).</li>
 *   <li><b>Runs.</b> Each point is evaluated {@code repeats} times with independent seeds (each
 *       evaluation: every target with the file's {@code replicates}).</li>
 *   <li><b>Emulators.</b> One {@link GaussianProcess} per summary statistic, trained on the means
 *       over repeats of every point run so far that lies in the region, the nugget of a point
 *       being σ²/repeats, σ² the statistic's variance between repeats pooled over the points.</li>
 *   <li><b>Implausibility</b> of x for statistic k:
 *       {@code I_k(x) = |z_k − E[f_k(x)]| / √(Var[f_k(x)] + r_k σ²_k + (o s_k)² + (δ s_k)²)}, with z_k the
 *       observed value, s_k its scale, o·s_k the observation's SD ({@code observationSd} o,
 *       default 1), σ²_k the simulator's variance of one evaluation, r_k the statistic's stochastic
 *       share (its variance as observed over one evaluation's: 1 for a metrics target, evaluation
 *       trials over the review's own count for a simulated review) and δ the model discrepancy as a
 *       share of the scale. x is
 *       non-implausible when the largest (or second largest) I_k is at most {@code cutoff}, for
 *       the emulators of every wave so far (and x is inside each wave's box).</li>
 *   <li><b>Region.</b> 10,000 uniform points in the wave's box estimate the non-implausible share
 *       of the prior's volume; the next box is the bounding box of the kept points widened by 10%
 *       of its width on each side.</li>
 * </ol>
 * Waves stop after {@code waves}, when a wave shrank the region by less than {@code minShrink} of
 * its previous size while its emulators' variance is under 10% of the implausibility's variance
 * (more runs would not sharpen them), when the region is empty, or when the next wave would exceed the run budget.
 *
 * <p><b>Final sample.</b> {@code samples} uniform points of the last non-empty region, weighted by
 * the Gaussian likelihood of the observations under the last wave's emulators,
 * {@code Π_k N(z_k; E[f_k(x)], Var[f_k(x)] + σ²_k + (o s_k)² + (δ s_k)²)}: an importance sample of the
 * posterior (prior restricted to the region, which removes only points of negligible likelihood),
 * with no further simulator run. The distance column is the emulator's expected ABC distance
 * {@code √Σ ((E[f_k(x)] − z_k) / s_k)²}.
 *
 * <p>Determinism: every design, evaluation seed and region sample comes from its own generator
 * {@code Seeds.generator(CALIBRATION, …)} indexed by wave and position; an emulator fit is a pure
 * function of its data. Batches have a fixed size. So the result is bit-identical whatever the
 * thread count, and a resumed calibration (which recomputes everything but the stored evaluations)
 * equals an uninterrupted one.
 */
public final class HistoryMatching {

    /** Which implausibility over the statistics must be below the cut-off. */
    public enum Rank {
        MAX("max"), SECOND_MAX("secondMax");

        private final String yamlName;

        Rank(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }

    /**
     * The method's settings.
     *
     * @param waves the most waves
     * @param points design points per wave
     * @param repeats evaluations per design point (at least 2: they estimate the simulator's noise)
     * @param cutoff the implausibility cut-off (3 by Pukelsheim's three-sigma rule)
     * @param implausibility max or second-max over the statistics
     * @param observationSd the observation's SD as a share of each statistic's scale
     * @param discrepancy model discrepancy SD as a share of each statistic's scale
     * @param minShrink stop when a wave keeps more than {@code 1 − minShrink} of the previous region
     * @param samples draws of the final importance sample
     * @param batch evaluations run at a time (fixed: the result does not depend on threads)
     */
    public record Settings(int waves, int points, int repeats, double cutoff, Rank implausibility, double observationSd,
            double discrepancy,
            double minShrink, int samples, GaussianProcess.Kernel kernel, GaussianProcess.Mean mean, int batch) {

        /** The defaults for {@code d} free parameters: 10·d points a wave (Loeppky, Sacks &amp; Welch 2009). */
        public static Settings defaults(int d) {
            int points = Math.max(10, 10 * d);
            return new Settings(5, points, 2, 3, Rank.MAX, 1, 0, 0.1, 1000, GaussianProcess.Kernel.SQUARED_EXPONENTIAL,
                    GaussianProcess.Mean.LINEAR, points);
        }
    }

    /**
     * A completed wave.
     *
     * @param points design points run in this wave
     * @param trainingPoints points the emulators were trained on
     * @param runs model runs of the whole calibration up to the end of this wave
     * @param nonImplausibleFraction estimated share of the prior's volume still non-implausible
     * @param emulatorVarianceShare over the non-implausible region, the mean share of the emulator's
     *        variance in the implausibility's variance, the largest over the statistics (NaN when empty)
     * @param looWithin2 share of leave-one-out standardised errors (all statistics) within ±2
     * @param looWithin3 share within ±3
     * @param looMaxAbs the largest absolute leave-one-out standardised error
     */
    public record Wave(int index, int points, int trainingPoints, long runs, double nonImplausibleFraction,
            double emulatorVarianceShare, double looWithin2, double looWithin3, double looMaxAbs, List<EmulatorSummary> emulators) {
    }

    /** What the diagnostics say of one statistic's emulator in one wave. */
    public record EmulatorSummary(String statistic, double observed, double scale, double noiseSd, double signalSd,
            double[] lengthScales, double looMaxAbs) {
    }

    /** Progress reports, on the calibrating thread. */
    public interface Listener {
        /** A batch of {@code runs} runs is evaluated (or was found in the state). */
        void batchDone(int wave, long runs, int evaluationsDone, int evaluationsInWave);

        /** A wave is complete. */
        void waveDone(Wave wave);
    }

    /** The outcome: the waves, the final weighted sample, why it stopped, runs spent. */
    public record Result(List<Wave> waves, List<AbcSmc.Particle> posterior, double ess, String stopReason, long runs) {
    }

    /** Uniform points per wave that estimate the non-implausible region. */
    static final int REGION_SAMPLES = 10_000;
    /**
     * A region that stopped shrinking ends the waves only when the emulators' variance is below this
     * share of the implausibility's variance (Vernon et al. 2010: more runs would not sharpen them);
     * otherwise another wave, with a better emulator, may still rule out more.
     */
    static final double EMULATOR_SHARE = 0.1;
    private static final long DESIGN_SALT = 0x484d_4445_5349_474eL;
    private static final long EVAL_SALT = 0x484d_4556_414c_5545L;
    private static final long REGION_SALT = 0x484d_5245_4749_4f4eL;
    private static final long FINAL_SALT = 0x484d_4649_4e41_4c53L;

    private final CalibrationFile calibration;
    private final List<Prior> priors;
    private final Settings settings;
    private final int dimensions;
    private final int runsPerEvaluation;
    private List<String> names;
    private double[] observed;
    private double[] scales;
    /** Each statistic's stochastic share (CalibrationTarget.Evaluation): σ²_k is scaled by it. */
    private double[] shares;

    public HistoryMatching(CalibrationFile calibration) {
        this.calibration = calibration;
        this.priors = calibration.priors();
        this.settings = calibration.historyMatching();
        if (settings == null) {
            throw new IllegalArgumentException("not a history-matching calibration");
        }
        this.dimensions = priors.size();
        this.runsPerEvaluation = calibration.runsPerEvaluation();
        long first = runsPerWave();
        if (calibration.runBudget() < first) {
            throw new UserInputException(calibration.file() + ": budget: runs " + calibration.runBudget()
                    + " cannot complete even wave 1, which needs " + first + " runs (" + settings.points()
                    + " points × " + settings.repeats() + " repeats × " + runsPerEvaluation + " runs per evaluation)");
        }
    }

    /** Model runs of one wave. */
    public long runsPerWave() {
        return (long) settings.points() * settings.repeats() * runsPerEvaluation;
    }

    /** The emulators of one wave: one per statistic, with their box and noise. */
    private record WaveEmulators(double[] low, double[] high, GaussianProcess[] gps, double[] noise) {
        boolean inside(double[] u) {
            for (int k = 0; k < u.length; k++) {
                if (u[k] < low[k] || u[k] > high[k]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Every evaluated point so far: its coordinates and, per statistic, its repeated values. */
    private record RunPoint(double[] u, double[][] values) {
    }

    /** Runs (or resumes, from {@code state}) the calibration. */
    public Result run(RunExecutor executor, StopSignal stop, HistoryMatchingState state, Listener listener)
            throws IOException, InterruptedException, ScenarioException {
        double[] low = new double[dimensions];
        double[] high = new double[dimensions];
        Arrays.fill(high, 1);
        List<WaveEmulators> emulators = new ArrayList<>();
        List<RunPoint> all = new ArrayList<>();
        List<Wave> waves = new ArrayList<>();
        long runs = 0;
        double previousFraction = 1;
        String reason = null;
        // The region the final sample is drawn from: the last non-empty one.
        double[] finalLow = low.clone();
        double[] finalHigh = high.clone();
        int finalWaves = 0;
        for (int w = 1; w <= settings.waves(); w++) {
            if (runs + runsPerWave() > calibration.runBudget()) {
                reason = "run budget";
                break;
            }
            List<double[]> design = design(w, low, high, emulators);
            if (design.size() < settings.points()) {
                reason = "design: only " + design.size() + " non-implausible points found for wave " + w;
                break;
            }
            double[][][] values = evaluateWave(w, design, executor, stop, state, listener);
            runs += runsPerWave();
            List<RunPoint> fresh = new ArrayList<>();
            for (int i = 0; i < design.size(); i++) {
                fresh.add(new RunPoint(design.get(i), values[i]));
            }
            all.addAll(fresh);
            List<RunPoint> training = new ArrayList<>();
            for (RunPoint p : all) {
                if (inBox(p.u(), low, high) && nonImplausible(p.u(), emulators)) {
                    training.add(p);
                }
            }
            WaveEmulators we = fit(training, low, high);
            double[] loo = looErrors(we);
            emulators.add(we);
            SplittableRandom random = Seeds.generator(Seeds.Purpose.CALIBRATION, Seeds.mix(calibration.seed() ^ REGION_SALT), w);
            double volume = 1;
            for (int k = 0; k < dimensions; k++) {
                volume *= high[k] - low[k];
            }
            double[] keptLow = new double[dimensions];
            double[] keptHigh = new double[dimensions];
            Arrays.fill(keptLow, Double.POSITIVE_INFINITY);
            Arrays.fill(keptHigh, Double.NEGATIVE_INFINITY);
            int kept = 0;
            double[] share = new double[names.size()];
            for (int s = 0; s < REGION_SAMPLES; s++) {
                double[] u = new double[dimensions];
                for (int k = 0; k < dimensions; k++) {
                    u[k] = low[k] + random.nextDouble() * (high[k] - low[k]);
                }
                if (nonImplausible(u, emulators)) {
                    kept++;
                    for (int k = 0; k < share.length; k++) {
                        double v = we.gps()[k].predict(u).variance();
                        share[k] += v / totalVariance(we, k, v);
                    }
                    for (int k = 0; k < dimensions; k++) {
                        keptLow[k] = Math.min(keptLow[k], u[k]);
                        keptHigh[k] = Math.max(keptHigh[k], u[k]);
                    }
                }
            }
            double fraction = volume * kept / REGION_SAMPLES;
            // The emulators' share of the implausibility's variance, largest over the statistics,
            // averaged over the region: small once more runs could no longer sharpen them.
            double emulatorShare = 0;
            for (double v : share) {
                emulatorShare = Math.max(emulatorShare, kept == 0 ? Double.NaN : v / kept);
            }
            Wave wave = new Wave(w, design.size(), training.size(), runs, fraction, emulatorShare, within(loo, 2),
                    within(loo, 3), maxAbs(loo), summaries(we));
            waves.add(wave);
            listener.waveDone(wave);
            if (kept == 0) {
                reason = "empty: no non-implausible point left after wave " + w;
                break;
            }
            for (int k = 0; k < dimensions; k++) {
                double widen = 0.1 * (keptHigh[k] - keptLow[k]);
                low[k] = Math.max(low[k], keptLow[k] - widen);
                high[k] = Math.min(high[k], keptHigh[k] + widen);
            }
            finalLow = low.clone();
            finalHigh = high.clone();
            finalWaves = emulators.size();
            if (fraction > (1 - settings.minShrink()) * previousFraction && emulatorShare < EMULATOR_SHARE) {
                reason = String.format(java.util.Locale.ROOT, "the region stopped shrinking (wave %d kept %.3g of the "
                        + "previous one; emulator variance share %.3g)", w, fraction / previousFraction, emulatorShare);
                break;
            }
            previousFraction = fraction;
        }
        if (reason == null) {
            reason = "waves";
        }
        if (emulators.isEmpty()) {
            throw new IllegalStateException("no wave completed");
        }
        this.emulators = List.copyOf(emulators);
        List<AbcSmc.Particle> posterior = finalSample(finalLow, finalHigh, emulators.subList(0, finalWaves),
                emulators.get(emulators.size() - 1));
        double squares = 0;
        for (AbcSmc.Particle p : posterior) {
            squares += p.weight() * p.weight();
        }
        return new Result(List.copyOf(waves), posterior, 1 / squares, reason, runs);
    }

    private static boolean inBox(double[] u, double[] low, double[] high) {
        for (int k = 0; k < u.length; k++) {
            if (u[k] < low[k] || u[k] > high[k]) {
                return false;
            }
        }
        return true;
    }

    /** {@code points} design points: Latin hypercubes over the box, implausible points rejected. */
    private List<double[]> design(int w, double[] low, double[] high, List<WaveEmulators> emulators) {
        List<Factor> factors = new ArrayList<>();
        for (int k = 0; k < dimensions; k++) {
            factors.add(new Factor("u" + k, new Domain.Interval(0, 1)));
        }
        LatinHypercube lhs = new LatinHypercube(settings.points());
        List<double[]> out = new ArrayList<>();
        for (int attempt = 0; attempt < 1000 && out.size() < settings.points(); attempt++) {
            SplittableRandom random = Seeds.generator(Seeds.Purpose.CALIBRATION, Seeds.mix(calibration.seed() ^ DESIGN_SALT),
                    ((long) w << 32) | attempt);
            for (DesignPoint p : lhs.generate(factors, random).points()) {
                double[] u = new double[dimensions];
                for (int k = 0; k < dimensions; k++) {
                    u[k] = low[k] + p.unit(k) * (high[k] - low[k]);
                }
                if (nonImplausible(u, emulators)) {
                    out.add(u);
                    if (out.size() == settings.points()) {
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** The values of every repeat of every design point: [point][statistic][repeat]. */
    private double[][][] evaluateWave(int w, List<double[]> design, RunExecutor executor, StopSignal stop,
            HistoryMatchingState state, Listener listener) throws IOException, InterruptedException, ScenarioException {
        int repeats = settings.repeats();
        int total = design.size() * repeats;
        int b = settings.batch();
        TreeMap<Integer, double[][]> stored = state.batches(w, b, total);
        double[][] rows = new double[total][];
        int done = 0;
        for (int batch = 0; batch * b < total; batch++) {
            int from = batch * b;
            int to = Math.min(total, from + b);
            double[][] values = stored.get(batch);
            if (values == null) {
                if (stop.isRequested()) {
                    throw new InterruptedException("stopped before batch " + batch + " of wave " + w);
                }
                values = evaluate(w, design, from, to, executor, stop);
                state.saveStatistics(names, observed, scales, shares);
                state.saveBatch(w, batch, from, values);
            } else if (names == null) {
                HistoryMatchingState.Statistics s = state.statistics();
                names = s.names();
                observed = s.observed();
                scales = s.scales();
                shares = s.shares();
            }
            System.arraycopy(values, 0, rows, from, to - from);
            done = to;
            listener.batchDone(w, (long) (to - from) * runsPerEvaluation, done, total);
        }
        int m = names.size();
        double[][][] out = new double[design.size()][m][repeats];
        for (int j = 0; j < total; j++) {
            for (int k = 0; k < m; k++) {
                out[j / repeats][k][j % repeats] = rows[j][k];
            }
        }
        return out;
    }

    /** Evaluations {@code from} to {@code to} − 1 of wave w: every target, its statistics concatenated. */
    private double[][] evaluate(int w, List<double[]> design, int from, int to, RunExecutor executor, StopSignal stop)
            throws IOException, InterruptedException, ScenarioException {
        int n = to - from;
        List<List<KeyOverride>> sets = new ArrayList<>(n);
        long[] seeds = new long[n];
        for (int j = from; j < to; j++) {
            sets.add(Parameters.at(priors, design.get(j / settings.repeats())));
            seeds[j - from] = Seeds.generator(Seeds.Purpose.CALIBRATION, Seeds.mix(calibration.seed() ^ EVAL_SALT),
                    ((long) w << 32) | j).nextLong();
        }
        List<CalibrationTarget.Evaluation> evaluations = CalibrationTarget.evaluateTogether(calibration.targets(), sets,
                seeds, executor, stop);
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            CalibrationTarget.Evaluation all = evaluations.get(i);
            if (names == null) {
                names = all.names();
                observed = all.observed();
                scales = all.scales();
                shares = all.stochasticShares();
            }
            out[i] = all.simulated();
        }
        return out;
    }

    /**
     * One emulator per statistic on the training points. Undefined values (NaN) are left out:
     * a point with no defined repeat is left out of that statistic's emulator.
     */
    private WaveEmulators fit(List<RunPoint> training, double[] low, double[] high) {
        int m = names.size();
        GaussianProcess[] gps = new GaussianProcess[m];
        double[] noise = new double[m];
        for (int k = 0; k < m; k++) {
            double[][] repeats = new double[training.size()][];
            for (int p = 0; p < repeats.length; p++) {
                repeats[p] = training.get(p).values()[k];
            }
            Repeats r = Repeats.of(repeats);
            if (Double.isNaN(r.pooledVariance())) {
                throw new IllegalStateException("statistic " + names.get(k) + " has no repeated defined values to "
                        + "estimate the simulator's noise");
            }
            noise[k] = r.pooledVariance();
            // A point with no defined repeat is left out of this statistic's emulator.
            List<double[]> xs = new ArrayList<>();
            List<Double> means = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            for (int p = 0; p < repeats.length; p++) {
                if (r.counts()[p] > 0) {
                    xs.add(training.get(p).u());
                    means.add(r.means()[p]);
                    counts.add(r.counts()[p]);
                }
            }
            double[] nugget = new double[counts.size()];
            for (int i = 0; i < nugget.length; i++) {
                nugget[i] = noise[k] / counts.get(i);
            }
            gps[k] = GaussianProcess.fit(xs.toArray(new double[0][]), means.stream().mapToDouble(Double::doubleValue).toArray(),
                    nugget, low, high, settings.kernel(), settings.mean());
        }
        return new WaveEmulators(low.clone(), high.clone(), gps, noise);
    }

    private static double[] looErrors(WaveEmulators we) {
        List<Double> out = new ArrayList<>();
        for (GaussianProcess gp : we.gps()) {
            for (double e : gp.looStandardisedErrors()) {
                out.add(e);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private List<EmulatorSummary> summaries(WaveEmulators we) {
        List<EmulatorSummary> out = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            GaussianProcess gp = we.gps()[k];
            out.add(new EmulatorSummary(names.get(k), observed[k], scales[k], StrictMath.sqrt(we.noise()[k]),
                    gp.signalSd(), gp.lengthScales(), maxAbs(gp.looStandardisedErrors())));
        }
        return out;
    }

    private static double within(double[] e, double bound) {
        int n = 0;
        int in = 0;
        for (double v : e) {
            if (!Double.isNaN(v)) {
                n++;
                if (StrictMath.abs(v) <= bound) {
                    in++;
                }
            }
        }
        return n == 0 ? Double.NaN : (double) in / n;
    }

    private static double maxAbs(double[] e) {
        double m = 0;
        for (double v : e) {
            if (!Double.isNaN(v)) {
                m = Math.max(m, StrictMath.abs(v));
            }
        }
        return m;
    }

    /** The variance in the implausibility's denominator, statistic k, emulator variance given. */
    private double totalVariance(WaveEmulators we, int k, double emulatorVariance) {
        return denominatorVariance(emulatorVariance, we.noise()[k], shares[k], scales[k], settings.observationSd(),
                settings.discrepancy());
    }

    /**
     * The implausibility's (and the likelihood's) variance: the emulator's, the simulator's variance
     * of one evaluation times the statistic's stochastic share (the variance of the statistic as
     * observed, e.g. a review of its own trial count rather than an evaluation's 30), the observation's
     * {@code (o·s)²} and the discrepancy's {@code (δ·s)²}.
     */
    static double denominatorVariance(double emulatorVariance, double noise, double share, double scale,
            double observationSd, double discrepancy) {
        double s2 = scale * scale;
        return emulatorVariance + noise * share + s2 * (observationSd * observationSd + discrepancy * discrepancy);
    }

    /**
     * The implausibility of {@code x} (unit coordinates) under each completed wave's emulators:
     * the ranked (max or second-max) value over the statistics, +∞ when x is outside that wave's box.
     * For checks such as "the truth was never ruled out".
     */
    public double[] implausibilityByWave(double[] u) {
        double[] out = new double[emulators.size()];
        for (int w = 0; w < out.length; w++) {
            WaveEmulators we = emulators.get(w);
            out[w] = we.inside(u) ? ranked(implausibilities(u, we)) : Double.POSITIVE_INFINITY;
        }
        return out;
    }

    /** The emulators of the last run, for {@link #implausibilityByWave}. */
    private List<WaveEmulators> emulators = List.of();

    private double[] implausibilities(double[] u, WaveEmulators we) {
        double[] out = new double[names.size()];
        for (int k = 0; k < out.length; k++) {
            GaussianProcess.Prediction p = we.gps()[k].predict(u);
            out[k] = StrictMath.abs(observed[k] - p.mean()) / StrictMath.sqrt(totalVariance(we, k, p.variance()));
        }
        return out;
    }

    /** Non-implausible under every wave's emulators (and inside every wave's box). */
    private boolean nonImplausible(double[] u, List<WaveEmulators> emulators) {
        for (WaveEmulators we : emulators) {
            if (!we.inside(u)) {
                return false;
            }
            double[] imp = implausibilities(u, we);
            if (ranked(imp) > settings.cutoff()) {
                return false;
            }
        }
        return true;
    }

    private double ranked(double[] imp) {
        double max = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        for (double v : imp) {
            double x = Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
            if (x > max) {
                second = max;
                max = x;
            } else if (x > second) {
                second = x;
            }
        }
        return settings.implausibility() == Rank.MAX || imp.length < 2 ? max : second;
    }

    /** The final importance sample: uniform points of the region, weighted by the emulated likelihood. */
    private List<AbcSmc.Particle> finalSample(double[] low, double[] high, List<WaveEmulators> region,
            WaveEmulators last) {
        List<double[]> points = new ArrayList<>();
        SplittableRandom random = Seeds.generator(Seeds.Purpose.CALIBRATION, Seeds.mix(calibration.seed() ^ FINAL_SALT));
        long cap = 1000L * settings.samples();
        for (long tries = 0; tries < cap && points.size() < settings.samples(); tries++) {
            double[] u = new double[dimensions];
            for (int k = 0; k < dimensions; k++) {
                u[k] = low[k] + random.nextDouble() * (high[k] - low[k]);
            }
            if (nonImplausible(u, region)) {
                points.add(u);
            }
        }
        if (points.isEmpty()) {
            throw new IllegalStateException("no point of the final region was found non-implausible");
        }
        double[] logW = new double[points.size()];
        double[] distance = new double[points.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < logW.length; i++) {
            double lw = 0;
            double d2 = 0;
            for (int k = 0; k < names.size(); k++) {
                GaussianProcess.Prediction p = last.gps()[k].predict(points.get(i));
                double v = totalVariance(last, k, p.variance());
                double r = observed[k] - p.mean();
                lw += -0.5 * r * r / v - 0.5 * StrictMath.log(v);
                double z = r / scales[k];
                d2 += z * z;
            }
            logW[i] = lw;
            distance[i] = StrictMath.sqrt(d2);
            max = Math.max(max, lw);
        }
        double sum = 0;
        double[] w = new double[logW.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = StrictMath.exp(logW[i] - max);
            sum += w[i];
        }
        List<AbcSmc.Particle> out = new ArrayList<>(w.length);
        for (int i = 0; i < w.length; i++) {
            out.add(new AbcSmc.Particle(points.get(i), w[i] / sum, distance[i]));
        }
        return List.copyOf(out);
    }

    /** The statistic names, once the first batch is evaluated. */
    public List<String> statistics() {
        return names;
    }
}
