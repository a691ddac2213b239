package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qicsim.scenario.ResolvedScenario;

/** {@link Visibility#anyVisible} is exactly {@code visiblePds(...).length > 0}. */
class VisibilityTest {
    /**
     * Blinded and unblinded feedback, every site at every month of a 48-month run with showcases and
     * visits: the shortcut agrees with the list, and both answers occur.
     */
    @Test
    void anyVisibleAgreesWithTheList() {
        for (String visibility : new String[] {"blinded", "unblinded"}) {
            ResolvedScenario s = TestScenarios.resolved("collaborative.feedback.visibility=" + visibility);
            World world = World.initialise(s.scenario(), new Streams(7L, s.scenario().sites().count()));
            QicSimulation sim = new QicSimulation(world, s::collaborativeAt, Arm.COLLABORATIVE, 7L);
            int some = 0;
            int none = 0;
            for (int t = s.scenario().startMonth(); t < s.scenario().horizonMonths(); t++) {
                sim.advanceTo(t);
                Month now = Month.of(sim);
                for (Site site : sim.sites) {
                    boolean expected = Visibility.visiblePds(sim, now, site).length > 0;
                    assertThat(Visibility.anyVisible(sim, now, site)).as("%s, month %d, site %d", visibility, t,
                            site.index).isEqualTo(expected);
                    if (expected) {
                        some++;
                    } else {
                        none++;
                    }
                }
            }
            assertThat(some).as(visibility).isPositive();
            assertThat(none).as(visibility).isPositive();
        }
    }
}
