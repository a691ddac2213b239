package org.qicsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile input (issue 15, item 6) through the command line: every case is refused before any run
 * with a clear, located message and exit 2 (or 1 where stated), quickly.
 */
class HostileInputTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static CliRun quick(String... args) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CliRun.of(args));
    }

    private static void assertInvalid(CliRun run, String... fragments) {
        assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).as(run.toString()).contains(fragments).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void devicesAsScenarioOrParentAreNotRead() throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/zero")) && Files.exists(Path.of("/dev/urandom")));
        assertInvalid(quick("validate", "/dev/zero"), "/dev/zero: is not a regular file");
        assertInvalid(quick("run", "/dev/urandom", "--dry-run"), "/dev/urandom: is not a regular file");
        Path child = write("child.yaml", "extends: /dev/zero\nname: child\n");
        assertInvalid(quick("validate", child.toString()), child + ":1:10: extends: /dev/zero is not a usable scenario file");
    }

    @Test
    void aFifoIsNotRead() throws Exception {
        Path fifo = dir.resolve("fifo.yaml");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "needs mkfifo");
        assertInvalid(quick("validate", fifo.toString()), "is not a regular file");
        Path child = write("child.yaml", "extends: fifo.yaml\n");
        assertInvalid(quick("validate", child.toString()), child + ":1:10: extends:");
    }

    @Test
    void anExtendsPathWithNulIsLocated() throws IOException {
        Path child = write("child.yaml", "extends: \"base\\0.yaml\"\n");
        assertInvalid(quick("validate", child.toString()), child + ":1:10: extends: not a valid file path (it holds a NUL");
    }

    @Test
    void aChainOfThreeThousandParentsIsCutAtSixtyFour() throws IOException {
        for (int i = 0; i < 3000; i++) {
            write("s" + i + ".yaml", "extends: s" + (i + 1) + ".yaml\n");
        }
        write("s3000.yaml", "name: deep\n");
        CliRun run = quick("validate", dir.resolve("s0.yaml").toString());
        assertInvalid(run, "the extends chain is longer than 64 files");
    }

    @Test
    void aVolumeTooLargeToRunIsRefusedByValidation() {
        assertInvalid(quick("validate", "scenarios/michigan-cqi.yaml", "--set", "sites.volume.median=1e6"),
                "sites.volume.median: 1000000 patients per site-month make", "(valid: a median of at most");
    }

    @Test
    void aNameTooLongForAFolderIsRefused() throws IOException {
        Path file = write("long.yaml", "name: " + "a".repeat(300) + "\n");
        assertInvalid(quick("validate", file.toString()), file + ":1:7: name: a name of 300 characters is too long");
    }

    @Test
    void aLoneSurrogateIsLocated() throws IOException {
        Path file = dir.resolve("surrogate.yaml");
        byte[] head = "name: ok\ndescription: x".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 4];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xED; // U+D800 encoded as if it were a character: not UTF-8
        bytes[head.length + 1] = (byte) 0xA0;
        bytes[head.length + 2] = (byte) 0x80;
        bytes[head.length + 3] = '\n';
        Files.write(file, bytes);
        CliRun run = quick("validate", file.toString());
        assertInvalid(run, file + ":2:15: not valid UTF-8 (bytes 0xED 0xA0 0x80");
        assertThat(run.err()).doesNotContain("Input length");
    }

    @Test
    void yamlTagsAndTagDirectivesAreRefusedWhereTheyAre() throws IOException {
        Path python = write("python.yaml", "name: x\nsites: !!python/object:os.system {count: 3}\n");
        assertInvalid(quick("validate", python.toString()), python + ":2:8: YAML tags (!!python/object:os.system)");
        Path foo = write("foo.yaml", "name: !foo bar\n");
        assertInvalid(quick("validate", foo.toString()), foo + ":1:7: YAML tags (!foo)");
        Path tag = write("tag.yaml", "%TAG !e! tag:example.com,2000:\n---\nname: x\n");
        assertInvalid(quick("validate", tag.toString()), tag + ":1:1: YAML %TAG directives are not supported");
    }

    @Test
    void hugeDesignsAreRefusedAtOnce() throws IOException {
        Path lhs = write("lhs.yaml", "scenario: " + SweepCommandTest.MICHIGAN + "\nfactors:\n"
                + "  sites.heterogeneity: {min: 0.1, max: 0.4}\ndesign: {type: lhs, n: 1000000000}\n");
        assertInvalid(quick("sweep", lhs.toString(), "--dry-run"), lhs + ":4:9: design: the design has 1000000000 points");
        StringBuilder grid = new StringBuilder("scenario: " + SweepCommandTest.MICHIGAN + "\nfactors:\n");
        String[] keys = {"sites.heterogeneity", "sites.selection", "sites.championProbability",
            "sites.initialMembership"};
        for (String key : keys) {
            grid.append("  ").append(key).append(": {min: 0, max: 0.5, levels: 100}\n");
        }
        grid.append("design: grid\n");
        Path g = write("grid.yaml", grid.toString());
        assertInvalid(quick("sweep", g.toString(), "--dry-run"), "the design has 100000000 points");
    }

    @Test
    void anUnknownCommandWithHelpIsAUsageError() {
        CliRun run = quick("no-such-command", "--help");
        assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("Unmatched argument at index 0: 'no-such-command'");
        CliRun typo = quick("swep", "--help");
        assertThat(typo.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(typo.err()).contains("Did you mean: qicsim sweep");
    }

    @Test
    void threadsAreBounded() {
        assertInvalid(quick("--threads", "536870912", "validate", "scenarios/base.yaml"),
                "--threads must be between 1 and 1024, was 536870912");
    }

    @Test
    void anOutThatCannotBeCreatedIsRefusedBeforeAnyRun() throws IOException {
        Path dangling = dir.resolve("dangling");
        Files.createSymbolicLink(dangling, dir.resolve("nowhere"));
        CliRun run = quick("run", "scenarios/michigan-cqi.yaml", "--reps", "1", "--out", dangling.toString());
        assertInvalid(run, "already exists (as a symbolic link)");
        Path file = write("a-file", "x");
        CliRun under = quick("run", "scenarios/michigan-cqi.yaml", "--reps", "1", "--out", file.resolve("out").toString());
        assertInvalid(under, "cannot create the results folder");
        Path glob = dir.resolve("res?lts");
        assertInvalid(quick("run", "scenarios/michigan-cqi.yaml", "--reps", "1", "--out", glob.toString()),
                "a results folder's name may not hold * ? [ ] { }");
    }

    @Test
    void aReadOnlyOutIsRefusedBeforeAnyRun() throws IOException {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        assumeTrue(locked.toFile().setWritable(false, false) && !Files.isWritable(locked), "root writes anywhere");
        CliRun run = quick("run", "scenarios/michigan-cqi.yaml", "--reps", "1", "--out", locked.resolve("out").toString());
        assertInvalid(run, "permission denied");
    }

    @Test
    void queryRefusesAFolderWhosePathIsAPattern() throws IOException {
        Path a = Files.createDirectories(dir.resolve("r1"));
        Files.writeString(a.resolve("runs.csv"), "point,replicate\n1,0\n");
        Path b = Files.createDirectories(dir.resolve("r2"));
        Files.writeString(b.resolve("runs.csv"), "point,replicate\n1,0\n");
        Path pattern = Files.createDirectories(dir.resolve("r?"));
        Files.writeString(pattern.resolve("runs.csv"), "point,replicate\n1,0\n");
        assertInvalid(quick("query", pattern.toString(), "SELECT count(*) FROM runs"), "which DuckDB reads as a file pattern");
    }

    @Test
    void aFailingParentIsNeverQuoted() throws IOException {
        write("secret.yaml", "root:x:0:0:SECRET-LINE:/root:/bin/bash\n  - [unbalanced\n");
        write("scalar.yaml", "SECRET-SCALAR-LINE\n");
        Path a = write("a.yaml", "extends: secret.yaml\n");
        Path b = write("b.yaml", "extends: scalar.yaml\n");
        CliRun ra = quick("validate", a.toString());
        assertInvalid(ra, a + ":1:10: extends:");
        assertThat(ra.err()).doesNotContain("SECRET").doesNotContain("root:x");
        CliRun rb = quick("validate", b.toString());
        assertInvalid(rb, b + ":1:10: extends:", "is not a scenario file (it is not a mapping of keys)");
        assertThat(rb.err()).doesNotContain("SECRET");
    }
}
