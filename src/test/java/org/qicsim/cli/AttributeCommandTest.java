package org.qicsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qicsim attribute}: one counterfactual per replicate for all 32 designs (counted by the
 * experiment's cache), files with the contracted columns, and results (bootstrap included) identical
 * for any thread count.
 */
class AttributeCommandTest {
    private static final List<String> FILES = List.of("attribution.csv", "designs.csv", "cea.csv", "ceac.csv",
            "summary.json", "design.csv", "points.csv");
    /** The run store's tables: the same rows whatever the thread count, in the order runs finished. */
    private static final List<String> TABLES = List.of("runs.csv", "timeseries.csv", "sites.csv");

    @TempDir
    Path dir;

    /** michigan-cqi cut to 10 sites and 24 months, 3 replicates: 96 short runs. */
    private Path small() throws IOException {
        Path file = dir.resolve("small.yaml");
        Files.writeString(file, "name: small\nextends: " + Path.of("scenarios/michigan-cqi.yaml").toAbsolutePath()
                + "\nreplications: 3\nhorizonMonths: 24\nsites: {count: 10}\n", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void thirtyTwoDesignsShareOneCounterfactualPerReplicateAndThreadsDoNotChangeAnything() throws IOException {
        Path scenario = small();
        CliRun one = CliRun.of("attribute", scenario.toString(), "--threads", "1", "--resamples", "200",
                "--out", dir.resolve("one").toString());
        CliRun two = CliRun.of("attribute", scenario.toString(), "--threads", "2", "--resamples", "200",
                "--out", dir.resolve("two").toString());
        assertThat(one.exit()).as(one.toString()).isZero();
        assertThat(two.exit()).as(two.toString()).isZero();
        for (String f : FILES) {
            assertThat(Files.readAllBytes(dir.resolve("two").resolve(f))).as(f)
                    .isEqualTo(Files.readAllBytes(dir.resolve("one").resolve(f)));
        }
        for (String f : TABLES) {
            assertThat(sorted(dir.resolve("two").resolve(f))).as(f).isEqualTo(sorted(dir.resolve("one").resolve(f)));
        }
        assertThat(one.lastLine()).isEqualTo(dir.resolve("one").toString());
        // 32 designs × 3 replicates, but only 3 counterfactual arms computed (counted by the cache).
        String summary = Files.readString(dir.resolve("one/summary.json"));
        assertThat(summary).contains("\"kind\": \"attribute\"", "\"counterfactualArms\": 3", "\"designs\": 32");
        assertThat(one.out()).contains("one counterfactual per replicate: 3 computed");
        // The one layout: runs numbered by point = mask + 1, a design and a points row per combination.
        List<String> runs = Files.readAllLines(dir.resolve("one/runs.csv"));
        assertThat(runs).hasSize(1 + 32 * 3);
        assertThat(runs.get(0)).startsWith("point,replicate,runSeed,");
        assertThat(runs.subList(1, runs.size())).extracting(l -> Integer.parseInt(l.split(",")[0]))
                .allMatch(p -> p >= 1 && p <= 32);
        assertThat(Files.readAllLines(dir.resolve("one/design.csv"))).hasSize(1 + 32);
        try (var files = Files.list(dir.resolve("one"))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .doesNotContain("designs").contains("features.yaml", "scenario.resolved.yaml", "manifest.json");
        }

        List<String> attribution = Files.readAllLines(dir.resolve("one/attribution.csv"));
        assertThat(attribution.get(0)).isEqualTo("metric,feature,quantity,estimate,ciLow,ciHigh,piLow,piHigh");
        // 4 metrics × (5 main + 5 Shapley + 1 interaction share).
        assertThat(attribution).hasSize(1 + 4 * 11);
        assertThat(attribution).anyMatch(l -> l.startsWith("netMonetaryBenefit,all,interactionShare,"));
        List<String> designs = Files.readAllLines(dir.resolve("one/designs.csv"));
        assertThat(designs.get(0)).startsWith("design,positiveDeviance,coordination,measurementFeedback,"
                + "motivationalLevers,leadershipCommunity,eventsAvertedMean,eventsAvertedCiLow,eventsAvertedCiHigh,");
        assertThat(designs).hasSize(33);
        assertThat(designs.get(32)).startsWith("31,1,1,1,1,1,");
        assertThat(Files.readAllLines(dir.resolve("one/cea.csv")).get(0)).isEqualTo(String.join(",", CeaFiles.CEA_COLUMNS));
        assertThat(Files.readAllLines(dir.resolve("one/cea.csv")).get(1)).startsWith("allOn,noCollaborative,societal,");
        assertThat(Files.readAllLines(dir.resolve("one/ceac.csv")).get(0))
                .isEqualTo("design,comparator,perspective,wtp,probabilityCostEffective");
    }

    /** Ctrl-C (simulated after 5 runs): exit 130, the .partial folder kept with whole rows only. */
    @Test
    void interruptedAttributionKeepsItsPartialFolder() throws IOException {
        CliRun r = CliRun.of("attribute", small().toString(), "--threads", "1", "--interrupt-after", "5",
                "--out", dir.resolve("cut").toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(130);
        assertThat(Files.exists(dir.resolve("cut"))).isFalse();
        List<String> rows = Files.readAllLines(dir.resolve("cut.partial/runs.csv"));
        assertThat(rows.size()).isBetween(6, 1 + 32 * 3 - 1);
        assertThat(rows.get(rows.size() - 1).split(",", -1)).hasSize(rows.get(0).split(",", -1).length);
    }

    /**
     * {@code --resume} (the session's): an attribution stopped after 5 runs on one thread, then
     * resumed on two, ends with the uninterrupted attribution's runs (as sorted rows), attribution,
     * designs, points and cost-effectiveness byte for byte; a resume with another features file, or
     * of a folder started by the qicsim whose runs.csv was numbered by {@code design}, is refused
     * with exit 2 and a message. Such an old finished folder still gets its report, and
     * {@code query} says what to do.
     */
    @Test
    void interruptedAttributionResumesToTheUninterruptedResults() throws IOException {
        Path scenario = small();
        String[] common = {"--resamples", "200", "--no-report", "--quiet"};
        assertThat(CliRun.of(concat(new String[] {"attribute", scenario.toString(), "--threads", "2", "--out",
            dir.resolve("whole").toString()}, common)).exit()).isZero();
        CliRun stopped = CliRun.of(concat(new String[] {"attribute", scenario.toString(), "--threads", "1",
            "--interrupt-after", "5", "--out", dir.resolve("cut").toString()}, common));
        assertThat(stopped.exit()).as(stopped.toString()).isEqualTo(130);
        assertThat(stopped.err()).contains("--resume " + dir.resolve("cut.partial"));

        Path otherFeatures = dir.resolve("features.yaml");
        Files.writeString(otherFeatures, Files.readString(Path.of("scenarios/features.yaml")) + "\n# edited\n");
        CliRun other = CliRun.of(concat(new String[] {"attribute", scenario.toString(), "--features",
            otherFeatures.toString(), "--resume", dir.resolve("cut.partial").toString()}, common));
        assertThat(other.exit()).as(other.toString()).isEqualTo(2);
        assertThat(other.err()).contains("features.yaml (it differs)").doesNotContain("\tat ");

        CliRun resumed = CliRun.of(concat(new String[] {"attribute", scenario.toString(), "--threads", "2",
            "--resume", dir.resolve("cut.partial").toString()}, common));
        assertThat(resumed.exit()).as(resumed.toString()).isZero();
        assertThat(resumed.lastLine()).isEqualTo(dir.resolve("cut").toString());
        for (String f : List.of("attribution.csv", "designs.csv", "design.csv", "points.csv", "cea.csv", "ceac.csv")) {
            assertThat(Files.readAllBytes(dir.resolve("cut").resolve(f))).as(f)
                    .isEqualTo(Files.readAllBytes(dir.resolve("whole").resolve(f)));
        }
        for (String f : TABLES) {
            assertThat(sorted(dir.resolve("cut").resolve(f))).as(f).isEqualTo(sorted(dir.resolve("whole").resolve(f)));
        }

        // A folder of the layout before: runs.csv numbered by design (mask), no design/points tables.
        Path old = dir.resolve("old.partial");
        Files.createDirectories(old);
        for (String f : List.of("scenario.resolved.yaml", "features.yaml")) {
            Files.copy(dir.resolve("whole").resolve(f), old.resolve(f));
        }
        List<String> runs = Files.readAllLines(dir.resolve("whole/runs.csv"));
        Files.write(old.resolve("runs.csv"), List.of(runs.get(0).replaceFirst("^point,", "design,"), runs.get(1)));
        CliRun refused = CliRun.of(concat(new String[] {"attribute", scenario.toString(), "--resume", old.toString()},
                common));
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("earlier qicsim", "\"design\"").doesNotContain("\tat ");
        Path finished = dir.resolve("old");
        Files.createDirectories(finished);
        for (String f : List.of("attribution.csv", "designs.csv", "cea.csv", "ceac.csv", "summary.json",
                "manifest.json", "scenario.resolved.yaml", "features.yaml")) {
            Files.copy(dir.resolve("whole").resolve(f), finished.resolve(f));
        }
        Files.copy(old.resolve("runs.csv"), finished.resolve("runs.csv"));
        CliRun report = CliRun.of("report", finished.toString());
        assertThat(report.exit()).as(report.toString()).isZero();
        assertThat(Files.readString(finished.resolve("report.html"))).contains("Which feature produced the effect");
        CliRun query = CliRun.of("query", finished.toString(), "SELECT count(*) FROM runs");
        assertThat(query.exit()).as(query.toString()).isEqualTo(2);
        assertThat(query.err()).contains("attribute folder in the layout", "design + 1 AS point")
                .doesNotContain("\tat ");
    }

    @Test
    void dryRunCountsOneCounterfactualPerReplicate() throws IOException {
        CliRun r = CliRun.of("attribute", small().toString(), "--dry-run", "--results", dir.resolve("res").toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("96 runs (3 replicates", "3 counterfactual arms");
        assertThat(Files.exists(dir.resolve("res"))).isFalse();
    }

    @Test
    void badInputIsExitTwoWithAMessage() throws IOException {
        CliRun perspective = CliRun.of("attribute", small().toString(), "--perspective", "hospital", "--dry-run");
        assertThat(perspective.exit()).isEqualTo(2);
        assertThat(perspective.err()).contains("payer, sites, societal");
        CliRun features = CliRun.of("attribute", small().toString(), "--features", dir.resolve("none.yaml").toString(),
                "--dry-run");
        assertThat(features.exit()).isEqualTo(2);
        assertThat(features.err()).contains("none.yaml").doesNotContain("\tat ");
        CliRun wtp = CliRun.of("attribute", small().toString(), "--wtp", "-5", "--dry-run");
        assertThat(wtp.exit()).isEqualTo(2);
        assertThat(wtp.err()).contains("--wtp");
        CliRun resumeDry = CliRun.of("attribute", small().toString(), "--resume", dir.resolve("x.partial").toString(),
                "--dry-run");
        assertThat(resumeDry.exit()).isEqualTo(2);
        assertThat(resumeDry.err()).contains("--resume continues its folder");
        Path existing = Files.createDirectories(dir.resolve("mine"));
        CliRun out = CliRun.of("attribute", small().toString(), "--out", existing.toString());
        assertThat(out.exit()).isEqualTo(2);
    }

    private static List<String> sorted(Path file) throws IOException {
        return Files.readAllLines(file).stream().sorted().toList();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
