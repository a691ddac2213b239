package org.qicsim.model;

import java.util.ArrayList;
import java.util.List;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.ResolvedScenario;
import org.qicsim.scenario.Scenario;
import org.qicsim.scenario.ScenarioException;
import org.qicsim.scenario.ScenarioLoader;

/** Scenarios for model tests: the bundled defaults with {@code key.path=value} overrides. */
public final class TestScenarios {
    private TestScenarios() {
    }

    public static ResolvedScenario resolved(String... sets) {
        List<KeyOverride> overrides = new ArrayList<>();
        try {
            for (int k = 0; k < sets.length; k++) {
                overrides.add(KeyOverride.parseSet(sets[k], k + 1));
            }
            return ScenarioLoader.defaults(overrides);
        } catch (ScenarioException e) {
            throw new IllegalArgumentException(e.format(), e);
        }
    }

    public static Scenario defaults(String... sets) {
        return resolved(sets).scenario();
    }
}
