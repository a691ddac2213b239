package org.qicsim.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qicsim.scenario.ScenarioException;

/** Pattern files load through the located pipeline; every problem is reported at its file, line and column. */
class PatternLoaderTest {

    @TempDir
    Path dir;

    /** The contract with calibrate and report: ids and sets of the bundled patterns. */
    @Test
    void bundledPatternsLoadWithTheirSets() throws ScenarioException {
        List<Pattern> all = PatternLoader.loadAll(PatternLoader.DEFAULT_DIR);
        assertThat(all).extracting(Pattern::id).contains("C1", "C2", "C3", "C4", "C5", "C6", "P1", "P2", "P4", "P5",
                "P6", "P7", "M-P3-negative-design", "M-P3-audit-feedback");
        for (Pattern p : all) {
            assertThat(p.set()).as(p.id()).isEqualTo(p.id().startsWith("C") ? PatternSet.CALIBRATION : PatternSet.VALIDATION);
        }
        // C5 became a review with issue 12 item 2 (process indicators); its band is PATTERNS.md's range itself.
        Pattern c5 = all.stream().filter(p -> p.id().equals("C5")).findFirst().orElseThrow();
        assertThat(c5.kind()).isEqualTo(Pattern.Kind.REVIEW);
        ReviewSpec c5Review = (ReviewSpec) c5.body();
        assertThat(c5Review.published().bandLow()).isEqualTo(0.026);
        assertThat(c5Review.published().bandHigh()).isEqualTo(0.041);
        ReviewSpec c1 = (ReviewSpec) all.get(0).body();
        assertThat(c1.published().bandLow()).isEqualTo(0.67 * 0.043);
        assertThat(c1.published().bandHigh()).isEqualTo(1.5 * 0.043);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static final String HEAD = "id: X1\ntitle: t\nsource: s\nset: validation\nkind: notExpressible\n"
            + "metric: m\ncriterion: c\n";

    @Test
    void unknownKeyGetsDidYouMeanAtItsLine() throws IOException {
        Path file = write("X1.yaml", HEAD + "reasn: cannot\n");
        assertThatThrownBy(() -> PatternLoader.load(file)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("X1.yaml:8:1: reasn: unknown key \"reasn\" for kind notExpressible (did you mean \"reason\"?)")
                .hasMessageContaining("X1.yaml:1:1: reason: missing key reason");
    }

    /**
     * A per-site setting multiplies by the trial's sites.count, so it needs that setting declared before
     * it, and only a number can be per site: each mistake is located at its setting.
     */
    @Test
    void perSiteSettingsNeedTheSitesCountFirstAndANumber() throws IOException {
        write("arm.yaml", "name: arm\n");
        Path file = write("X3.yaml", """
                id: X3
                title: t
                source: s
                set: calibration
                kind: review
                metric: m
                criterion: c
                replicates: 3
                trial:
                  intervention: arm.yaml
                  control: counterfactual
                  measure: compliance
                  followUpMonths: {distribution: uniform, low: 12, high: 12, round: true}
                  settings:
                    visits: {key: collaborative.community.siteVisitsPerYear, perSite: true, distribution: uniform, low: 1, high: 3}
                    sites: {key: sites.count, distribution: uniform, low: 10, high: 40, round: true}
                    meetings: {key: collaborative.community.meetingsPerYear, perSite: true, distribution: choice, values: [1, 2]}
                published:
                  median: 0.05
                """);
        assertThatThrownBy(() -> PatternLoader.load(file)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("X3.yaml:15:13: trial.settings.visits.perSite: a perSite setting multiplies by the"
                        + " trial's sites.count: declare a setting of sites.count before \"visits\"")
                .hasMessageContaining("X3.yaml:17:71: trial.settings.meetings.perSite: perSite multiplies a number by the"
                        + " trial's sites: a choice cannot be per site");
    }

    @Test
    void badValueIsLocatedWithTheValidValues() throws IOException {
        Path file = write("X1.yaml", HEAD.replace("set: validation", "set: calibrashun") + "reason: r\n");
        assertThatThrownBy(() -> PatternLoader.load(file)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("X1.yaml:4:6: set: unknown value \"calibrashun\" (did you mean \"calibration\"?) "
                        + "(valid: calibration, validation)");
    }

    @Test
    void idMustBeTheFileNameAndStatisticsAndKeysAreChecked() throws IOException {
        Path file = write("X2.yaml", """
                id: X1
                title: t
                source: s
                set: validation
                kind: replicates
                metric: m
                criterion: c
                replicates: 3
                designs:
                  a: {scenario: nowhere.yaml, set: {sites.cont: 3}}
                checks:
                  - {name: n, combine: mean, statistic: finalRat, design: b, inside: [0, 1]}
                """);
        assertThatThrownBy(() -> PatternLoader.load(file)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("X2.yaml:1:5: id: the id \"X1\" must be the file's name (X2.yaml)")
                .hasMessageContaining("X2.yaml:10:17: designs.a.scenario: no such file nowhere.yaml")
                .hasMessageContaining("X2.yaml:10:37: designs.a.set.sites.cont: \"sites.cont\" is not a scenario key (did you mean \"sites.count\"?)")
                .hasMessageContaining("X2.yaml:12:41: checks[0].statistic: unknown statistic \"finalRat\" (did you mean \"finalRate\"?)")
                .hasMessageContaining("X2.yaml:12:59: checks[0].design: unknown design \"b\"");
    }

    @Test
    void pairedChecksNeedPairedDesigns() throws IOException {
        String michigan = Path.of("scenarios", "michigan-cqi.yaml").toAbsolutePath().toString().replace('\\', '/');
        Path file = write("X3.yaml", """
                id: X3
                title: t
                source: s
                set: validation
                kind: replicates
                metric: m
                criterion: c
                replicates: 3
                designs:
                  a: {scenario: %s}
                  b: {scenario: %s, seedOffset: 1}
                checks:
                  - {name: n, combine: difference, statistic: finalRate, design: a, minus: b, above: 0}
                """.formatted(michigan, michigan));
        assertThatThrownBy(() -> PatternLoader.load(file)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("X3.yaml:13:5: checks[0]: designs a and b must have the same seedOffset and replicates");
    }

    /**
     * A design's {@code set:} goes through the experiment file's parser (SettingsBlock): a value out
     * of its key's range is refused at its line with the valid range, and a misspelt key path gets a
     * "did you mean", before any scenario is loaded.
     */
    @Test
    void designSettingsAreCheckedAsAnExperimentsAre() throws IOException {
        String michigan = Path.of("scenarios", "michigan-cqi.yaml").toAbsolutePath().toString().replace('\\', '/');
        Path file = write("X4.yaml", """
                id: X4
                title: t
                source: s
                set: validation
                kind: replicates
                metric: m
                criterion: c
                replicates: 3
                designs:
                  a: {scenario: %s, set: {sites.count: -4}}
                  b: {scenario: %s, set: {sites.cont: 20}}
                checks:
                  - {name: n, combine: difference, statistic: finalRate, design: a, minus: b, above: 0}
                """.formatted(michigan, michigan));
        assertThatThrownBy(() -> PatternLoader.load(file)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("X4.yaml:10:")
                .hasMessageContaining("designs.a.set.sites.count:")
                .hasMessageContaining("X4.yaml:11:")
                .hasMessageContaining("did you mean \"sites.count\"");
    }

    @Test
    void aMissingFolderIsInvalidInput() {
        assertThatThrownBy(() -> PatternLoader.loadAll(dir.resolve("none"))).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("no patterns folder");
    }

    /** The machinery of the P3 pattern: per-replicate median and mean over designs, then their mean. */
    @Test
    void medianAndMeanOverDesignsCombineReplicateByReplicate() {
        java.util.Map<String, java.util.Map<String, double[]>> values = new java.util.LinkedHashMap<>();
        values.put("a", java.util.Map.of("s", new double[] {1, 2, 3}));
        values.put("b", java.util.Map.of("s", new double[] {2, 3, 4}));
        values.put("c", java.util.Map.of("s", new double[] {6, 7, 8}));
        values.put("d", java.util.Map.of("s", new double[] {9, 10, 1}));
        List<String> among = List.of("a", "b", "c", "d");
        ChecksSpec.Check median = new ChecksSpec.Check("m", ChecksSpec.Combine.MEDIAN_OVER, "s", null, null, 1, null,
                among, ChecksSpec.Rule.ABOVE, 0, Double.NaN, null, null);
        // Replicate medians (2+6)/2 = 4, (3+7)/2 = 5 and (3+4)/2 = 3.5: mean 4.1667, CI above 0.
        assertThat(PatternRunner.judge(median, values)[0]).isCloseTo(12.5 / 3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(PatternRunner.judge(median, values)[5]).isEqualTo(1.0);
        ChecksSpec.Check mean = new ChecksSpec.Check("m", ChecksSpec.Combine.MEAN_OVER, "s", null, null, 1, null,
                among, ChecksSpec.Rule.INSIDE, 0, 1, null, null);
        // Replicate means 18/4 = 4.5, 22/4 = 5.5 and 16/4 = 4: mean 4.6667, CI not inside [0, 1].
        assertThat(PatternRunner.judge(mean, values)[0]).isCloseTo(14.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(PatternRunner.judge(mean, values)[5]).isEqualTo(0.0);
        assertThat(PatternRunner.median(new double[] {3, 1, 2})).isEqualTo(2.0);
    }

    @Test
    void designsCombinedOverMustBePaired() throws IOException {
        String michigan = Path.of("scenarios/michigan-cqi.yaml").toAbsolutePath().toString().replace('\\', '/');
        Path file = write("X4.yaml", """
                id: X4
                title: t
                source: s
                set: validation
                kind: replicates
                metric: m
                criterion: c
                replicates: 2
                designs:
                  a: {scenario: "%s"}
                  b: {scenario: "%s", seedOffset: 1}
                checks:
                  - {name: n, combine: medianOver, statistic: finalRate, among: [a, b], above: 0}
                """.formatted(michigan, michigan));
        assertThatThrownBy(() -> PatternLoader.load(file)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("X4.yaml:13:5: checks[0]: designs a and b must have the same seedOffset and "
                        + "replicates to be combined replicate by replicate");
    }
}
