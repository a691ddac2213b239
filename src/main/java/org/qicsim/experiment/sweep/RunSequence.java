package org.qicsim.experiment.sweep;

import org.qicsim.experiment.StopSignal;
import java.util.BitSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.qicsim.experiment.CounterfactualCache;
import org.qicsim.experiment.DesignSpec;
import org.qicsim.experiment.RunSpec;
import org.qicsim.scenario.ResolvedScenario;
import org.qicsim.scenario.ScenarioException;

/**
 * The planned runs of a plan ({@link SweepPlan#planned}) that are not stored yet, in the plan's order, made as the executor asks for
 * them: a point's scenario is resolved when its first run is due and let go after its last, and
 * each stretch of one world group in one block announces its counterfactual uses to the cache just
 * before its first run, so neither the run list nor the scenarios are ever all in memory. It ends
 * early once a stop is requested. Used by the executor's calling thread only.
 */
final class RunSequence implements Iterator<RunSpec> {
    private final SweepPlan plan;
    private final BitSet stored;
    private final CounterfactualCache cache;
    private final StopSignal stop;
    private final int reps;

    private int block;
    private int group = -1;
    private int[] points = new int[0];
    private int position;
    private int replicate;
    private DesignSpec design;
    private String groupWorld;
    /** The segment's first point with work, resolved to learn the world and kept for its runs. */
    private int firstPoint;
    private ResolvedScenario firstResolved;
    private RunSpec next;

    RunSequence(SweepPlan plan, BitSet stored, CounterfactualCache cache, StopSignal stop) {
        this.plan = plan;
        this.stored = stored;
        this.cache = cache;
        this.stop = stop;
        this.reps = plan.replications();
    }

    @Override
    public boolean hasNext() {
        if (stop.isRequested()) {
            return false;
        }
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public RunSpec next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RunSpec run = next;
        next = null;
        return run;
    }

    private int blockStart() {
        return block * plan.blockSize();
    }

    private int blockEnd() {
        return Math.min(reps, blockStart() + plan.blockSize());
    }

    /** The next run not stored yet, or null at the end. */
    private RunSpec advance() {
        while (true) {
            if (design != null) {
                int point = design.point();
                while (replicate < blockEnd()) {
                    int r = replicate++;
                    if (todo(point, r)) {
                        return plan.hasParameters()
                                ? new RunSpec(design, r, plan.runSeed(point, r), resolve(point, r))
                                : new RunSpec(design, r, plan.runSeed(point, r));
                    }
                }
                design = null;
                position++;
            }
            if (position < points.length) {
                int point = points[position];
                if (hasWork(point)) {
                    ResolvedScenario resolved = point == firstPoint && firstResolved != null ? firstResolved : resolve(point);
                    firstResolved = null;
                    if (!resolved.worldSha256().equals(groupWorld)) {
                        throw new IllegalStateException("design point " + point + " is not in the world it was planned in");
                    }
                    design = new DesignSpec(point, "point-" + point, resolved);
                    replicate = blockStart();
                } else {
                    position++;
                }
                continue;
            }
            if (!nextSegment()) {
                return null;
            }
        }
    }

    /** Moves to the next (block, group) stretch that has runs to do and announces its uses; false at the end. */
    private boolean nextSegment() {
        while (true) {
            group++;
            if (group == plan.groups()) {
                group = 0;
                block++;
            }
            if (blockStart() >= reps) {
                return false;
            }
            points = plan.groupPoints(group);
            position = 0;
            int first = -1;
            int[] uses = new int[blockEnd() - blockStart()];
            for (int point : points) {
                for (int r = blockStart(); r < blockEnd(); r++) {
                    if (todo(point, r)) {
                        uses[r - blockStart()]++;
                        first = first < 0 ? point : first;
                    }
                }
            }
            if (first < 0) {
                continue;
            }
            // All points of a group share its world; the first with work tells which it is.
            firstPoint = first;
            firstResolved = resolve(first);
            groupWorld = firstResolved.worldSha256();
            for (int r = blockStart(); r < blockEnd(); r++) {
                if (uses[r - blockStart()] > 0) {
                    // With parameter draws the world is the group's world with replicate r's draw applied.
                    String world = plan.hasParameters() ? resolve(first, r).worldSha256() : groupWorld;
                    cache.expect(new CounterfactualCache.Key(world, r, plan.runSeed(first, r)), uses[r - blockStart()]);
                }
            }
            return true;
        }
    }

    /** Whether (point, r) is planned (a shard's, or in the adaptive rounds so far) and not stored yet. */
    private boolean todo(int point, int r) {
        return plan.planned(point, r) && !stored.get(plan.index(point, r));
    }

    private boolean hasWork(int point) {
        for (int r = blockStart(); r < blockEnd(); r++) {
            if (todo(point, r)) {
                return true;
            }
        }
        return false;
    }

    /** Point {@code point} with replicate {@code r}'s parameter draw. */
    private ResolvedScenario resolve(int point, int r) {
        try {
            return plan.scenarios().resolve(point, plan.parameterOverrides(r));
        } catch (ScenarioException e) {
            throw new IllegalStateException("design point " + point + " with the parameter draw of replicate " + r
                    + " was valid when checked:\n" + e.format(), e);
        }
    }

    private ResolvedScenario resolve(int point) {
        try {
            return plan.scenarios().resolve(point);
        } catch (ScenarioException e) {
            throw new IllegalStateException("design point " + point + " was valid when planned:\n" + e.format(), e);
        }
    }
}
