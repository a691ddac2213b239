package org.qicsim.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qicsim.model.Run;
import org.qicsim.model.RunResult;
import org.qicsim.model.TestScenarios;
import org.qicsim.scenario.ResolvedScenario;

/** The cache makes a world's counterfactual as the own arm of a design without a collaborative. */
class CounterfactualCacheTest {
    private static final long SEED = 42L;

    @Test
    void aDesignWithoutCollaborativeMakesTheSharedCounterfactualAndReusesIt() throws Exception {
        ResolvedScenario on = TestScenarios.resolved("sites.count=12", "horizonMonths=36");
        ResolvedScenario off = TestScenarios.resolved("sites.count=12", "horizonMonths=36",
                "collaborative.enabled=false");
        RunSpec withCollaborative = new RunSpec(new DesignSpec(1, "on", on), 0, SEED);
        RunSpec without = new RunSpec(new DesignSpec(2, "off", off), 0, SEED);
        CounterfactualCache cache = new CounterfactualCache(List.of(withCollaborative, without));
        // The design with a collaborative asks first; the counterfactual is still the other's arm.
        Run.Counterfactual first = cache.acquire(withCollaborative);
        assertThat(first.design()).isEqualTo(off.scenario());
        RunResult r = Run.execute(off.scenario(), off::collaborativeAt, SEED, cache.acquire(without));
        assertThat(r.factual()).isSameAs(first.trace());
        assertThat(cache.computations()).isEqualTo(1);
        cache.release(withCollaborative);
        cache.release(without);
        assertThat(cache.held()).isZero();
    }

    @Test
    void designsSharingAWorldShareItsMonthsBeforeTheLaunchAndOneDesignAloneRunsThemItself() throws Exception {
        ResolvedScenario on = TestScenarios.resolved("sites.count=12", "horizonMonths=36");
        ResolvedScenario blinded = TestScenarios.resolved("sites.count=12", "horizonMonths=36",
                "collaborative.feedback.visibility=blinded");
        RunSpec a = new RunSpec(new DesignSpec(1, "on", on), 0, SEED);
        RunSpec b = new RunSpec(new DesignSpec(2, "blinded", blinded), 0, SEED);
        CounterfactualCache shared = new CounterfactualCache(List.of(a, b));
        Run.Counterfactual forked = shared.acquire(a);
        assertThat(forked.preLaunch()).isNotNull();
        RunResult viaFork = Run.execute(blinded.scenario(), blinded::collaborativeAt, SEED, shared.acquire(b));
        RunResult alone = Run.execute(blinded.scenario(), blinded::collaborativeAt, SEED);
        // The same outputs to the bit (Double.equals and Arrays.equals: NaN equal to NaN).
        assertThat(viaFork.metrics()).isEqualTo(alone.metrics());
        for (int t = 0; t < alone.months(); t++) {
            assertThat(java.util.Arrays.equals(viaFork.timeseriesRow(t), alone.timeseriesRow(t))).as("month %d", t)
                    .isTrue();
        }
        for (int j = 0; j < alone.factual().sites(); j++) {
            assertThat(viaFork.siteRow(j)).as("site %d", j).containsExactly(alone.siteRow(j));
        }

        CounterfactualCache single = new CounterfactualCache(List.of(a));
        assertThat(single.acquire(a).preLaunch()).isNull();
    }
}
