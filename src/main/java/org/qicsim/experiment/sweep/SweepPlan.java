package org.qicsim.experiment.sweep;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.qicsim.experiment.CounterfactualCache;
import org.qicsim.experiment.ParameterSample;
import org.qicsim.experiment.RunIndex;
import org.qicsim.experiment.RunPlan;
import org.qicsim.experiment.RunSpec;
import org.qicsim.experiment.Seeds;
import org.qicsim.experiment.StopSignal;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.Problem;
import org.qicsim.scenario.ResolvedScenario;
import org.qicsim.scenario.ScenarioException;
import org.qicsim.scenario.tree.Location;

/**
 * How a sweep's runs are organised, decided before any runs: every point's scenario is resolved
 * once (in parallel) to check it and to learn its world, points of the same world are grouped so
 * that they share one counterfactual per replicate (MODEL.md §3), and the replicates are cut into
 * blocks small enough that the counterfactuals held at once fit {@link #COUNTERFACTUAL_BUDGET}.
 *
 * <p>Run order: block by block; within a block, world group by world group (groups in order of
 * their first point); within a group, point by point in id order; within a point, its replicates
 * of the block. A counterfactual is then needed only while its group's stretch of the block runs,
 * so at most a block's worth (plus the runs in flight) is held, whatever the number of runs. The
 * order changes nothing in the results: each run is a pure function of its point and seed, and
 * stored rows are keyed by (point, replicate).
 *
 * <p>Run seeds (MODEL.md §7): with common random numbers, replicate r of every point runs with
 * {@code Seeds.runSeed(masterSeed, r)}; without, with {@code Seeds.runSeed(Seeds.pointSeed(masterSeed,
 * point), r)}, and no point shares a counterfactual.
 */
public final class SweepPlan implements RunPlan {

    /** Heap the shared counterfactuals of one block may take (an estimate, see {@link #counterfactualBytes}). */
    public static final long COUNTERFACTUAL_BUDGET = 128L << 20;
    /** Points resolved per planning task. */
    private static final int CHUNK = 32;
    /** Invalid points reported in full; the rest are counted. */
    private static final int REPORTED_POINTS = 10;

    private final ExperimentFile experiment;
    private final PointScenarios scenarios;
    /** Points (1-based ids) ordered by world group, then id. */
    private final int[] order;
    /** Start of each group in {@link #order}; one extra entry holds its length. */
    private final int[] groupStart;
    /** World group (0-based) of each point, by point − 1. */
    private final int[] groupOf;
    private final int replications;
    private final int blockSize;
    private final long counterfactualArms;
    private final double siteMonths;
    /**
     * The runs this plan executes, as {@link #index} bits, or null for all of them: a shard's runs
     * ({@link Shard}), or the rounds of adaptive replication so far ({@link AdaptiveReplication}).
     */
    private final BitSet planned;
    /** With {@code --parameters}: the sample and the row each replicate runs; else null. */
    private ParameterSample parameters;
    private int[] parameterRows;

    private SweepPlan(ExperimentFile experiment, PointScenarios scenarios, int[] group, int groups, int replications,
            int blockSize, double siteMonths) {
        this.experiment = experiment;
        this.scenarios = scenarios;
        this.groupOf = group;
        this.replications = replications;
        this.blockSize = blockSize;
        this.siteMonths = siteMonths;
        this.planned = null;
        int points = group.length;
        groupStart = new int[groups + 1];
        for (int g : group) {
            groupStart[g + 1]++;
        }
        for (int g = 0; g < groups; g++) {
            groupStart[g + 1] += groupStart[g];
        }
        order = new int[points];
        int[] fill = groupStart.clone();
        for (int p = 0; p < points; p++) {
            order[fill[group[p]]++] = p + 1;
        }
        counterfactualArms = (long) groups * replications;
    }

    /**
     * Resolves and checks every point on {@code threads} threads and plans the runs, for the
     * experiment's replicates.
     *
     * @throws ScenarioException naming the first invalid points (each problem located at the
     *     experiment or scenario line that causes it) and how many more there are
     */
    public static SweepPlan of(ExperimentFile experiment, int threads) throws ScenarioException, InterruptedException {
        return of(experiment, threads, experiment.replications());
    }

    /**
     * Resolves and checks every point on {@code threads} threads and plans the runs, for up to
     * {@code replications} replicates a point (adaptive replication's cap; {@link #withPlanned}
     * then says which of them run).
     *
     * @throws ScenarioException naming the first invalid points (each problem located at the
     *     experiment or scenario line that causes it) and how many more there are
     */
    public static SweepPlan of(ExperimentFile experiment, int threads, int replications)
            throws ScenarioException, InterruptedException {
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be >= 1, was " + replications);
        }
        PointScenarios scenarios = new PointScenarios(experiment);
        int points = experiment.design().size();
        String[] worlds = new String[points];
        int[] sizes = new int[3];
        double siteMonths = 0;
        List<ScenarioException> invalid = new ArrayList<>();
        int invalidPoints = 0;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "qicsim-plan");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Chunk>> chunks = new ArrayList<>();
            for (int from = 1; from <= points; from += CHUNK) {
                int start = from;
                int end = Math.min(points, from + CHUNK - 1);
                chunks.add(pool.submit(() -> resolve(scenarios, start, end)));
            }
            for (Future<Chunk> f : chunks) {
                Chunk c = get(f);
                siteMonths += c.siteMonths();
                System.arraycopy(c.worlds(), 0, worlds, c.from() - 1, c.worlds().length);
                for (int i = 0; i < sizes.length; i++) {
                    sizes[i] = Math.max(sizes[i], c.sizes()[i]);
                }
                invalidPoints += c.failures().size();
                for (ScenarioException e : c.failures()) {
                    if (invalid.size() < REPORTED_POINTS) {
                        invalid.add(e);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (invalidPoints > 0) {
            List<Problem> problems = new ArrayList<>();
            invalid.forEach(e -> problems.addAll(e.problems()));
            if (invalidPoints > invalid.size()) {
                problems.add(Problem.error(Location.ofFile(experiment.file().normalize().toString()), "",
                        (invalidPoints - invalid.size()) + " more of the " + points + " design points are invalid"));
            }
            throw new ScenarioException(problems);
        }
        int[] group = new int[points];
        int groups;
        if (experiment.commonRandomNumbers()) {
            // Lookups only: the map is never iterated, so its order cannot reach the output.
            Map<String, Integer> groupOf = new HashMap<>();
            for (int p = 0; p < points; p++) {
                group[p] = groupOf.computeIfAbsent(worlds[p], w -> groupOf.size());
            }
            groups = groupOf.size();
        } else {
            for (int p = 0; p < points; p++) {
                group[p] = p;
            }
            groups = points;
        }
        int reps = replications;
        int block = reps;
        if (groups < points) {
            long perArm = counterfactualBytes(sizes[0], sizes[1], sizes[2]);
            block = (int) Math.max(1, Math.min(reps, COUNTERFACTUAL_BUDGET / perArm));
        }
        return new SweepPlan(experiment, scenarios, group, groups, reps, block, siteMonths);
    }

    private SweepPlan(SweepPlan plan, int blockSize, BitSet planned) {
        this.experiment = plan.experiment;
        this.scenarios = plan.scenarios;
        this.order = plan.order;
        this.groupStart = plan.groupStart;
        this.groupOf = plan.groupOf;
        this.replications = plan.replications;
        this.counterfactualArms = plan.counterfactualArms;
        this.siteMonths = plan.siteMonths;
        this.blockSize = blockSize;
        this.planned = planned == null ? null : (BitSet) planned.clone();
        this.parameters = plan.parameters;
        this.parameterRows = plan.parameterRows;
    }

    /** This plan restricted to the runs {@code planned} ({@link #index} bits; null: every run). */
    public SweepPlan withPlanned(BitSet planned) {
        if (planned != null && planned.length() > runs()) {
            throw new IllegalArgumentException("planned runs beyond the plan's " + runs());
        }
        return new SweepPlan(this, blockSize, planned);
    }

    /** Whether replicate {@code replicate} of point {@code point} is to run (see {@link #withPlanned}). */
    @Override
    public boolean planned(int point, int replicate) {
        return planned == null || planned.get(index(point, replicate));
    }

    /** The runs to do, as {@link #index} bits. */
    public BitSet plannedRuns() {
        if (planned != null) {
            return (BitSet) planned.clone();
        }
        BitSet all = new BitSet();
        all.set(0, (int) runs());
        return all;
    }

    /** How many runs are to do. */
    @Override
    public long plannedCount() {
        return planned == null ? runs() : planned.cardinality();
    }

    /** Replicates of {@code point} to run; they are 0 … n − 1 unless the plan is a shard's. */
    public int plannedReplicates(int point) {
        if (planned == null) {
            return replications;
        }
        int from = index(point, 0);
        return planned.get(from, from + replications).cardinality();
    }

    /** The world group (0-based, in order of first point) of {@code point}. */
    public int groupOf(int point) {
        return groupOf[point - 1];
    }

    /**
     * This plan with replicate r of every point running draw {@code rows[r]} of a posterior sample
     * ({@code sweep --parameters}; see {@link ParameterSample#rowsForReplicates}): the same draw for
     * every point at a replicate, so points stay paired draw by draw.
     */
    public SweepPlan withParameters(ParameterSample sample) {
        SweepPlan p = new SweepPlan(this, blockSize, planned);
        p.parameters = sample;
        p.parameterRows = sample.rowsForReplicates(replications(), experiment.masterSeed());
        return p;
    }

    /** The parameter overrides of replicate r, or an empty list without a sample. */
    List<KeyOverride> parameterOverrides(int replicate) {
        return parameters == null ? List.of() : parameters.overrides(parameterRows[replicate]);
    }

    /** Whether replicates run parameter draws. */
    public boolean hasParameters() {
        return parameters != null;
    }

    /** This plan with replicate blocks of {@code blockSize} (tests of the run order). */
    SweepPlan withBlockSize(int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("blockSize must be >= 1, was " + blockSize);
        }
        return new SweepPlan(this, blockSize, planned);
    }

    /** Resolved points [from, to]: their world hashes, largest sizes, and the failures. */
    private record Chunk(int from, String[] worlds, int[] sizes, double siteMonths, List<ScenarioException> failures) {
    }

    private static Chunk resolve(PointScenarios scenarios, int from, int to) {
        String[] worlds = new String[to - from + 1];
        int[] sizes = new int[3];
        double siteMonths = 0;
        List<ScenarioException> failures = new ArrayList<>();
        for (int id = from; id <= to; id++) {
            try {
                ResolvedScenario r = scenarios.resolve(id);
                worlds[id - from] = r.worldSha256();
                var s = r.scenario();
                sizes[0] = Math.max(sizes[0], s.sites().count());
                sizes[1] = Math.max(sizes[1], s.horizonMonths());
                sizes[2] = Math.max(sizes[2], s.practices().count());
                siteMonths += (double) s.sites().count() * s.horizonMonths();
            } catch (ScenarioException e) {
                failures.add(e);
            }
        }
        return new Chunk(from, worlds, sizes, siteMonths, failures);
    }

    private static Chunk get(Future<Chunk> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * A generous estimate of the heap one counterfactual takes: its per-site monthly series (five
     * arrays of months × sites doubles), each site's 64 execution patterns over the practices, the
     * sites × sites tie matrix, and a fixed part. 60 sites over 48 months come to about 0.5 MB.
     */
    static long counterfactualBytes(int sites, int months, int practices) {
        return 40L * months * sites + 520L * practices * sites + 8L * sites * sites + (64L << 10);
    }

    public ExperimentFile experiment() {
        return experiment;
    }

    public PointScenarios scenarios() {
        return scenarios;
    }

    public int points() {
        return order.length;
    }

    /** Replicates a point may have: the experiment's, or adaptive replication's cap. */
    public int replications() {
        return replications;
    }

    /** Points × replicates. */
    public long runs() {
        return (long) points() * replications();
    }

    /** Replicates per block of the run order. */
    public int blockSize() {
        return blockSize;
    }

    /** Groups of points sharing a world (one per point without common random numbers). */
    public int groups() {
        return groupStart.length - 1;
    }

    /** The points of group g, in id order. */
    int[] groupPoints(int g) {
        return java.util.Arrays.copyOfRange(order, groupStart[g], groupStart[g + 1]);
    }

    /** Counterfactual arms a complete sweep computes: one per world group and replicate. */
    public long counterfactualArms() {
        return counterfactualArms;
    }

    /**
     * Site-months a complete sweep simulates, counterfactual arms included (at the points' mean
     * size): what its run time is proportional to.
     */
    public double siteMonths() {
        return siteMonths * replications() + counterfactualArms * (siteMonths / points());
    }

    /** The seed of replicate {@code replicate} of point {@code point} (MODEL.md §7; see the class comment). */
    public long runSeed(int point, int replicate) {
        long master = experiment.masterSeed();
        return Seeds.runSeed(experiment.commonRandomNumbers() ? master : Seeds.pointSeed(master, point), replicate);
    }

    /** The plan's runs as a store numbers them: points 1..n, every replicate a point may have. */
    @Override
    public RunIndex runIndex() {
        return new RunIndex(1, points(), replications());
    }

    /**
     * The planned runs not stored yet in the plan's order ({@link RunSequence}: block by block,
     * world group by group, each stretch's counterfactual uses announced just before it).
     */
    @Override
    public Iterator<RunSpec> pending(BitSet stored, CounterfactualCache cache, StopSignal stop) {
        return new RunSequence(this, stored, cache, stop);
    }

    /** The index of (point, replicate) in a bit set of stored runs: (point − 1)·replications + replicate. */
    public int index(int point, int replicate) {
        return (point - 1) * replications() + replicate;
    }
}
