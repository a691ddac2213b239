package org.qicsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qicsim patterns}: scorecard folder, exit codes, invalid input, determinism across threads. */
class PatternsCommandTest {

    @TempDir
    Path dir;

    /** Two tiny patterns (a review and a replicates pattern with an impossible band) and one not expressible. */
    private Path smallPatterns() throws IOException {
        Path patterns = Files.createDirectories(dir.resolve("patterns"));
        Files.writeString(patterns.resolve("T1.yaml"), TinyPatterns.review("T1", "tiny review", "calibration", 4,
                "    interval: {key: collaborative.feedback.everyMonths, distribution: choice, values: [1, 3]}\n",
                "moderators:\n  - {name: monthly, variable: interval, sign: negative}\n"));
        Files.writeString(patterns.resolve("T2.yaml"), TinyPatterns.replicates("T2", "tiny replicates",
                "impossible on purpose", 0.9, 1.0));
        Files.writeString(patterns.resolve("T3.yaml"), """
                id: T3
                title: not expressible
                source: test
                set: calibration
                kind: notExpressible
                metric: m
                criterion: c
                reason: no process indicator
                """);
        return patterns;
    }

    @Test
    void writesTheScorecardFolderAndExitsZeroWithFailingVerdicts() throws IOException {
        Path patterns = smallPatterns();
        CliRun run = CliRun.of("patterns", "--patterns", patterns.toString(), "--threads", "2", "--quiet",
                "--results", dir.resolve("results").toString());
        assertThat(run.exit()).as(run.toString()).isZero();
        Path folder = Path.of(run.lastLine());
        assertThat(folder.getParent().getFileName().toString()).isEqualTo("patterns");
        assertThat(folder.getFileName().toString()).matches("\\d{8}T\\d{6}Z-[0-9a-f]{8}");
        List<String> csv = Files.readAllLines(folder.resolve("scorecard.csv"));
        assertThat(csv.get(0)).isEqualTo("id,set,title,metric,estimate,ciLow,ciHigh,bandLow,bandHigh,verdict,reason");
        assertThat(csv).hasSize(4);
        assertThat(csv.get(2)).startsWith("T2,validation,tiny replicates,finalRate,").contains(",0.9,1.0,fail,");
        assertThat(csv.get(3)).isEqualTo("T3,calibration,not expressible,m,,,,,,not expressible,no process indicator");
        assertThat(folder.resolve("scorecard.json")).content().contains("\"verdict\" : \"not expressible\"");
        assertThat(folder.resolve("manifest.json")).exists();
        List<String> trials = Files.readAllLines(folder.resolve("T1/trials.csv"));
        assertThat(trials.get(0)).isEqualTo("trial,runSeed,followUpMonths,sites,interval,baselineCompliance,difference,"
                + "siteCiLow,siteCiHigh");
        assertThat(trials).hasSize(5);
        assertThat(folder.resolve("T2/checks.csv")).exists();
        assertThat(run.out()).contains("T2 ").contains(" fail — finalRate");
        assertThat(Files.exists(folder.resolveSibling(folder.getFileName() + ".partial"))).isFalse();
    }

    @Test
    void scorecardIsByteIdenticalWhateverTheThreads() throws IOException {
        Path patterns = smallPatterns();
        CliRun one = CliRun.of("patterns", "--patterns", patterns.toString(), "--only", "T1,T2", "--threads", "1",
                "--quiet", "--out", dir.resolve("one").toString());
        CliRun two = CliRun.of("patterns", "--patterns", patterns.toString(), "--only", "T1,T2", "--threads", "2",
                "--quiet", "--out", dir.resolve("two").toString());
        assertThat(one.exit()).as(one.toString()).isZero();
        assertThat(two.exit()).as(two.toString()).isZero();
        for (String file : List.of("scorecard.csv", "scorecard.json", "T1/trials.csv", "T1/summary.csv", "T2/replicates.csv")) {
            assertThat(Files.readAllBytes(dir.resolve("two").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(dir.resolve("one").resolve(file)));
        }
    }

    @Test
    void unknownOnlyIdIsInvalidInputWithDidYouMean() throws IOException {
        CliRun run = CliRun.of("patterns", "--patterns", smallPatterns().toString(), "--only", "T1,X2", "--out",
                dir.resolve("never").toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("--only: no pattern \"X2\"").contains("valid: T1, T2, T3");
        assertThat(dir.resolve("never")).doesNotExist();
        CliRun bundled = CliRun.of("patterns", "--only", "C7", "--out", dir.resolve("never").toString());
        assertThat(bundled.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(bundled.err()).contains("(did you mean \"C1\"");
    }

    @Test
    void badPatternFileIsInvalidInputAtItsLine() throws IOException {
        Path patterns = smallPatterns();
        Files.writeString(patterns.resolve("T3.yaml"), Files.readString(patterns.resolve("T3.yaml"))
                .replace("kind: notExpressible", "kind: notExpresible"));
        CliRun run = CliRun.of("patterns", "--patterns", patterns.toString(), "--out", dir.resolve("never").toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("T3.yaml:5:7: kind: unknown value \"notExpresible\" (did you mean \"notExpressible\"?)");
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    void badPatternSetIsInvalidInput() throws IOException {
        CliRun run = CliRun.of("patterns", "--patterns", smallPatterns().toString(), "--pattern-set", "validaton");
        assertThat(run.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("did you mean \"validation\"?");
    }
}
