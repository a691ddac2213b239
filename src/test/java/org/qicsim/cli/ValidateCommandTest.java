package org.qicsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** {@code qicsim validate ARGS} through Main, collecting stdout and stderr across calls. */
    private int run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "validate";
        System.arraycopy(args, 0, all, 1, args.length);
        CliRun r = CliRun.of(all);
        out.write(r.out());
        err.write(r.err());
        return r.exit();
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private void assertNoStackTrace() {
        assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out.toString()).doesNotContain("Exception");
    }

    @Test
    void validFilesPrintOkWithTheirHashAndExitZero() {
        int exit = run("scenarios/michigan-cqi.yaml", "scenarios/no-collaborative.yaml");
        assertThat(exit).isZero();
        assertThat(out.toString().lines()).hasSize(2).allMatch(
                Pattern.compile("scenarios[/\\\\][a-z-]+\\.yaml: ok \\([0-9a-f]{8}\\)").asMatchPredicate());
        // The one note: no-collaborative inherits michigan-cqi's own socialisationRate, which cannot act
        // without a collaborative (BundledScenariosTest states the bundled files' notes).
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("note: scenarios").contains("collaborative.coordination.socialisationRate: ignored:");
    }

    @Test
    void notesGoToStderrAndDoNotFailValidation() throws IOException {
        Path file = write("s.yaml", "collaborative: {feedback: {target: 0.1}}\n");
        assertThat(run(file.toString())).isZero();
        assertThat(err.toString()).startsWith("note: " + file + ":1:36: collaborative.feedback.target: ignored:");
        assertThat(out.toString()).startsWith(file + ": ok (");
    }

    @Test
    void everyErrorIsPrintedLocatedAndTheExitCodeIsTwo() throws IOException {
        Path file = write("s.yaml", "sites:\n  cuont: 3\n  baselineRate: 2\ncollaborative: {feedback: {display: funel}}\n");
        int exit = run(file.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(
                file + ":2:3: sites.cuont: unknown key \"cuont\" (did you mean \"count\"?) (valid: count, baselineRate, "
                        + "heterogeneity, qiBudget, volume, caseMix, gamingTypes, championProbability, "
                        + "championTurnoverPerYear, initialMembership, selection, enrolment)",
                file + ":3:17: sites.baselineRate: 2 is out of range (valid: (0, 1))",
                file + ":4:37: collaborative.feedback.display: unknown value \"funel\" (did you mean \"funnel\"?) "
                        + "(valid: funnel, funnel99, league)",
                file + ": 3 errors");
        assertThat(out.toString()).isEmpty();
        assertNoStackTrace();
    }

    @Test
    void oneBadFileAmongGoodOnesStillExitsTwoAndReportsBoth() throws IOException {
        Path bad = write("bad.yaml", "sites: {count: [1]}\n");
        int exit = run("scenarios/base.yaml", bad.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).startsWith("scenarios/base.yaml: ok (");
        assertThat(err.toString()).contains(bad + ":1:16: sites.count: expected an integer, got a list");
    }

    @Test
    void yamlSyntaxErrorExitsTwoWithoutAStackTrace() throws IOException {
        Path file = write("s.yaml", "sites: {count: 3\n");
        assertThat(run(file.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith(file + ":2:1: YAML syntax error:");
        assertNoStackTrace();
    }

    @Test
    void missingExtendsAndCyclesExitTwo() throws IOException {
        Path missing = write("m.yaml", "extends: nowhere.yaml\n");
        assertThat(run(missing.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith(missing + ":1:10: extends: file not found:");
        Path a = write("a.yaml", "extends: b.yaml\n");
        write("b.yaml", "extends: a.yaml\n");
        assertThat(run(a.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(dir.resolve("b.yaml") + ":1:10: extends: extends cycle:");
        assertNoStackTrace();
    }

    @Test
    void setOverridesApplyAndBadOnesAreLocated() throws IOException {
        Path file = write("s.yaml", "name: s\n");
        assertThat(run(file.toString(), "--set", "sites.count=40", "--set", "collaborative.feedback.dispay=league"))
                .isEqualTo(2);
        assertThat(err.toString()).startsWith("--set #2:1:1: collaborative.feedback.dispay: unknown key "
                + "\"collaborative.feedback.dispay\" (did you mean \"collaborative.feedback.display\"?)");
        assertNoStackTrace();
    }

    @Test
    void setWithoutEqualsExitsTwo() {
        assertThat(run("scenarios/base.yaml", "--set", "sites.count")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("--set #1:1:1: expected key.path=value, got \"sites.count\"");
    }

    @Test
    void setChangesTheHash() {
        run("scenarios/base.yaml");
        String plain = out.toString();
        out.getBuffer().setLength(0);
        assertThat(run("scenarios/base.yaml", "--set", "seed=1")).isZero();
        assertThat(out.toString()).isNotEqualTo(plain).startsWith("scenarios/base.yaml: ok (");
    }

    @Test
    void missingFileExitsTwo() {
        assertThat(run(dir.resolve("nope.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith(dir.resolve("nope.yaml") + ": cannot read: no such file");
    }

    @Test
    void noFileIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter").contains("Usage:");
    }

    @Test
    void helpDescribesTheCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: qicsim validate", "FILE...", "--set=KEY=VALUE", "Every error is reported",
                "Exit status");
    }
}
