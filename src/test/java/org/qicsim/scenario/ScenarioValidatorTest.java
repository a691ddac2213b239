package org.qicsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.qicsim.scenario.tree.MapNode;

/** Invariants of the pipeline that no input file can break, only a bug. */
class ScenarioValidatorTest {

    @Test
    void theBundledDefaultsAreValidOnTheirOwn() {
        Problems problems = new Problems();
        ScenarioValidator.validate(BundledDefaults.tree(), problems);
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void aKeyMissingAfterTheMergeIsABugNotAnInputError() {
        MapNode withoutSeed = BundledDefaults.tree().without("seed");
        assertThatThrownBy(() -> ScenarioValidator.validate(withoutSeed, new Problems()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("seed is missing");
    }

    @Test
    void bindingATreeThatSkippedValidationFailsAsABug() {
        MapNode withoutSeed = BundledDefaults.tree().without("seed");
        assertThatThrownBy(() -> RecordBinder.scenario(withoutSeed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("seed");
    }
}
