package org.qicsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qicsim.scenario.Collaborative.Design;
import org.qicsim.scenario.Collaborative.Visibility;

/** The scenarios shipped in scenarios/ say what MODEL.md §8 says they are. */
class BundledScenariosTest {

    private static ResolvedScenario load(String name) throws ScenarioException {
        return ScenarioLoader.load(Path.of("scenarios", name), List.of());
    }

    @Test
    void michiganCqiIsTheDefaultsWithItsIdentityBaselineRateAndSocialisationRate() throws Exception {
        Scenario s = load("michigan-cqi.yaml").scenario();
        assertThat(s.name()).isEqualTo("michigan-cqi");
        assertThat(s.seed()).isEqualTo(20231201L);
        assertThat(s.replications()).isEqualTo(30);
        assertThat(s.horizonMonths()).isEqualTo(48);
        assertThat(s.sites().baselineRate()).isEqualTo(0.131);
        Scenario defaults = ScenarioLoader.defaults().scenario();
        Scenario expected = RecordBinder.with(RecordBinder.with(RecordBinder.with(defaults,
                "name", "michigan-cqi"), "description", s.description()), "sites.baselineRate", 0.131);
        // socialisationRate is michigan-cqi's own (issue 12 item 1): the C1-C6 calibration's point estimate
        // (issue 12 item 5; the trial arms extend michigan-cqi).
        expected = RecordBinder.with(expected, "collaborative.coordination.socialisationRate", 0.861);
        assertThat(defaults.collaborative().coordination().socialisationRate()).isEqualTo(0.3);
        assertThat(s).isEqualTo(expected);
    }

    @Test
    void registryFeedbackOnlyIsExactlyTheModelMdDefinition() throws Exception {
        Scenario michigan = load("michigan-cqi.yaml").scenario();
        Scenario s = load("registry-feedback-only.yaml").scenario();
        Collaborative c = michigan.collaborative();
        c = RecordBinder.with(c, "feedback.visibility", Visibility.BLINDED);
        c = RecordBinder.with(c, "positiveDeviance.enabled", false);
        c = RecordBinder.with(c, "positiveDeviance.showcase", false);
        c = RecordBinder.with(c, "community.meetingsPerYear", 0);
        c = RecordBinder.with(c, "community.siteVisitsPerYear", 0);
        c = RecordBinder.with(c, "incentives.participation.annual", 0.0);
        c = RecordBinder.with(c, "incentives.performance.design", Design.NONE);
        c = RecordBinder.with(c, "leadership.fundedChampions", false);
        c = RecordBinder.with(c, "leadership.training", false);
        c = RecordBinder.with(c, "coordination.abstractionFunded", true);
        assertThat(s.collaborative()).isEqualTo(c);
        Scenario expected = RecordBinder.with(RecordBinder.with(RecordBinder.with(michigan,
                "collaborative", c), "name", "registry-feedback-only"), "description", s.description());
        assertThat(s).isEqualTo(expected);
    }

    @Test
    void noCollaborativeOnlyDisablesTheCollaborative() throws Exception {
        Scenario michigan = load("michigan-cqi.yaml").scenario();
        Scenario s = load("no-collaborative.yaml").scenario();
        Scenario expected = RecordBinder.with(RecordBinder.with(RecordBinder.with(michigan,
                "collaborative.enabled", false), "name", "no-collaborative"), "description", s.description());
        assertThat(s).isEqualTo(expected);
    }

    @Test
    void bundledScenariosHaveOnlyTheExpectedNotes() throws Exception {
        assertThat(load("base.yaml").notes()).isEmpty();
        assertThat(load("michigan-cqi.yaml").notes()).isEmpty();
        // michigan's own socialisationRate, inherited, cannot act without a collaborative: the one true note.
        assertThat(load("no-collaborative.yaml").notes()).extracting(Problem::path)
                .containsExactly("collaborative.coordination.socialisationRate");
        // MODEL.md §8 switches these off although the rest of the definition already makes them moot; and
        // michigan's own socialisationRate, inherited, gives no know-how without meetings or visits (S10).
        assertThat(load("registry-feedback-only.yaml").notes()).extracting(Problem::path).containsExactly(
                "collaborative.positiveDeviance.showcase", "collaborative.leadership.training",
                "collaborative.coordination.socialisationRate");
    }
}
