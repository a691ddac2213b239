package org.qicsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input through the public API: every problem located, worded, and collected in one pass. */
class ScenarioErrorsTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private List<Problem> problems(Path file, KeyOverride... overrides) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class,
                () -> ScenarioLoader.load(file, List.of(overrides)));
        assertThat(e).as("loading %s should fail", file).isNotNull();
        assertThat(e.problems()).allMatch(p -> p.severity() == Problem.Severity.ERROR);
        return e.problems();
    }

    private Problem only(Path file, KeyOverride... overrides) {
        List<Problem> problems = problems(file, overrides);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    private String name(Path file) {
        return file.toString();
    }

    @Test
    void misspeltKeyIsLocatedAtTheKeyWithASuggestion() throws IOException {
        Path file = write("s.yaml", "name: s\nsites:\n  count: 40\n  heterogenity: 0.2\n");
        Problem p = only(file);
        assertThat(p.format()).startsWith(name(file) + ":4:3: sites.heterogenity: unknown key \"heterogenity\" "
                + "(did you mean \"heterogeneity\"?)");
        assertThat(p.message()).contains("(valid: count, baselineRate, heterogeneity");
    }

    @Test
    void keyInTheWrongSectionSaysWhereItBelongs() throws IOException {
        Path file = write("s.yaml", "sites:\n  meetingsPerYear: 4\n");
        Problem p = only(file);
        assertThat(p.path()).isEqualTo("sites.meetingsPerYear");
        assertThat(p.message()).contains("exists at collaborative.community.meetingsPerYear");
    }

    @Test
    void wrongCaseOfAKeyIsSuggested() throws IOException {
        Path file = write("s.yaml", "Sites:\n  count: 40\n");
        assertThat(only(file).message()).contains("did you mean \"sites\"?");
    }

    @Test
    void misspeltEnumValueListsTheValidValues() throws IOException {
        Path file = write("s.yaml", "collaborative:\n  feedback:\n    display: funel\n");
        Problem p = only(file);
        assertThat(p.format()).isEqualTo(name(file) + ":3:14: collaborative.feedback.display: unknown value \"funel\" "
                + "(did you mean \"funnel\"?) (valid: funnel, funnel99, league)");
    }

    @Test
    void enumValueInTheWrongCaseIsSuggested() throws IOException {
        Path file = write("s.yaml", "collaborative: {feedback: {benchmark: TopDecile}}\n");
        assertThat(only(file).message()).contains("did you mean \"topDecile\"?");
    }

    @Test
    void wrongTypesNameWhatWasExpected() throws IOException {
        Path file = write("s.yaml", """
                sites:
                  baselineRate: "0.13"
                  enrolment: {enabled: maybe}
                  volume: 40
                collaborative:
                  feedback: {everyMonths: 1.5}
                """);
        List<Problem> problems = problems(file);
        assertThat(problems).extracting(Problem::format).containsExactly(
                name(file) + ":2:17: sites.baselineRate: expected a number, got string \"0.13\" (valid: a number in (0, 1))",
                name(file) + ":3:24: sites.enrolment.enabled: expected a boolean (true or false), got string \"maybe\" "
                        + "(valid: true or false)",
                name(file) + ":4:11: sites.volume: expected a mapping of keys, got number 40 (valid: median, spread)",
                name(file) + ":6:27: collaborative.feedback.everyMonths: expected an integer, got number 1.5 "
                        + "(valid: an integer in [1, 12])");
    }

    @Test
    void outOfRangeValuesPrintTheRangeInIntervalNotation() throws IOException {
        Path file = write("s.yaml", """
                sites: {baselineRate: 0, count: 1, qiBudget: -5}
                practices: {effectOddsRatio: 0}
                """);
        assertThat(problems(file)).extracting(Problem::message).containsExactly(
                "0 is out of range (valid: (0, 1))",
                "1 is out of range (valid: [2, 6000])",
                "-5 is out of range (valid: > 0)",
                "0 is out of range (valid: (0, 1])");
    }

    @Test
    void nullIsAnErrorUnlessTheKeyIsNullable() throws IOException {
        Path file = write("s.yaml", "sites: {count: null}\ncollaborative: {feedback: {target: null}}\n");
        Problem p = only(file);
        assertThat(p.path()).isEqualTo("sites.count");
        assertThat(p.message()).isEqualTo("null is not allowed (valid: an integer in [2, 6000])");
    }

    @Test
    void nonFiniteNumbersAreRejected() throws IOException {
        Path file = write("s.yaml", "sites: {heterogeneity: .inf}\n");
        assertThat(only(file).message()).startsWith("expected a finite number");
    }

    @Test
    void yamlSyntaxErrorIsLocatedWithoutAStackTrace() throws IOException {
        Path file = write("s.yaml", "name: s\nsites:\n  count: 40\n   baselineRate: 0.2\n");
        Problem p = only(file);
        assertThat(p.file()).isEqualTo(name(file));
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.column()).isPositive();
        assertThat(p.message()).startsWith("YAML syntax error:").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void missingExtendsFileIsReportedAtTheExtendsLine() throws IOException {
        write("base.yaml", "name: base\n");
        Path file = write("s.yaml", "name: s\nextends: bsae.yaml\n");
        Problem p = only(file);
        assertThat(p.format()).startsWith(name(file) + ":2:10: extends: file not found: "
                + dir.resolve("bsae.yaml").normalize());
        assertThat(p.message()).contains("did you mean \"base.yaml\"?");
    }

    @Test
    void extendsCycleIsReportedWithTheWholeCycle() throws IOException {
        Path a = write("a.yaml", "extends: b.yaml\n");
        Path b = write("b.yaml", "name: b\nextends: a.yaml\n");
        Problem p = only(a);
        assertThat(p.file()).isEqualTo(b.toString());
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.message()).isEqualTo("extends cycle: " + a + " → " + b + " → " + a);
    }

    @Test
    void aFileExtendingItselfIsACycle() throws IOException {
        Path a = write("a.yaml", "extends: ./a.yaml\n");
        assertThat(only(a).message()).startsWith("extends cycle:");
    }

    @Test
    void extendsMustBeAFileName() throws IOException {
        Path a = write("a.yaml", "extends: 3\n");
        assertThat(only(a).format()).isEqualTo(a + ":1:10: extends: expected a file name (a string), got number 3");
    }

    @Test
    void badSetPathIsLocatedAtTheOptionWithASuggestion() throws Exception {
        Path file = write("s.yaml", "name: s\n");
        Problem p = only(file, KeyOverride.parseSet("sites.volum.median=10", 2));
        assertThat(p.format()).isEqualTo("--set #2:1:1: sites.volum.median: unknown key \"sites.volum.median\" "
                + "(did you mean \"sites.volume.median\"?) (valid: a dotted key path, as listed by qicsim schema --list)");
    }

    @Test
    void badSetValueIsLocatedAtTheValuesColumn() throws Exception {
        Path file = write("s.yaml", "name: s\n");
        Problem p = only(file, KeyOverride.parseSet("sites.count=7000", 1));
        assertThat(p.format()).isEqualTo("--set #1:1:13: sites.count: 7000 is out of range (valid: [2, 6000])");
    }

    @Test
    void badValueInsideASetMappingIsLocatedInsideTheOption() throws Exception {
        Path file = write("s.yaml", "name: s\n");
        Problem p = only(file, KeyOverride.parseSet("sites.volume={median: x}", 1));
        assertThat(p.format()).isEqualTo("--set #1:1:23: sites.volume.median: expected a number, got string \"x\" "
                + "(valid: a number in (0, 1000000])");
    }

    @Test
    void aDirectoryIsNotAScenarioFile() {
        assertThat(only(dir).format()).isEqualTo(dir + ": " + dir + " is a directory, not a scenario file");
    }

    @Test
    void setWithoutEqualsIsRejected() {
        ScenarioException e = catchThrowableOfType(ScenarioException.class,
                () -> KeyOverride.parseSet("sites.count", 3));
        assertThat(e.format()).isEqualTo("--set #3:1:1: expected key.path=value, got \"sites.count\"");
    }

    @Test
    void badValueInsideScheduleIsLocatedAndChecked() throws IOException {
        Path file = write("s.yaml", """
                schedule:
                  - fromMonth: 36
                    set:
                      collaborative.incentives.performance.design: nothing
                      collaborative.feedback.everyMonths: 0
                """);
        assertThat(problems(file)).extracting(Problem::format).containsExactly(
                name(file) + ":4:52: schedule[0].set.collaborative.incentives.performance.design: unknown value "
                        + "\"nothing\" (valid: none, threshold, tournament, improvement, hybrid, withhold)",
                name(file) + ":5:43: schedule[0].set.collaborative.feedback.everyMonths: 0 is out of range (valid: [1, 12])");
    }

    @Test
    void scheduleMaySetOnlyCollaborativeKeys() throws IOException {
        Path file = write("s.yaml", "schedule:\n  - {fromMonth: 24, set: {sites.count: 30}}\n");
        Problem p = only(file);
        assertThat(p.format()).startsWith(name(file) + ":2:27: schedule[0].set.sites.count: schedule may set only "
                + "collaborative.* keys");
    }

    @Test
    void scheduleEntriesAreCheckedForShapeMonthAndKeys() throws IOException {
        Path file = write("s.yaml", """
                horizonMonths: 48
                schedule:
                  - {fromMonth: 48, set: {collaborative.feedback.dispaly: league}}
                  - {fromMoth: 3, set: {}}
                  - 7
                  - {fromMonth: 12, set: {collaborative.feedback: {display: league}}}
                """);
        assertThat(problems(file)).extracting(Problem::format).containsExactly(
                name(file) + ":3:17: schedule[0].fromMonth: 48 is out of range (valid: [0, 47])",
                name(file) + ":3:27: schedule[0].set.collaborative.feedback.dispaly: unknown key "
                        + "\"collaborative.feedback.dispaly\" (did you mean \"collaborative.feedback.display\"?) "
                        + "(valid: collaborative.* keys written in full, e.g. collaborative.feedback.display)",
                name(file) + ":4:5: schedule[1]: missing fromMonth (valid: an integer in [0, 47])",
                name(file) + ":4:6: schedule[1].fromMoth: unknown key \"fromMoth\" (did you mean \"fromMonth\"?) "
                        + "(valid: fromMonth, set)",
                name(file) + ":4:24: schedule[1].set: sets nothing (valid: a mapping of collaborative.* keys to values)",
                name(file) + ":5:5: schedule[2]: expected a mapping {fromMonth: month, set: {key: value}}, got number 7",
                name(file) + ":6:27: schedule[3].set.collaborative.feedback: collaborative.feedback is a section; "
                        + "schedule sets one key at a time (valid: keys such as collaborative.feedback.everyMonths)");
    }

    @Test
    void crossFieldRulesAreCheckedAfterEachKeyIsValid() throws IOException {
        Path file = write("s.yaml", """
                name: Michigan CQI
                startMonth: 40
                horizonMonths: 48
                practices: {count: 4, interactions: 4}
                sites:
                  gamingTypes: {saint: 0.5, honestTrier: 0.5, reactiveGamer: 0.15, rationalManiac: 0.05}
                """);
        assertThat(problems(file)).extracting(Problem::format).containsExactly(
                name(file) + ":1:7: name: \"Michigan CQI\" is not a valid name: lower-case letters, digits, '.', '_' and "
                        + "'-', starting with a letter or digit (valid: [a-z0-9][a-z0-9._-]{0,99})",
                name(file) + ":3:16: horizonMonths: 48 leaves no collaborative year after startMonth 40 (valid: [52, 600])",
                name(file) + ":4:37: practices.interactions: 4 is more than practices.count − 1 = 3 (valid: [0, 3])",
                name(file) + ":6:16: sites.gamingTypes: the shares sum to 1.2, not 1 (valid: saint + honestTrier + "
                        + "reactiveGamer + rationalManiac = 1 ± 1e-9)");
    }

    @Test
    void crossFieldRulesDoNotPileOntoAnInvalidKey() throws IOException {
        Path file = write("s.yaml", "practices: {count: 40, interactions: 4}\n");
        assertThat(problems(file)).extracting(Problem::path).containsExactly("practices.count");
    }

    @Test
    void startMonthBelowTwelveIsOutOfRange() throws IOException {
        Path file = write("s.yaml", "startMonth: 6\n");
        assertThat(only(file).message()).isEqualTo("6 is out of range (valid: [12, 588])");
    }

    @Test
    void severalErrorsInOneFileAreAllReportedInLineOrder() throws IOException {
        Path file = write("s.yaml", """
                name: s
                replications: 0
                sites:
                  cuont: 3
                  baselineRate: 2
                collaborative:
                  measurement: {source: regstry}
                  leadership: {training: 1}
                costs: {perAdverseEvent: -1}
                """);
        assertThat(problems(file)).extracting(Problem::line).containsExactly(2, 4, 5, 7, 8, 9);
    }

    @Test
    void errorInAParentFileIsReportedAtTheParentsLine() throws IOException {
        Path parent = write("parent.yaml", "name: parent\nsites:\n  count: 60\n  baselineRate: 7\n");
        Path child = write("child.yaml", "name: child\nextends: parent.yaml\nsites: {count: 40}\n");
        Problem p = only(child);
        assertThat(p.file()).isEqualTo(parent.toString());
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.path()).isEqualTo("sites.baselineRate");
    }

    @Test
    void childOverridingAParentsBadValueFixesIt() throws Exception {
        write("parent.yaml", "sites:\n  baselineRate: 7\n");
        Path child = write("child.yaml", "extends: parent.yaml\nsites: {baselineRate: 0.2}\n");
        assertThat(ScenarioLoader.load(child, List.of()).scenario().sites().baselineRate()).isEqualTo(0.2);
    }

    @Test
    void syntaxErrorsInTheChainAndOverridesAreReportedTogether() throws Exception {
        write("parent.yaml", "sites: [1,\n");
        Path child = write("child.yaml", "extends: parent.yaml\n");
        List<Problem> problems = problems(child, KeyOverride.parseSet("nope=1", 1));
        // A parent's syntax error is reported at the child's extends line, without quoting the parent.
        assertThat(problems).extracting(Problem::file).containsExactly(child.toString(), "--set #1");
        assertThat(problems.get(0).message()).startsWith(dir.resolve("parent.yaml") + " is not a usable scenario file "
                + "(a syntax error at line ");
    }

    @Test
    void topLevelMustBeAMapping() throws IOException {
        assertThat(only(write("l.yaml", "- a\n- b\n")).message()).startsWith("the file holds a list");
        assertThat(only(write("e.yaml", "")).message()).startsWith("the file is empty");
    }

    @Test
    void missingTopFileIsAnErrorNotAnException() {
        Problem p = only(dir.resolve("nothing.yaml"));
        assertThat(p.format()).isEqualTo(dir.resolve("nothing.yaml") + ": cannot read: no such file");
    }

    @Test
    void extendsInsideASectionIsAnUnknownKey() throws IOException {
        Path file = write("s.yaml", "sites:\n  extends: base.yaml\n");
        assertThat(only(file).path()).isEqualTo("sites.extends");
    }

    @Test
    void extendsCannotBeSetFromTheCommandLine() throws Exception {
        Path file = write("s.yaml", "name: s\n");
        assertThat(only(file, KeyOverride.parseSet("extends=x.yaml", 1)).message())
                .startsWith("extends cannot be overridden");
    }

    @Test
    void integerTooLargeForTheSeedIsAnError() throws IOException {
        Path file = write("s.yaml", "seed: 99999999999999999999\n");
        assertThat(only(file).message()).startsWith("99999999999999999999 is too large for a 64-bit integer");
    }
}
