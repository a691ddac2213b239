package org.qicsim.experiment.sweep;

import org.qicsim.experiment.StopSignal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qicsim.experiment.CounterfactualCache;
import org.qicsim.experiment.RunSpec;
import org.qicsim.experiment.Seeds;
import org.qicsim.scenario.ScenarioException;

class SweepPlanTest {

    @TempDir
    Path dir;

    /** Points 1-2 in one world, 3-4 in another (heterogeneity varies slowest). */
    private static final String MIXED = Experiments.head(3) + """
            factors:
              sites.heterogeneity: [0.1, 0.3]
              collaborative.feedback.display: [funnel, league]
            design: grid
            """;

    @Test
    void pointsOfOneWorldFormAGroupSharingACounterfactualPerReplicate() throws Exception {
        ExperimentFile e = Experiments.load(dir, MIXED.replace("[funnel, league]", "[funnel, league, funnel99]"));
        SweepPlan plan = SweepPlan.of(e, 2);
        assertThat(plan.points()).isEqualTo(6);
        assertThat(plan.groups()).isEqualTo(2);
        assertThat(plan.groupPoints(0)).containsExactly(1, 2, 3);
        assertThat(plan.groupPoints(1)).containsExactly(4, 5, 6);
        assertThat(plan.counterfactualArms()).isEqualTo(2 * 3);
        assertThat(plan.blockSize()).isEqualTo(3);
        assertThat(plan.runSeed(5, 2)).isEqualTo(Seeds.runSeed(7, 2));
        assertThat(plan.index(1, 0)).isZero();
        assertThat(plan.index(6, 2)).isEqualTo(17);
    }

    @Test
    void withoutCommonRandomNumbersNoPointsShare() throws Exception {
        ExperimentFile e = Experiments.load(dir, Experiments.head(2) + """
                commonRandomNumbers: false
                factors:
                  collaborative.feedback.display: [funnel, league]
                design: grid
                """);
        SweepPlan plan = SweepPlan.of(e, 1);
        assertThat(plan.groups()).isEqualTo(2);
        assertThat(plan.counterfactualArms()).isEqualTo(4);
        assertThat(plan.runSeed(2, 1)).isEqualTo(Seeds.runSeed(Seeds.pointSeed(7, 2), 1))
                .isNotEqualTo(plan.runSeed(1, 1));
    }

    @Test
    void theBlockKeepsTheHeldCounterfactualsWithinTheBudget() {
        // 60 sites, 48 months, 10 practices: about half a megabyte each.
        long bytes = SweepPlan.counterfactualBytes(60, 48, 10);
        assertThat(bytes).isBetween(400_000L, 700_000L);
        assertThat(SweepPlan.COUNTERFACTUAL_BUDGET / bytes).isGreaterThan(200);
        assertThat(SweepPlan.COUNTERFACTUAL_BUDGET / SweepPlan.counterfactualBytes(1000, 600, 16)).isLessThan(10);
    }

    @Test
    void theSequenceGivesEveryMissingRunOnceInBlockGroupPointOrder() throws Exception {
        ExperimentFile e = Experiments.load(dir, MIXED.replace("replications: 3", "replications: 5"));
        SweepPlan plan = SweepPlan.of(e, 1).withBlockSize(2);
        BitSet stored = new BitSet();
        stored.set(plan.index(2, 0));
        stored.set(plan.index(3, 4));
        stored.set(plan.index(4, 4));
        List<String> order = new ArrayList<>();
        CounterfactualCache cache = new CounterfactualCache();
        RunSequence sequence = new RunSequence(plan, stored, cache, new StopSignal());
        while (sequence.hasNext()) {
            RunSpec run = sequence.next();
            assertThat(run.runSeed()).isEqualTo(Seeds.runSeed(7, run.replicate()));
            order.add(run.design().point() + ":" + run.replicate());
        }
        // Block {0,1}: world of points 1-2, then 3-4; block {2,3}; block {4}: point 3 and 4 are stored.
        assertThat(order).containsExactly("1:0", "1:1", "2:1", "3:0", "3:1", "4:0", "4:1",
                "1:2", "1:3", "2:2", "2:3", "3:2", "3:3", "4:2", "4:3",
                "1:4", "2:4");
    }

    @Test
    void aStopEndsTheSequence() throws Exception {
        ExperimentFile e = Experiments.load(dir, MIXED);
        StopSignal stop = new StopSignal();
        RunSequence sequence = new RunSequence(SweepPlan.of(e, 1), new BitSet(), new CounterfactualCache(), stop);
        assertThat(sequence.hasNext()).isTrue();
        sequence.next();
        stop.request();
        assertThat(sequence.hasNext()).isFalse();
    }

    @Test
    void invalidPointsAreReportedWithTheirValuesAndCounted() throws Exception {
        Path file = Experiments.write(dir, Experiments.head(1) + """
                factors:
                  practices.count: {min: 2, max: 3, levels: 2}
                  practices.interactions: {min: 3, max: 14, levels: 12}
                design: grid
                """);
        ExperimentFile e = ExperimentFile.load(file);
        assertThatThrownBy(() -> SweepPlan.of(e, 2)).isInstanceOfSatisfying(ScenarioException.class, x -> {
            assertThat(x.problems()).hasSize(11);
            assertThat(x.problems().get(0).format()).isEqualTo(file + ":7:3: practices.interactions: 3 is more than "
                    + "practices.count − 1 = 1 (valid: [0, 1]) [design point 1: practices.count = 2, "
                    + "practices.interactions = 3]");
            assertThat(x.problems().get(10).format()).isEqualTo(file + ": 14 more of the 24 design points are invalid");
        });
    }
}
