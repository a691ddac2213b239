package org.qicsim.experiment.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shard assignment: N shards partition the runs (each run in exactly one), keep every
 * counterfactual group (world × replicate) whole, are balanced to within one group, and do not
 * depend on how the plan was made; {@code i/N} is parsed strictly.
 */
class ShardTest {
    @TempDir
    Path dir;

    /** 3 worlds (heterogeneity) × 2 displays = 6 points; 5 replicates: 15 groups of 2 runs. */
    private static final String THREE_WORLDS = Experiments.head(5) + """
            factors:
              sites.heterogeneity: [0.1, 0.2, 0.3]
              collaborative.feedback.display: [funnel, league]
            design: grid
            """;

    @Test
    void shardsPartitionTheRunsInWholeCounterfactualGroups() throws Exception {
        SweepPlan plan = SweepPlan.of(Experiments.load(dir, THREE_WORLDS), 1);
        assertThat(plan.groups()).isEqualTo(3);
        for (int n : new int[] {1, 2, 3, 4, 7, 15, 16}) {
            BitSet union = new BitSet();
            long min = Long.MAX_VALUE;
            long max = 0;
            for (int i = 0; i < n; i++) {
                Shard shard = new Shard(i, n);
                BitSet runs = shard.runs(plan);
                assertThat(runs.intersects(union)).as(shard + " overlaps another shard").isFalse();
                union.or(runs);
                min = Math.min(min, runs.cardinality());
                max = Math.max(max, runs.cardinality());
                // Whole groups: the points of one world share each replicate's shard.
                for (int r = 0; r < plan.replications(); r++) {
                    for (int p = 1; p <= plan.points(); p++) {
                        for (int q = 1; q <= plan.points(); q++) {
                            if (plan.groupOf(p) == plan.groupOf(q)) {
                                assertThat(runs.get(plan.index(p, r))).isEqualTo(runs.get(plan.index(q, r)));
                            }
                        }
                    }
                }
            }
            assertThat(union.cardinality()).as(n + " shards cover every run").isEqualTo((int) plan.runs());
            assertThat(max - min).as(n + " shards balanced to one group of 2 runs").isLessThanOrEqualTo(2);
        }
        // Planned with another thread count: the same assignment.
        SweepPlan again = SweepPlan.of(Experiments.load(dir, THREE_WORLDS), 2);
        assertThat(new Shard(1, 4).runs(again)).isEqualTo(new Shard(1, 4).runs(plan));
    }

    @Test
    void wholeGroupShardsForAdaptiveReplicationNeedAsManyGroups() throws Exception {
        SweepPlan plan = SweepPlan.of(Experiments.load(dir, THREE_WORLDS), 1);
        BitSet all = new BitSet();
        for (int i = 0; i < 3; i++) {
            BitSet points = new Shard(i, 3).wholeGroupPoints(plan);
            assertThat(points.cardinality()).isEqualTo(2);
            assertThat(points.intersects(all)).isFalse();
            all.or(points);
        }
        assertThat(all.cardinality()).isEqualTo(6);
        assertThatThrownBy(() -> new Shard(0, 4).wholeGroupPoints(plan))
                .hasMessageContaining("3 world groups for 4 shards");
    }

    @Test
    void parsesIOverN() {
        assertThat(Shard.parse("2/5")).isEqualTo(new Shard(2, 5));
        assertThat(Shard.parse(" 0/1 ")).isEqualTo(new Shard(0, 1));
        for (String bad : new String[] {"5/5", "1/0", "-1/3", "1", "1/2/3", "a/b", "", "1 / 2"}) {
            assertThatThrownBy(() -> Shard.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--shard");
        }
    }
}
