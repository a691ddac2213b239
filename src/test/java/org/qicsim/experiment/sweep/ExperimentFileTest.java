package org.qicsim.experiment.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qicsim.experiment.Seeds;
import org.qicsim.experiment.doe.DesignKind;
import org.qicsim.experiment.doe.Factor;
import org.qicsim.experiment.doe.LatinHypercube;
import org.qicsim.experiment.doe.Morris;
import org.qicsim.scenario.Problem;
import org.qicsim.scenario.ScenarioException;

class ExperimentFileTest {

    @TempDir
    Path dir;

    private static final String LHS = Experiments.head(2) + """
            factors:
              sites.heterogeneity: {distribution: triangular, min: 0.05, mode: 0.15, max: 0.4}
              practices.count: {min: 4, max: 10}
              collaborative.feedback.display: [funnel, league]
              behaviour.effort.intercept: {distribution: normal, mean: -2, sd: 0.5, lower: -4, upper: 0}
            design: {type: lhs, n: 12}
            """;

    @Test
    void readsFactorsDesignSeedAndReplications() {
        ExperimentFile e = Experiments.load(dir, LHS);
        assertThat(e.masterSeed()).isEqualTo(7);
        assertThat(e.replications()).isEqualTo(2);
        assertThat(e.commonRandomNumbers()).isTrue();
        assertThat(e.base().scenario().sites().count()).isEqualTo(10);
        assertThat(e.factors()).extracting(FactorEntry::path).containsExactly("sites.heterogeneity", "practices.count",
                "collaborative.feedback.display", "behaviour.effort.intercept");
        assertThat(e.factors().get(1).factor().integer()).isTrue();
        assertThat(e.design().kind()).isEqualTo(DesignKind.LATIN_HYPERCUBE);
        assertThat(e.design().size()).isEqualTo(12);
        assertThat(e.runs()).isEqualTo(24);
        assertThat(e.outputs()).isEqualTo(SweepOutputs.defaults());
        // Integer keys get whole numbers; every sampled value is inside its factor's support.
        for (var p : e.design().points()) {
            assertThat(p.value(1)).isInstanceOf(Long.class);
            assertThat((Long) p.value(1)).isBetween(4L, 10L);
            assertThat((Double) p.value(3)).isBetween(-4.0, 0.0);
        }
    }

    @Test
    void samplingDrawsOnlyFromTheDesignSamplingGeneratorOfTheSeed() {
        ExperimentFile e = Experiments.load(dir, LHS);
        List<Factor> factors = new ArrayList<>();
        e.factors().forEach(f -> factors.add(f.factor()));
        assertThat(e.design()).isEqualTo(new LatinHypercube(12).generate(factors,
                Seeds.generator(Seeds.Purpose.DESIGN_SAMPLING, 7)));
        ExperimentFile morris = Experiments.load(dir, Experiments.head(1) + """
                factors:
                  sites.heterogeneity: {min: 0.1, max: 0.4}
                  behaviour.effort.gapWeight: {min: 0.5, max: 2}
                design: {type: morris, r: 5}
                """);
        List<Factor> two = List.of(morris.factors().get(0).factor(), morris.factors().get(1).factor());
        assertThat(morris.design()).isEqualTo(new Morris(5, 4).generate(two,
                Seeds.generator(Seeds.Purpose.DESIGN_SAMPLING, 7)));
        assertThat(morris.design().size()).isEqualTo(5 * 3);
    }

    @Test
    void oneAtATimeStartsFromTheBaseScenariosValues() {
        ExperimentFile e = Experiments.load(dir, Experiments.head(1) + """
                factors:
                  collaborative.community.meetingsPerYear: [0, 3, 6]
                  collaborative.feedback.display: [league, funnel]
                  sites.heterogeneity: [0.15, 0.3]
                design: oneAtATime
                """);
        // Base: 3 meetings, funnel, heterogeneity 0.15; values equal to the base are skipped.
        assertThat(e.design().points()).extracting(p -> p.values()).containsExactly(
                List.of(3L, "funnel", 0.15), List.of(0L, "funnel", 0.15), List.of(6L, "funnel", 0.15),
                List.of(3L, "league", 0.15), List.of(3L, "funnel", 0.3));
    }

    @Test
    void sobolHasSaltellisPointCountAndGridTheProduct() {
        ExperimentFile sobol = Experiments.load(dir, Experiments.head(1) + """
                factors:
                  sites.heterogeneity: {min: 0.1, max: 0.4}
                  collaborative.feedback.display: [funnel, league]
                design: {type: sobol, n: 64}
                outputs: {metrics: [finalRate, costPerEventAverted], monthly: true}
                """);
        assertThat(sobol.design().size()).isEqualTo(64 * (2 + 2));
        assertThat(sobol.outputs()).isEqualTo(new SweepOutputs(List.of("finalRate", "costPerEventAverted"), true, false));
        ExperimentFile grid = Experiments.load(dir, Experiments.head(1) + """
                factors:
                  sites.heterogeneity: {min: 0.1, max: 0.4, levels: 4}
                  collaborative.feedback.display: {values: [funnel, league]}
                  collaborative.positiveDeviance.enabled: [true, false]
                design: {type: grid}
                """);
        assertThat(grid.design().size()).isEqualTo(16);
        assertThat(grid.design().point(1).values()).containsExactly(0.1, "funnel", true);
    }

    @Test
    void theResolvedFormIsCanonicalAndLoadsBackToItself() throws Exception {
        ExperimentFile e = Experiments.load(dir, LHS);
        assertThat(e.resolvedYaml()).contains("scenario: scenario.resolved.yaml\n",
                "scenarioHash: " + e.base().sha256() + "\n", "seed: 7\nreplications: 2\ncommonRandomNumbers: true\n",
                "  sites.heterogeneity: {distribution: triangular, min: 0.05, mode: 0.15, max: 0.4}\n",
                "  practices.count: {min: 4, max: 10}\n",
                "  collaborative.feedback.display: {values: [\"funnel\", \"league\"]}\n",
                "  behaviour.effort.intercept: {distribution: normal, mean: -2.0, sd: 0.5, lower: -4.0, upper: 0.0}\n",
                "design: {type: lhs, n: 12}\n", "  monthly: false\n");
        assertThat(e.sha256()).isEqualTo(ExperimentParser.sha256(e.resolvedYaml()));
        assertThat(Experiments.load(dir, LHS).sha256()).isEqualTo(e.sha256());
        assertThat(Experiments.load(dir, LHS.replace("n: 12", "n: 13")).sha256()).isNotEqualTo(e.sha256());

        Path folder = Files.createDirectories(dir.resolve("folder"));
        Files.writeString(folder.resolve(ExperimentFile.RESOLVED), e.resolvedYaml());
        Files.writeString(folder.resolve(ExperimentYaml.SCENARIO), e.base().canonicalYaml());
        ExperimentFile again = ExperimentFile.load(folder.resolve(ExperimentFile.RESOLVED));
        assertThat(again.resolvedYaml()).isEqualTo(e.resolvedYaml());
        assertThat(again.design()).isEqualTo(e.design());
        assertThat(csv(again)).isEqualTo(csv(e));

        Files.writeString(folder.resolve(ExperimentYaml.SCENARIO), e.base().canonicalYaml().replace("count: 10", "count: 11"));
        assertThatThrownBy(() -> ExperimentFile.load(folder.resolve(ExperimentFile.RESOLVED)))
                .isInstanceOfSatisfying(ScenarioException.class, x -> assertThat(x.problems().get(0).format())
                        .contains(ExperimentFile.RESOLVED + ":4:15: scenarioHash: the base scenario resolves to ",
                                "(it changed since this experiment was resolved)"));
    }

    private static String csv(ExperimentFile e) throws Exception {
        StringWriter out = new StringWriter();
        e.design().writeCsv(out);
        return out.toString();
    }

    @Test
    void everyProblemIsReportedAtOnceInLineOrder() throws Exception {
        Path file = Experiments.write(dir, Experiments.head(1) + """
                factors:
                  sites.heterogenity: [0.1]
                  collaborative.feedback.display: {min: 0, max: 1}
                  sites.count: [5]
                design: {type: morris, r: 0}
                outputs: {monthly: yes please}
                """);
        assertThatThrownBy(() -> ExperimentFile.load(file)).isInstanceOfSatisfying(ScenarioException.class, e -> {
            assertThat(e.problems()).extracting(Problem::line).containsExactly(6, 7, 8, 9, 10);
            assertThat(e.problems()).extracting(Problem::path).containsExactly("sites.heterogenity",
                    "collaborative.feedback.display", "sites.count", "design.r", "outputs.monthly");
            assertThat(e.problems().get(0).message()).contains("did you mean \"sites.heterogeneity\"");
            assertThat(e.problems().get(2).message()).contains("also under set");
        });
    }
}
