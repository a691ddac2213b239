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
}
