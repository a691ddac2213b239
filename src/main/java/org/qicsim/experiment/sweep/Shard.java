package org.qicsim.experiment.sweep;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of {@code count} disjoint parts of a sweep's runs ({@code --shard index/count}), so that
 * separate processes or machines can each run one and {@code qicsim merge} can join them.
 *
 * <p>The unit of sharding is a <em>counterfactual group</em>: one world group of the plan (the
 * points that share a world, MODEL.md §3; one point per group without common random numbers)
 * together with one replicate. All the runs of a unit share one counterfactual arm, so keeping
 * a unit whole means a sharded sweep computes exactly the counterfactual arms an unsharded one
 * does. Units are dealt round-robin in (replicate, group) order: unit (g, r) belongs to shard
 * {@code (r · groups + g) mod count}. That depends only on the plan (the design and the seeds),
 * never on the machine or the thread count, so every shard of one experiment computes the same
 * assignment independently, and the shards' run counts differ by at most one unit's worth.
 *
 * @param index 0-based, less than {@code count}
 * @param count number of shards, at least 1
 */
public record Shard(int index, int count) {
    private static final Pattern FORM = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("a shard is i/N with N ≥ 1 and 0 ≤ i < N, was " + index + "/" + count);
        }
    }

    /**
     * Parses {@code i/N}.
     *
     * @throws IllegalArgumentException with a message fit for the user
     */
    public static Shard parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("--shard takes i/N (e.g. 0/4: the first of 4 shards), not \"" + text + "\"");
        }
        int i = Integer.parseInt(m.group(1));
        int n = Integer.parseInt(m.group(2));
        if (n < 1 || i >= n) {
            throw new IllegalArgumentException("--shard " + text + ": the index i of i/N counts from 0 to N − 1 "
                    + "(valid: 0/" + Math.max(1, n) + " to " + (Math.max(1, n) - 1) + "/" + Math.max(1, n) + ")");
        }
        return new Shard(i, n);
    }

    /** Whether the counterfactual group {@code group} (0-based) of replicate {@code replicate} is this shard's. */
    public boolean owns(int groups, int group, int replicate) {
        return Math.floorMod((long) replicate * groups + group, (long) count) == index;
    }

    /** This shard's runs of {@code plan}, as {@link SweepPlan#index} bits. */
    public BitSet runs(SweepPlan plan) {
        BitSet runs = new BitSet();
        for (int point = 1; point <= plan.points(); point++) {
            int group = plan.groupOf(point);
            for (int r = 0; r < plan.replications(); r++) {
                if (owns(plan.groups(), group, r)) {
                    runs.set(plan.index(point, r));
                }
            }
        }
        return runs;
    }

    /**
     * The points of the world groups whose index is this shard's modulo {@code count} (1-based
     * bits): the split adaptive replication uses, since it decides a point's replicates from all of
     * them, so a point must stay in one shard. Every replicate of these points is this shard's.
     *
     * @throws IllegalArgumentException if the plan has fewer world groups than shards
     */
    public BitSet wholeGroupPoints(SweepPlan plan) {
        if (plan.groups() < count) {
            throw new IllegalArgumentException("with --target-ci, shards take whole world groups (a point's replicates "
                    + "must stay together), and this experiment has " + plan.groups() + " world group"
                    + (plan.groups() == 1 ? "" : "s") + " for " + count + " shards; use at most " + plan.groups()
                    + " shards, vary a world key, or set commonRandomNumbers: false");
        }
        BitSet points = new BitSet();
        for (int point = 1; point <= plan.points(); point++) {
            if (plan.groupOf(point) % count == index) {
                points.set(point);
            }
        }
        return points;
    }

    /** The manifest entry: {@code index}, {@code count}. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", index);
        m.put("count", count);
        return m;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
