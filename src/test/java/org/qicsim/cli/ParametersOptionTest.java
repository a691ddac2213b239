package org.qicsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --parameters} on {@code run} and {@code compare}: replicate k runs draw k, the same draw for
 * every design, so designs stay paired draw by draw; the run of a design at replicate k is
 * bit-identical to a plain run with that draw's values set; summaries carry both intervals, named.
 */
class ParametersOptionTest {
    static final Path MICHIGAN = Path.of("scenarios/michigan-cqi.yaml").toAbsolutePath();
    static final Path FEEDBACK = Path.of("scenarios/registry-feedback-only.yaml").toAbsolutePath();
    /** Three draws of a world key (baselineRate) and a key that is not (socialisationRate). */
    static final String SAMPLE = """
            draw,weight,distance,sites.baselineRate,collaborative.coordination.socialisationRate
            0,0.3333333333333333,1.5,0.1,0.2
            1,0.3333333333333333,1.2,0.15,0.9
            2,0.3333333333333333,0.7,0.12,0.5
            """;
    static final String[] SMALL = {"--set", "sites.count=6", "--set", "horizonMonths=24", "--quiet"};

    @TempDir
    Path dir;

    private Path sample(String text) throws IOException {
        Path file = dir.resolve("posterior.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private CliRun cli(String... args) {
        String[] all = new String[args.length + SMALL.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(SMALL, 0, all, args.length, SMALL.length);
        return CliRun.of(all);
    }

    /** runs.csv rows without the header, by replicate. */
    private static List<String> runs(Path folder) throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve("runs.csv"));
        return lines.subList(1, lines.size());
    }

    /** A runs.csv row without its point column (which differs between run and compare). */
    private static String withoutPoint(String row) {
        return row.substring(row.indexOf(',') + 1);
    }

    @Test
    void compareRunsDrawKAtReplicateKForEveryDesign() throws Exception {
        Path posterior = sample(SAMPLE);
        Path out = dir.resolve("compare");
        CliRun run = cli("compare", MICHIGAN.toString(), FEEDBACK.toString(), "--reps", "3", "--parameters",
                posterior.toString(), "--out", out.toString());
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("PI [95% prediction interval over replicates").contains("  PI [");

        // parameters.csv: replicate k ran row k (equal weights, no resampling).
        assertThat(Files.readAllLines(out.resolve("parameters.csv"))).containsExactly(
                "replicate,row,draw,sites.baselineRate,collaborative.coordination.socialisationRate",
                "0,0,0,0.1,0.2", "1,1,1,0.15,0.9", "2,2,2,0.12,0.5");

        // Each design's replicate k equals a plain run of that design with draw k's values set.
        String[][] draws = {{"0.1", "0.2"}, {"0.15", "0.9"}, {"0.12", "0.5"}};
        List<String> design1 = runs(out).stream().filter(r -> r.startsWith("1,")).toList();
        List<String> design2 = runs(out).stream().filter(r -> r.startsWith("2,")).toList();
        for (int k = 0; k < 3; k++) {
            for (int d = 0; d < 2; d++) {
                Path plain = dir.resolve("plain-" + d + "-" + k);
                CliRun one = cli("run", (d == 0 ? MICHIGAN : FEEDBACK).toString(), "--reps", String.valueOf(k + 1),
                        "--set", "sites.baselineRate=" + draws[k][0],
                        "--set", "collaborative.coordination.socialisationRate=" + draws[k][1], "--out", plain.toString());
                assertThat(one.exit()).as(one.toString()).isZero();
                assertThat(withoutPoint((d == 0 ? design1 : design2).get(k))).as("design %d replicate %d", d + 1, k)
                        .isEqualTo(withoutPoint(runs(plain).get(k)));
            }
            // Paired draw by draw: the same world and draw give both designs the same counterfactual.
            String[] a = design1.get(k).split(",");
            String[] b = design2.get(k).split(",");
            int cf = 3 + List.of("baselineRate", "finalRate", "cfFinalRate").indexOf("cfFinalRate");
            assertThat(b[cf]).isEqualTo(a[cf]);
            assertThat(b[3]).isEqualTo(a[3]);
        }
        // Different draws of a world key give different baselines (their own counterfactuals).
        assertThat(design1.get(0).split(",")[3]).isNotEqualTo(design1.get(1).split(",")[3]);

        JsonNode summary = new ObjectMapper().readTree(out.resolve("designs/1-michigan-cqi/summary.json").toFile());
        JsonNode finalRate = summary.get("metrics").get("finalRate");
        assertThat(finalRate.has("piLow") && finalRate.has("piHigh") && finalRate.has("ciLow")).isTrue();
        assertThat(finalRate.get("piLow").asDouble()).isLessThan(finalRate.get("ciLow").asDouble());
        assertThat(summary.get("intervals").toString()).contains("prediction interval");
        assertThat(summary.get("parameters").get("draws").asInt()).isEqualTo(3);
        assertThat(Files.readAllLines(out.resolve("compare.csv")).get(0))
                .endsWith(",paired,piLow,piHigh,diffPiLow,diffPiHigh");
    }

    /**
     * {@code attribute --parameters}: replicate k of every one of the 32 feature designs runs draw k;
     * the all-on design (mask 31, point 32: the scenario as written) at replicate k equals a plain run with
     * draw k's values set, and parameters.csv says which draw each replicate ran.
     */
    @Test
    void attributeRunsDrawKAtReplicateKForAllThirtyTwoDesigns() throws Exception {
        Path posterior = sample(SAMPLE);
        Path out = dir.resolve("attribute");
        CliRun run = cli("attribute", MICHIGAN.toString(), "--reps", "2", "--resamples", "50", "--no-report",
                "--parameters", posterior.toString(), "--out", out.toString());
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(Files.readAllLines(out.resolve("parameters.csv"))).containsExactly(
                "replicate,row,draw,sites.baselineRate,collaborative.coordination.socialisationRate",
                "0,0,0,0.1,0.2", "1,1,1,0.15,0.9");
        List<String> allOn = runs(out).stream().filter(row -> row.startsWith("32,")).sorted().toList();
        assertThat(allOn).hasSize(2);
        String[][] draws = {{"0.1", "0.2"}, {"0.15", "0.9"}};
        for (int k = 0; k < 2; k++) {
            Path plain = dir.resolve("attribute-plain-" + k);
            CliRun one = cli("run", MICHIGAN.toString(), "--reps", String.valueOf(k + 1),
                    "--set", "sites.baselineRate=" + draws[k][0],
                    "--set", "collaborative.coordination.socialisationRate=" + draws[k][1], "--out", plain.toString());
            assertThat(one.exit()).as(one.toString()).isZero();
            assertThat(withoutPoint(allOn.get(k))).as("replicate %d", k).isEqualTo(withoutPoint(runs(plain).get(k)));
        }
        // Every design at a replicate shares that draw's world: one baseline per replicate.
        for (int k = 0; k < 2; k++) {
            int replicate = k;
            assertThat(runs(out).stream().filter(row -> row.split(",")[1].equals(String.valueOf(replicate)))
                    .map(row -> row.split(",")[3]).distinct()).hasSize(1);
        }
    }

    @Test
    void unequalWeightsAreResampledFromTheMasterSeedAndFewerDrawsAreReused() throws Exception {
        // All the weight on draw 1: every replicate must run it.
        Path posterior = sample(SAMPLE.replace("0,0.3333333333333333", "0,0.0").replace("2,0.3333333333333333", "2,0.0"));
        Path out = dir.resolve("weighted");
        CliRun run = cli("run", MICHIGAN.toString(), "--reps", "4", "--parameters", posterior.toString(), "--out",
                out.toString());
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(Files.readAllLines(out.resolve("parameters.csv")).subList(1, 5))
                .allMatch(line -> line.matches("\\d,1,1,0.15,0.9"));

        Path reused = dir.resolve("reused");
        run = cli("run", MICHIGAN.toString(), "--reps", "4", "--parameters", sample(SAMPLE).toString(), "--out",
                reused.toString());
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(Files.readAllLines(reused.resolve("parameters.csv")).get(4)).startsWith("3,0,0,");
    }

    @Test
    void columnsThatAreNotScenarioKeysAreRefusedWithDidYouMean() throws Exception {
        Path posterior = sample(SAMPLE.replace("sites.baselineRate", "sites.baselinRate"));
        CliRun run = cli("run", MICHIGAN.toString(), "--reps", "2", "--parameters", posterior.toString(), "--out",
                dir.resolve("no").toString());
        assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains(posterior.normalize() + ":1:22: sites.baselinRate: column sites.baselinRate is "
                + "not a scenario key (did you mean \"sites.baselineRate\"?)").doesNotContain("Exception");
        assertThat(dir.resolve("no")).doesNotExist();
        assertThat(dir.resolve("no.partial")).doesNotExist();
    }

    /** The numbers of a runs.csv row after its point column. */
    private static List<Double> numbers(String row) {
        List<Double> out = new java.util.ArrayList<>();
        String[] cells = row.split(",", -1);
        for (int i = 1; i < cells.length; i++) {
            out.add(cells[i].isEmpty() ? Double.NaN : i == 2 ? (double) Long.parseUnsignedLong(cells[i], 16)
                    : Double.parseDouble(cells[i]));
        }
        return out;
    }

    @Test
    void sweepRunsDrawKAtReplicateKOfEveryPoint() throws Exception {
        Path posterior = sample(SAMPLE);
        Path experiment = dir.resolve("experiment.yaml");
        Files.writeString(experiment, """
                scenario: %s
                seed: 7
                replications: 2
                set: {sites.count: 6, horizonMonths: 24}
                factors:
                  collaborative.feedback.display: [funnel, league]
                design: grid
                """.formatted(MICHIGAN), StandardCharsets.UTF_8);
        Path out = dir.resolve("sweep");
        CliRun run = CliRun.of("sweep", experiment.toString(), "--csv", "--parameters", posterior.toString(), "--out",
                out.toString(), "--quiet");
        assertThat(run.exit()).as(run.toString()).isZero();
        List<String> rows = runs(out);
        assertThat(rows).hasSize(4);
        String[][] draws = {{"0.1", "0.2"}, {"0.15", "0.9"}};
        String[] display = {"funnel", "league"};
        for (String row : rows) {
            String[] cells = row.split(",");
            int point = Integer.parseInt(cells[0]);
            int k = Integer.parseInt(cells[1]);
            Path plain = dir.resolve("plain-" + point + "-" + k);
            CliRun one = cli("run", MICHIGAN.toString(), "--seed", "7", "--reps", String.valueOf(k + 1),
                    "--set", "collaborative.feedback.display=" + display[point - 1],
                    "--set", "sites.baselineRate=" + draws[k][0],
                    "--set", "collaborative.coordination.socialisationRate=" + draws[k][1], "--out", plain.toString());
            assertThat(one.exit()).as(one.toString()).isZero();
            assertThat(numbers(row)).as("point %d replicate %d", point, k).isEqualTo(numbers(runs(plain).get(k)));
        }
        // A sample column that is also a factor is refused.
        Path clash = sample(SAMPLE.replace("collaborative.coordination.socialisationRate", "collaborative.feedback.everyMonths"));
        Files.writeString(experiment, Files.readString(experiment).replace("collaborative.feedback.display: [funnel, league]",
                "collaborative.feedback.everyMonths: [3, 6]"));
        run = CliRun.of("sweep", experiment.toString(), "--csv", "--parameters", clash.toString(), "--out",
                dir.resolve("clash").toString(), "--quiet");
        assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("is also a factor");
    }
}
