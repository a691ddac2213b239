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
import org.qicsim.results.UserInputException;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.ScenarioException;

/**
 * Approximate Bayesian computation by sequential Monte Carlo: population Monte Carlo ABC (Beaumont,
 * Cornuet, Marin &amp; Robert 2009, Biometrika 96:983; Toni et al. 2009, J R Soc Interface 6:187)
 * with the tolerance set adaptively as a quantile of the previous generation's distances (Del Moral,
 * Doucet &amp; Jasra 2012, Stat Comput 22:1009; Lenormand, Jabot &amp; Deffuant 2013, Comput Stat
 * 28:2777). docs/CALIBRATION.md gives the reasons for the choice.
 *
 * <p>Everything happens in unit coordinates, where every prior is uniform on [0, 1]^d.
 * <ul>
 *   <li>Generation 0: proposals drawn from the prior; the first {@code particles} with a finite
 *       distance form the population, with equal weights (tolerance ∞).</li>
 *   <li>Generation t ≥ 1: tolerance ε_t = the {@code quantile} of generation t−1's distances.
 *       A proposal picks an ancestor by weight and moves it with a Gaussian kernel whose variance
 *       is twice the weighted variance of each coordinate in generation t−1 (Beaumont et al.),
 *       redrawing until it lies inside the prior's support; it is accepted when its distance is at
 *       most ε_t. The first {@code particles} accepted proposals, in proposal order, form the
 *       population, weighted 1 / Σ_j W_j K(θ_i | θ_j) (the prior density is constant) and
 *       normalised.</li>
 *   <li>It stops after {@code generations} generations, after a generation whose acceptance rate
 *       fell below {@code minAcceptanceRate}, or when the next batch would exceed the run budget;
 *       the posterior is the last complete generation.</li>
 * </ul>
 *
 * <p>Determinism: proposals are evaluated in batches of a fixed size; proposal i of generation t is
 * drawn from its own generator {@code Seeds.generator(CALIBRATION, seed, (t << 32) | i)}, which also
 * gives its evaluation seed. Nothing depends on the thread count or on timing, so the result is
 * bit-identical whatever {@code --threads}, and a resumed calibration (which regenerates the
 * proposals and reuses stored distances) equals an uninterrupted one.
 */
public final class AbcSmc {

    /**
     * The method's settings.
     *
     * @param particles population size N
     * @param quantile the quantile α of the previous distances that sets the next tolerance
     * @param generations the most generations (generation 0 included)
     * @param minAcceptanceRate stop after a generation whose acceptance rate is below this
     * @param batch proposals evaluated at a time (fixed: the result does not depend on threads)
     */
    public record Settings(int particles, double quantile, int generations, double minAcceptanceRate, int batch) {
        public static Settings defaults() {
            return new Settings(100, 0.5, 8, 0.02, 100);
        }
    }

    /** A particle: unit coordinates, normalised weight, distance. */
    public record Particle(double[] u, double weight, double distance) {
    }

    /**
     * A completed generation and its diagnostics.
     *
     * @param epsilon its tolerance (∞ for generation 0)
     * @param evaluations proposals evaluated (whole batches)
     * @param considered proposals up to and including the N-th accepted one
     * @param acceptanceRate particles / considered
     * @param ess effective sample size 1 / Σ w²
     * @param runs model runs of the whole calibration up to the end of this generation
     */
    public record Generation(int index, double epsilon, List<Particle> particles, long evaluations, long considered,
            double acceptanceRate, double ess, long runs) {
    }

    /** Progress reports, on the calibrating thread. */
    public interface Listener {
        /** A batch of {@code runs} runs is evaluated (or was found in the state); accepted so far of considered. */
        void batchDone(int generation, long runs, int accepted, long considered);

        /** A generation is complete. */
        void generationDone(Generation generation);
    }

    /** The outcome: every completed generation, why it stopped, runs spent. */
    public record Result(List<Generation> generations, String stopReason, long runs) {
        public Generation last() {
            return generations.get(generations.size() - 1);
        }
    }

    private final CalibrationFile calibration;
    private final List<Prior> priors;
    private final Settings settings;
    private final int dimensions;
    private final int runsPerEvaluation;

    public AbcSmc(CalibrationFile calibration) {
        this.calibration = calibration;
        this.priors = calibration.priors();
        this.settings = calibration.settings();
        this.dimensions = priors.size();
        this.runsPerEvaluation = calibration.runsPerEvaluation();
        long first = (long) batchesFor(settings.particles()) * settings.batch() * runsPerEvaluation;
        if (calibration.runBudget() < first) {
            throw new UserInputException(calibration.file() + ": budget: runs " + calibration.runBudget()
                    + " cannot complete even generation 0, which needs at least " + first + " runs ("
                    + settings.particles() + " particles in batches of " + settings.batch() + " × " + runsPerEvaluation
                    + " runs per evaluation)");
        }
    }

    private int batchesFor(int proposals) {
        return (proposals + settings.batch() - 1) / settings.batch();
    }

    /** Runs (or resumes, from {@code state}) the calibration. */
    public Result run(RunExecutor executor, StopSignal stop, CalibrationState state, Listener listener)
            throws IOException, InterruptedException, ScenarioException {
        List<Generation> done = new ArrayList<>(state.completed(dimensions));
        long runs = done.isEmpty() ? 0 : done.get(done.size() - 1).runs();
        for (Generation g : done) {
            listener.generationDone(g);
        }
        String reason = stopReason(done);
        while (reason == null) {
            int t = done.size();
            Generation previous = t == 0 ? null : done.get(t - 1);
            Generation next = generation(t, previous, runs, executor, stop, state, listener);
            if (next == null) {
                reason = "run budget";
                break;
            }
            state.saveGeneration(next);
            done.add(next);
            runs = next.runs();
            listener.generationDone(next);
            reason = stopReason(done);
        }
        if (done.isEmpty()) {
            throw new IllegalStateException("no generation completed");
        }
        return new Result(List.copyOf(done), reason, runs);
    }

    private String stopReason(List<Generation> done) {
        if (done.isEmpty()) {
            return null;
        }
        if (done.size() >= settings.generations()) {
            return "generations";
        }
        Generation last = done.get(done.size() - 1);
        if (last.index() > 0 && last.acceptanceRate() < settings.minAcceptanceRate()) {
            return "acceptance rate below " + settings.minAcceptanceRate();
        }
        return null;
    }

    /** One generation, or null when the run budget ends it first. */
    private Generation generation(int t, Generation previous, long runsBefore, RunExecutor executor, StopSignal stop,
            CalibrationState state, Listener listener) throws IOException, InterruptedException, ScenarioException {
        int n = settings.particles();
        int b = settings.batch();
        double epsilon = previous == null ? Double.POSITIVE_INFINITY : quantile(previous, settings.quantile());
        Kernel kernel = previous == null ? null : new Kernel(previous);
        TreeMap<Integer, double[]> stored = state.batches(t, b);
        List<Particle> accepted = new ArrayList<>();
        long runs = runsBefore;
        long considered = 0;
        int batch = 0;
        while (accepted.size() < n) {
            Proposal[] proposals = new Proposal[b];
            for (int i = 0; i < b; i++) {
                proposals[i] = propose(t, batch * b + i, previous, kernel);
            }
            double[] distances = stored.get(batch);
            if (distances == null) {
                if (runs + (long) b * runsPerEvaluation > calibration.runBudget()) {
                    return null;
                }
                if (stop.isRequested()) {
                    throw new InterruptedException("stopped before batch " + batch + " of generation " + t);
                }
                distances = evaluate(proposals, executor, stop);
                state.saveBatch(t, batch, b, distances);
            }
            runs += (long) b * runsPerEvaluation;
            for (int i = 0; i < b && accepted.size() < n; i++) {
                considered++;
                if (distances[i] <= epsilon && distances[i] < Double.POSITIVE_INFINITY) {
                    accepted.add(new Particle(proposals[i].u(), Double.NaN, distances[i]));
                }
            }
            batch++;
            listener.batchDone(t, (long) b * runsPerEvaluation, accepted.size(), considered);
        }
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            w[i] = kernel == null ? 1 : 1 / kernel.mixtureDensity(accepted.get(i).u());
            sum += w[i];
        }
        List<Particle> population = new ArrayList<>(n);
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double weight = w[i] / sum;
            squares += weight * weight;
            population.add(new Particle(accepted.get(i).u(), weight, accepted.get(i).distance()));
        }
        return new Generation(t, epsilon, List.copyOf(population), (long) batch * b, considered,
                (double) n / considered, 1 / squares, runs);
    }

    private record Proposal(double[] u, long seed) {
    }

    private Proposal propose(int t, int index, Generation previous, Kernel kernel) {
        SplittableRandom random = Seeds.generator(Seeds.Purpose.CALIBRATION, calibration.seed(), ((long) t << 32) | index);
        double[] u = new double[dimensions];
        if (previous == null) {
            for (int k = 0; k < dimensions; k++) {
                u[k] = random.nextDouble();
            }
        } else {
            kernel.move(random, u);
        }
        return new Proposal(u, random.nextLong());
    }

    /** Distances of a batch: every target evaluated for every proposal, combined as √Σ z². */
    private double[] evaluate(Proposal[] proposals, RunExecutor executor, StopSignal stop)
            throws IOException, InterruptedException, ScenarioException {
        List<List<KeyOverride>> sets = new ArrayList<>();
        long[] seeds = new long[proposals.length];
        for (int i = 0; i < proposals.length; i++) {
            sets.add(Parameters.at(priors, proposals[i].u()));
            seeds[i] = proposals[i].seed();
        }
        double[] squares = new double[proposals.length];
        for (List<CalibrationTarget.Evaluation> evaluations : CalibrationTarget.evaluateEach(calibration.targets(), sets,
                seeds, executor, stop)) {
            for (int i = 0; i < proposals.length; i++) {
                squares[i] += evaluations.get(i).squaredDistance();
            }
        }
        double[] distances = new double[proposals.length];
        for (int i = 0; i < distances.length; i++) {
            // A statistic the model left undefined (NaN) makes the proposal unacceptable.
            distances[i] = Double.isNaN(squares[i]) ? Double.POSITIVE_INFINITY : StrictMath.sqrt(squares[i]);
        }
        return distances;
    }

    /** The α-quantile (linear interpolation between order statistics) of a generation's distances. */
    static double quantile(Generation g, double alpha) {
        double[] d = new double[g.particles().size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = g.particles().get(i).distance();
        }
        Arrays.sort(d);
        double h = (d.length - 1) * alpha;
        int lo = (int) StrictMath.floor(h);
        int hi = Math.min(d.length - 1, lo + 1);
        return d[lo] + (h - lo) * (d[hi] - d[lo]);
    }

    /**
     * The perturbation kernel of a generation: per coordinate a Gaussian with variance twice the
     * weighted variance of the previous population (Beaumont et al. 2009), the ancestor drawn by
     * weight.
     */
    private final class Kernel {
        private final List<Particle> particles;
        private final double[] cumulative;
        private final double[] sigma;

        Kernel(Generation previous) {
            particles = previous.particles();
            cumulative = new double[particles.size()];
            double c = 0;
            for (int i = 0; i < particles.size(); i++) {
                c += particles.get(i).weight();
                cumulative[i] = c;
            }
            sigma = new double[dimensions];
            for (int k = 0; k < dimensions; k++) {
                double mean = 0;
                for (Particle p : particles) {
                    mean += p.weight() * p.u()[k];
                }
                mean /= c;
                double var = 0;
                for (Particle p : particles) {
                    var += p.weight() * (p.u()[k] - mean) * (p.u()[k] - mean);
                }
                var /= c;
                // A collapsed coordinate still needs a kernel that can move.
                sigma[k] = Math.max(StrictMath.sqrt(2 * var), 1e-6);
            }
        }

        void move(SplittableRandom random, double[] u) {
            for (int attempt = 0; attempt < 100_000; attempt++) {
                double v = random.nextDouble() * cumulative[cumulative.length - 1];
                int j = 0;
                while (j < cumulative.length - 1 && cumulative[j] <= v) {
                    j++;
                }
                double[] ancestor = particles.get(j).u();
                boolean inside = true;
                for (int k = 0; k < dimensions; k++) {
                    u[k] = ancestor[k] + sigma[k] * gaussian(random);
                    inside &= u[k] >= 0 && u[k] <= 1;
                }
                if (inside) {
                    return;
                }
            }
            throw new IllegalStateException("the perturbation kernel found no proposal inside the prior");
        }

        /** Σ_j W_j Π_k φ((u_k − u_jk) / σ_k) / σ_k, constants dropped (they cancel in the weights). */
        double mixtureDensity(double[] u) {
            double total = 0;
            for (Particle p : particles) {
                double exponent = 0;
                for (int k = 0; k < dimensions; k++) {
                    double z = (u[k] - p.u()[k]) / sigma[k];
                    exponent += z * z;
                }
                total += p.weight() * StrictMath.exp(-0.5 * exponent);
            }
            // Underflow guard: a proposal always lies near its ancestor, but far tails can round to 0.
            return Math.max(total, Double.MIN_NORMAL);
        }
    }

    /** A standard normal draw by the Box–Muller transform, with StrictMath so it is the same everywhere. */
    static double gaussian(SplittableRandom random) {
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }
}
