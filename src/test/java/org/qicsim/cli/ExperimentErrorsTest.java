package org.qicsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad experiment files are invalid input: {@code qicsim sweep} exits 2 and prints each problem as
 * {@code file:line:column: path: message}, with "did you mean" where a name is misspelt, before any
 * folder is made or any run starts.
 */
class ExperimentErrorsTest {

    @TempDir
    Path dir;

    private static final String HEAD = "scenario: " + SweepCommandTest.MICHIGAN + "\n"
            + "replications: 2\n"
            + "set: {sites.count: 10, horizonMonths: 24}\n";

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("unknown factor path", HEAD + """
                        factors:
                          collaborative.feedbak.display: [funnel, league]
                        design: grid
                        """, ":5:3: collaborative.feedbak.display: unknown key \"collaborative.feedbak.display\" "
                        + "(did you mean \"collaborative.feedback.display\"?)"),
                Arguments.of("range outside the key's valid range", HEAD + """
                        factors:
                          sites.heterogeneity: {min: 0.1, max: 7, levels: 3}
                        design: grid
                        """, ":5:40: sites.heterogeneity.max: 7 is out of range (valid: [0, 5])"),
                Arguments.of("value outside the key's valid range", HEAD + """
                        factors:
                          collaborative.feedback.everyMonths: [3, 13]
                        design: grid
                        """, ":5:43: collaborative.feedback.everyMonths: 13 is out of range (valid: [1, 12])"),
                Arguments.of("enum value not allowed", HEAD + """
                        factors:
                          collaborative.feedback.display: [funnel, leage]
                        design: grid
                        """, ":5:44: collaborative.feedback.display: unknown value \"leage\" (did you mean \"league\"?) "
                        + "(valid: funnel, funnel99, league)"),
                Arguments.of("sobol n not a power of two", HEAD + """
                        factors:
                          sites.heterogeneity: {min: 0.1, max: 0.3}
                        design: {type: sobol, n: 100}
                        """, ":6:26: design.n: sobol needs n a power of two >= 64, not 100 (nearest: 64 or 128)"),
                Arguments.of("distribution in a grid", HEAD + """
                        factors:
                          sites.heterogeneity: {distribution: uniform, min: 0.1, max: 0.3}
                        design: grid
                        """, ":5:39: sites.heterogeneity: distributions are allowed only in lhs, sobol and morris designs"),
                Arguments.of("misspelt experiment key", HEAD + """
                        factor:
                          sites.heterogeneity: [0.1]
                        design: grid
                        """, ":4:1: factor: unknown key \"factor\" (did you mean \"factors\"?)"),
                Arguments.of("untruncated normal on a bounded key", HEAD + """
                        factors:
                          sites.baselineRate: {distribution: normal, mean: 0.13, sd: 0.01}
                        design: {type: lhs, n: 4}
                        """, ":5:38: sites.baselineRate: a normal distribution is unbounded but sites.baselineRate is (0, 1)"),
                Arguments.of("misspelt distribution", HEAD + """
                        factors:
                          sites.heterogeneity: {distribution: unifrom, min: 0.1, max: 0.3}
                        design: {type: lhs, n: 4}
                        """, ":5:39: sites.heterogeneity: unknown distribution \"unifrom\" (did you mean \"uniform\"?)"),
                Arguments.of("misspelt design", HEAD + """
                        factors:
                          sites.heterogeneity: [0.1]
                        design: {type: lsh, n: 4}
                        """, ":6:16: design: unknown design \"lsh\" (did you mean \"lhs\"?)"),
                Arguments.of("misspelt metric", HEAD + """
                        factors:
                          sites.heterogeneity: [0.1]
                        design: grid
                        outputs: {metrics: [finalrate]}
                        """, ":7:21: outputs.metrics: unknown metric \"finalrate\" (did you mean \"finalRate\""),
                Arguments.of("a point that is not a valid scenario", HEAD + """
                        factors:
                          practices.count: [3, 10]
                          practices.interactions: [1, 4]
                        design: grid
                        """, ":6:3: practices.interactions: 4 is more than practices.count − 1 = 2 (valid: [0, 2]) "
                        + "[design point 2: practices.count = 3, practices.interactions = 4]"),
                Arguments.of("a fixed setting out of range", HEAD.replace("sites.count: 10", "sites.count: 1") + """
                        factors:
                          sites.heterogeneity: [0.1]
                        design: grid
                        """, ":3:20: set.sites.count: 1 is out of range (valid: [2, 6000])"),
                Arguments.of("a base scenario that does not exist", "scenario: nowhere.yaml\n" + """
                        factors:
                          sites.heterogeneity: [0.1]
                        design: grid
                        """, ":1:11: scenario: file not found: "),
                Arguments.of("lhs without n", HEAD + """
                        factors:
                          sites.heterogeneity: [0.1]
                        design: {type: lhs}
                        """, ":6:9: design: a lhs design needs n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void isALocatedErrorWithExitTwo(String name, String text, String expected) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        CliRun run = CliRun.of("sweep", file.toString(), "--out", dir.resolve("out").toString());
        assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).as(run.toString()).contains(file + expected)
                .doesNotContain("Exception", "\tat ");
        assertThat(dir.resolve("out")).doesNotExist();
        assertThat(dir.resolve("out.partial")).doesNotExist();
    }
}
