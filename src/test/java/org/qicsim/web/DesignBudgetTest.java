package org.qicsim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.ScenarioLoader;

/** The planned-cost proxy prices the levers with the scenario's cost keys (see DesignBudget's Javadoc). */
class DesignBudgetTest {

    @Test
    void theDefaultDesignCostsWhatItsPartsAddUpTo() {
        var s = ScenarioLoader.defaults().scenario();
        double sites = 60;
        double cases = sites * 40 * 12;
        // Defaults: budgetPerSite 30000, ccFixed 500000, abstraction 60/case, audit 0.01×150, 3 meetings ×
        // (2000 + 500 training), 12 visits × 5000, funded champions 25000, participation 30000, threshold
        // design paying at most 0.02 of revenue 20000 per case; three collaborative years.
        double perYear = 30000 * sites + 500000 + 60 * cases + 0.01 * cases * 150 + 3 * sites * 2500 + 12 * 5000
                + sites * 25000 + sites * 30000 + 0.02 * 20000 * cases;
        assertThat(DesignBudget.plannedCost(s)).isCloseTo(perYear * 3, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void moreOfALeverCostsMoreAndSwitchingItOffSaves() throws Exception {
        double base = DesignBudget.plannedCost(ScenarioLoader.defaults().scenario());
        double meetings = DesignBudget.plannedCost(ScenarioLoader.defaults(List.of(
                KeyOverride.of("collaborative.community.meetingsPerYear", 6L, "t"))).scenario());
        double noChampions = DesignBudget.plannedCost(ScenarioLoader.defaults(List.of(
                KeyOverride.of("collaborative.leadership.fundedChampions", false, "t"))).scenario());
        assertThat(meetings).isGreaterThan(base);
        assertThat(noChampions).isLessThan(base);
    }
}
