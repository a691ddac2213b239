package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qicsim.scenario.ResolvedScenario;

/**
 * A design whose collaborative never launches reuses its counterfactual (MODEL.md §9): the shared
 * counterfactual is computed as that design's own arm, the design runs nothing more, and every
 * output — of the design and of the other designs of its world — is exactly what running its own
 * arm beside a plain counterfactual arm gave.
 */
class DisabledDesignTest {
    private static final long RUN_SEED = 0x5EEDL;

    @Test
    void aDisabledDesignReusesItsCounterfactualAndItsOutputsAreUnchanged() {
        ResolvedScenario off = TestScenarios.resolved("collaborative.enabled=false");
        assertThat(Run.neverLaunches(off.scenario(), off::collaborativeAt)).isTrue();
        World world = World.initialise(off.scenario(), new Streams(RUN_SEED, off.scenario().sites().count()));
        ArmTrace plain = new QicSimulation(world, off::collaborativeAt, Arm.COUNTERFACTUAL, RUN_SEED).run();
        ArmTrace own = new QicSimulation(world, off::collaborativeAt, Arm.COLLABORATIVE, RUN_SEED).run();
        RunResult before = new RunResult(off.scenario(), own, plain);

        Run.Counterfactual shared = Run.counterfactual(off.scenario(), off::collaborativeAt, RUN_SEED);
        assertThat(shared.design()).isEqualTo(off.scenario());
        RunResult reused = Run.execute(off.scenario(), off::collaborativeAt, RUN_SEED, shared);
        // Reused: the design's trace is the counterfactual's, no arm was run for it.
        assertThat(reused.factual()).isSameAs(shared.trace()).isSameAs(reused.counterfactual());
        assertSameOutputs(reused, before);
        for (int t = 0; t < reused.months(); t++) {
            double[] row = reused.timeseriesRow(t);
            assertThat(row[0]).as("trueRate = cfTrueRate, month %d", t).isEqualTo(row[1]);
        }
        assertThat(reused.metric("finalRate")).isEqualTo(reused.metric("cfFinalRate"));
        assertThat(reused.metric("eventsAverted")).isZero();
        // The passive registry's outputs remain (P2 and P4 read them).
        assertThat(reused.metric("siteImprovedShareMeasured")).isNotNaN();

        // A design with a collaborative, in the same world, sees the same counterfactual either way.
        ResolvedScenario on = TestScenarios.resolved();
        assertThat(on.worldSha256()).isEqualTo(off.worldSha256());
        RunResult withShared = Run.execute(on.scenario(), on::collaborativeAt, RUN_SEED, shared);
        RunResult withPlain = Run.execute(on.scenario(), on::collaborativeAt, RUN_SEED,
                new Run.Counterfactual(world, plain));
        assertSameOutputs(withShared, withPlain);
    }

    @Test
    void aCollaborativeThatLaunchesGetsAPlainCounterfactual() {
        ResolvedScenario on = TestScenarios.resolved();
        assertThat(Run.neverLaunches(on.scenario(), on::collaborativeAt)).isFalse();
        Run.Counterfactual counterfactual = Run.counterfactual(on.scenario(), on::collaborativeAt, RUN_SEED);
        assertThat(counterfactual.design()).isNull();
        assertThat(counterfactual.trace().trsr(0, 0)).isNaN();
        RunResult r = Run.execute(on.scenario(), on::collaborativeAt, RUN_SEED, counterfactual);
        assertThat(r.factual()).isNotSameAs(counterfactual.trace());
    }

    /** Every timeseries cell, metric and site cell equal (NaN equal to NaN). */
    static void assertSameOutputs(RunResult a, RunResult b) {
        for (int t = 0; t < a.months(); t++) {
            double[] x = a.timeseriesRow(t);
            double[] y = b.timeseriesRow(t);
            for (int c = 0; c < x.length; c++) {
                assertThat(Double.valueOf(x[c])).as("%s, month %d", RunResult.TIMESERIES_COLUMNS.get(c), t)
                        .isEqualTo(Double.valueOf(y[c]));
            }
        }
        for (String metric : RunResult.METRICS) {
            assertThat(Double.valueOf(a.metric(metric))).as(metric).isEqualTo(Double.valueOf(b.metric(metric)));
        }
        for (int j = 0; j < a.factual().sites(); j++) {
            assertThat(a.siteRow(j)).as("site %d", j).containsExactly(b.siteRow(j));
        }
    }
}
