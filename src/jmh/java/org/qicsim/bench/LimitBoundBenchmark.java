package org.qicsim.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
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
import org.qicsim.model.Draws;
import org.qicsim.model.Run;
import org.qicsim.model.RunResult;
import org.qicsim.model.Streams;
import org.qicsim.scenario.ResolvedScenario;
import org.qicsim.scenario.ScenarioLoader;

/**
 * The engine's target (issue 11): one michigan-cqi run with its counterfactual ({@link #michiganRun})
 * against the <em>limit bound</em> ({@link #limitBound}), the unavoidable work of such a run written
 * under the model's own rules, measured in the same JMH run so their ratio is taken on one machine
 * under one load.
 *
 * <p>The bound does, for each of 60 sites × 48 months × 2 arms and nothing else: one keyed
 * {@link SplittableRandom} per drawing key (patients, execution, as the model's {@link Streams}
 * derive them), the month's patient count n ~ Poisson(λ_j) by inversion, the outcome counts of 5
 * risk strata (the stratum counts by sequential conditional binomials, then Binomial(n_s, p_s)
 * events, each by inversion of one uniform, p_s = σ(·) by {@link StrictMath#exp}), one Bernoulli
 * execution draw per practice (10), and one landscape look-up in a tabulated table. Volumes and
 * landscape values are fixed per site, as a world would give them.
 *
 * <pre>
 *   java -cp target/qicsim.jar org.openjdk.jmh.Main LimitBoundBenchmark -f 1 -wi 3 -i 5 -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LimitBoundBenchmark {
    static final int SITES = 60;
    static final int MONTHS = 48;
    static final int PRACTICES = 10;
    static final int STRATA = 5;

    private ResolvedScenario scenario;
    private int replicate;
    private long boundReplicate;
    private final double[] volume = new double[SITES];
    private final double[] siteOffset = new double[SITES];
    private final double[][] fidelity = new double[SITES][PRACTICES];
    private final double[][] quality = new double[SITES][1 << PRACTICES];
    /** Stratum risk offsets (quintile midpoints of N(0, 0.8²)) and shares. */
    private final double[] stratumRisk = new double[STRATA];

    @Setup(Level.Trial)
    public void load() throws Exception {
        scenario = ScenarioLoader.load(Path.of("scenarios/michigan-cqi.yaml"), List.of());
        SplittableRandom r = new SplittableRandom(20231201L);
        for (int j = 0; j < SITES; j++) {
            volume[j] = StrictMath.exp(StrictMath.log(40) + 0.6 * Draws.normal(r));
            siteOffset[j] = -2.0 + 0.3 * Draws.normal(r);
            for (int i = 0; i < PRACTICES; i++) {
                fidelity[j][i] = r.nextDouble();
            }
            for (int x = 0; x < quality[j].length; x++) {
                quality[j][x] = r.nextDouble();
            }
        }
        for (int s = 0; s < STRATA; s++) {
            stratumRisk[s] = 0.8 * Draws.normalQuantile((s + 0.5) / STRATA);
        }
    }

    @Benchmark
    public RunResult michiganRun() {
        long seed = Seeds.runSeed(scenario.scenario().seed(), replicate++);
        return Run.execute(scenario.scenario(), scenario::collaborativeAt, seed);
    }

    @Benchmark
    public long limitBound() {
        Streams streams = new Streams(boundReplicate++, SITES);
        long events = 0;
        for (int arm = 0; arm < 2; arm++) {
            for (int t = 0; t < MONTHS; t++) {
                for (int j = 0; j < SITES; j++) {
                    SplittableRandom execution = streams.of(Streams.Stream.EXECUTION, j, t);
                    int executed = 0;
                    for (int i = 0; i < PRACTICES; i++) {
                        if (execution.nextDouble() < fidelity[j][i]) {
                            executed |= 1 << i;
                        }
                    }
                    double offset = siteOffset[j] - 0.8 * quality[j][executed];
                    SplittableRandom patients = streams.of(Streams.Stream.PATIENTS, j, t);
                    int n = Draws.poisson(patients, volume[j]);
                    int left = n;
                    for (int s = 0; s < STRATA; s++) {
                        int ns = s == STRATA - 1 ? left
                                : binomial(Draws.uniform(patients), left, 1.0 / (STRATA - s));
                        left -= ns;
                        double x = offset + stratumRisk[s];
                        double p = 1.0 / (1.0 + StrictMath.exp(-x));
                        events += binomial(Draws.uniform(patients), ns, p);
                    }
                }
            }
        }
        return events;
    }

    /** Binomial(n, p) by inversion of one uniform, sequential search from 0. */
    static int binomial(double u, int n, double p) {
        if (n == 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        double q = 1.0 - p;
        double pk = StrictMath.pow(q, n);
        double cdf = pk;
        int k = 0;
        double ratio = p / q;
        while (u > cdf && k < n) {
            pk *= ratio * (n - k) / (k + 1);
            k++;
            cdf += pk;
        }
        return k;
    }
}
