package org.qicsim.experiment.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qicsim.experiment.Seeds;
import org.qicsim.experiment.StopSignal;
import org.qicsim.scenario.KeyOverride;

/** How every calibration method evaluates its targets: seeds per target, statistics concatenated in order. */
class CalibrationTargetTest {
    /** Its one statistic is the seed it was given, so the seeds can be read back. */
    private static final class SeedTarget extends OneRunTarget {
        SeedTarget(String id) {
            super(id);
        }

        @Override
        public Evaluation evaluate(List<KeyOverride> parameters, long seed, org.qicsim.experiment.RunExecutor executor) {
            return new Evaluation(List.of(id() + " seed"), new double[] {seed}, new double[] {0}, new double[] {1},
                    new double[] {id().equals("a") ? 0.5 : 1});
        }
    }

    @Test
    void targetKOfSetIGetsItsOwnSeedAndTheStatisticsAreConcatenatedInTargetOrder() throws Exception {
        List<CalibrationTarget> targets = List.of(new SeedTarget("a"), new SeedTarget("b"));
        long[] seeds = {7, 8};
        List<CalibrationTarget.Evaluation> all = CalibrationTarget.evaluateTogether(targets, List.of(List.of(), List.of()),
                seeds, null, new StopSignal());
        assertThat(all).hasSize(2);
        for (int i = 0; i < 2; i++) {
            CalibrationTarget.Evaluation e = all.get(i);
            assertThat(e.names()).containsExactly("a seed", "b seed");
            assertThat(e.simulated()).containsExactly((double) Seeds.mix(seeds[i] ^ Seeds.splitMix64(0)),
                    (double) Seeds.mix(seeds[i] ^ Seeds.splitMix64(1)));
            assertThat(e.stochasticShares()).containsExactly(0.5, 1.0);
            assertThat(e.scales()).containsExactly(1.0, 1.0);
        }
        assertThat(all.get(0).simulated()[0]).isNotEqualTo(all.get(0).simulated()[1]);
    }
}
