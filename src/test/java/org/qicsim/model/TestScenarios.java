package org.qicsim.model;

import org.qicsim.scenario.Scenario;

/** Scenarios for model tests: the bundled defaults with dotted-path overrides. */
final class TestScenarios {
    private TestScenarios() {
    }

    static Scenario defaults(String... sets) {
        try {
            return org.qicsim.scratch.ScratchBinder.defaults(sets);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
