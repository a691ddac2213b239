package org.qicsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qicsim.analysis.cea.Perspective;
import org.qicsim.experiment.DesignSpec;
import org.qicsim.experiment.Experiment;
import org.qicsim.experiment.LocalPool;
import org.qicsim.experiment.ParameterSample;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.ResolvedScenario;
import org.qicsim.scenario.ScenarioLoader;

/**
 * Issue 12 item 5: {@code compare} without {@code --parameters} runs the posterior bundled in the jar
 * (replicate k at its draw k, so the outputs carry prediction intervals); {@code --parameters none}
 * is the comparison without draws; a file given overrides the default.
 */
class CompareDefaultPosteriorTest {
    static final long SEED = 20231201L;
    static final int REPS = 3;

    @TempDir
    Path dir;

    /** A small design of michigan-cqi (8 sites, 24 months) so the tests stay fast. */
    private Path small(String name, String extra) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, "name: " + name + "\nextends: " + Path.of("scenarios/michigan-cqi.yaml").toAbsolutePath()
                + "\nseed: " + SEED + "\nreplications: " + REPS + "\nhorizonMonths: 24\nsites: {count: 8}\n" + extra,
                StandardCharsets.UTF_8);
        return file;
    }

    private CliRun compare(String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("compare", small("base", "").toString(),
                small("league", "collaborative: {feedback: {display: league}}\n").toString(), "--quiet", "--no-report"));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exit()).as(run.toString()).isZero();
        return run;
    }

    private static byte[] bundled() throws IOException {
        try (InputStream in = CompareDefaultPosteriorTest.class.getResourceAsStream(ParameterOption.BUNDLED_RESOURCE)) {
            assertThat(in).as("the build copies scenarios/calibration/component-reviews-posterior.csv into the jar")
                    .isNotNull();
            return in.readAllBytes();
        }
    }

    /** The top-level CSV files of a folder, by name. */
    private static List<String> csvFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().toList();
        }
    }

    @Test
    void compareWithoutParametersRunsTheBundledPosteriorAndReportsPredictionIntervals() throws Exception {
        Path out = dir.resolve("default");
        CliRun run = compare("--threads", "1", "--out", out.toString());

        // parameters.csv: replicate k ran the bundled sample's row for replicate k (resampled from the master seed).
        byte[] content = bundled();
        ParameterSample sample = ParameterSample.readCsv(ParameterOption.BUNDLED, new ByteArrayInputStream(content));
        int[] rows = sample.rowsForReplicates(REPS, SEED);
        List<String> lines = Files.readAllLines(out.resolve("parameters.csv"));
        assertThat(lines.get(0)).isEqualTo("replicate,row,draw," + String.join(",", sample.parameters()));
        assertThat(lines).hasSize(REPS + 1);
        for (int k = 0; k < REPS; k++) {
            assertThat(lines.get(k + 1)).startsWith(k + "," + rows[k] + "," + sample.drawId(rows[k]) + ",");
        }
        assertThat(Files.readAllLines(out.resolve("compare.csv")).get(0))
                .endsWith(",paired,piLow,piHigh,diffPiLow,diffPiHigh");

        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        ObjectMapper json = new ObjectMapper();
        for (Path file : List.of(out.resolve("manifest.json"), out.resolve("designs/1-base/summary.json"))) {
            JsonNode parameters = json.readTree(file.toFile()).get("parameters");
            assertThat(parameters.get("file").asText()).as(file.toString()).isEqualTo("bundled:component-reviews-posterior.csv");
            assertThat(parameters.get("sha256").asText()).as(file.toString()).isEqualTo(sha256);
        }
        JsonNode finalRate = json.readTree(out.resolve("designs/2-league/summary.json").toFile()).get("metrics")
                .get("finalRate");
        assertThat(finalRate.has("piLow") && finalRate.has("piHigh")).isTrue();
        // One line says which posterior the intervals include, and how to leave it out.
        assertThat(run.out().lines().filter(l -> l.startsWith("Prediction intervals include")).toList()).singleElement()
                .asString().contains("bundled:component-reviews-posterior.csv", sha256.substring(0, 8),
                        "--parameters none");
    }

    /**
     * {@code --parameters none} writes exactly the CSVs of a comparison without draws: the same
     * designs written by the workshop's export, which never reads a posterior, byte for byte.
     */
    @Test
    void parametersNoneIsTheComparisonWithoutDraws() throws Exception {
        Path out = dir.resolve("none");
        CliRun run = compare("--threads", "1", "--parameters", "none", "--out", out.toString());
        assertThat(out.resolve("parameters.csv")).doesNotExist();
        assertThat(run.out()).doesNotContain("Prediction intervals include").doesNotContain("PI [");
        assertThat(new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).get("parameters").isNull()).isTrue();

        List<DesignSpec> designs = new ArrayList<>();
        List<KeyOverride> fixed = List.of(KeyOverride.of("seed", SEED, "--seed"), KeyOverride.of("replications", REPS,
                "--reps"));
        designs.add(new DesignSpec(1, "base", ScenarioLoader.load(dir.resolve("base.yaml"), fixed)));
        designs.add(new DesignSpec(2, "league", ScenarioLoader.load(dir.resolve("league.yaml"), fixed)));
        ResolvedScenario first = designs.get(0).scenario();
        Path reference = dir.resolve("reference");
        try (LocalPool pool = new LocalPool(1)) {
            new WorkshopCompareExport(new GlobalOptions()).write(reference, new Experiment(designs, SEED, REPS), pool,
                    List.of(), Perspective.SOCIETAL, first.scenario().costs().perAdverseEvent());
        }
        assertThat(csvFiles(out)).isEqualTo(csvFiles(reference)).contains("runs.csv", "compare.csv", "cea.csv");
        for (String name : csvFiles(out)) {
            assertThat(Files.readAllBytes(out.resolve(name))).as(name).isEqualTo(Files.readAllBytes(reference.resolve(name)));
        }
        // The default differs: its replicates ran the posterior's draws.
        Path withDraws = dir.resolve("default");
        compare("--threads", "1", "--out", withDraws.toString());
        assertThat(Files.readAllBytes(withDraws.resolve("runs.csv"))).isNotEqualTo(Files.readAllBytes(out.resolve("runs.csv")));
    }

    @Test
    void anExplicitFileOverridesTheBundledPosterior() throws Exception {
        Path sample = Path.of("src/test/resources/posterior/placeholder-posterior.csv");
        Path out = dir.resolve("file");
        CliRun run = compare("--threads", "1", "--parameters", sample.toString(), "--out", out.toString());
        assertThat(Files.readAllLines(out.resolve("parameters.csv"))).containsExactly(
                "replicate,row,draw,sites.baselineRate,environment.secularTrendPerYear",
                "0,0,10,0.11,-0.05", "1,1,11,0.13,-0.02", "2,2,12,0.15,0.01");
        assertThat(new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).get("parameters").get("file")
                .asText()).isEqualTo(sample.toString().replace('\\', '/'));
        assertThat(run.out()).contains("3 draws of " + sample.toString().replace('\\', '/'))
                .doesNotContain("bundled:");
    }

    @Test
    void theDefaultPosteriorGivesTheSameResultsOnOneAndTwoThreads() throws Exception {
        compare("--threads", "1", "--out", dir.resolve("one").toString());
        compare("--threads", "2", "--out", dir.resolve("two").toString());
        List<String> files = csvFiles(dir.resolve("one"));
        assertThat(files).contains("parameters.csv", "runs.csv", "timeseries.csv", "sites.csv", "compare.csv");
        for (String name : files) {
            assertThat(Files.readAllBytes(dir.resolve("two").resolve(name))).as(name)
                    .isEqualTo(Files.readAllBytes(dir.resolve("one").resolve(name)));
        }
        assertThat(Files.readAllBytes(dir.resolve("two/designs/2-league/summary.json")))
                .isEqualTo(Files.readAllBytes(dir.resolve("one/designs/2-league/summary.json")));
    }

    /**
     * {@code --resume} checks the draws: a folder started with the default posterior resumes with it
     * to the uninterrupted results, and is refused (exit 2, before any run) with {@code --parameters none}
     * or another sample.
     */
    @Test
    void aFolderStartedWithTheDefaultPosteriorResumesWithItAndOnlyWithIt() throws Exception {
        Path whole = dir.resolve("whole");
        compare("--threads", "1", "--out", whole.toString());
        List<String> args = new ArrayList<>(List.of("compare", dir.resolve("base.yaml").toString(),
                dir.resolve("league.yaml").toString(), "--quiet", "--no-report", "--threads", "1"));
        List<String> stop = new ArrayList<>(args);
        stop.addAll(List.of("--interrupt-after", "1", "--out", dir.resolve("cut").toString()));
        assertThat(CliRun.of(stop.toArray(String[]::new)).exit()).isEqualTo(130);
        Path partial = dir.resolve("cut.partial");

        List<String> none = new ArrayList<>(args);
        none.addAll(List.of("--parameters", "none", "--resume", partial.toString()));
        CliRun refused = CliRun.of(none.toArray(String[]::new));
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(refused.err()).contains("was started with parameter draws (its parameters.csv), not with "
                + "--parameters none").doesNotContain("\tat ");

        List<String> other = new ArrayList<>(args);
        other.addAll(List.of("--parameters", "src/test/resources/posterior/placeholder-posterior.csv", "--resume",
                partial.toString()));
        refused = CliRun.of(other.toArray(String[]::new));
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(refused.err()).contains("with other parameter draws than "
                + "src/test/resources/posterior/placeholder-posterior.csv gives (its parameters.csv differs)");

        List<String> resume = new ArrayList<>(args);
        resume.addAll(List.of("--resume", partial.toString()));
        CliRun resumed = CliRun.of(resume.toArray(String[]::new));
        assertThat(resumed.exit()).as(resumed.toString()).isZero();
        for (String name : List.of("parameters.csv", "compare.csv", "points.csv")) {
            assertThat(Files.readAllBytes(dir.resolve("cut").resolve(name))).as(name)
                    .isEqualTo(Files.readAllBytes(whole.resolve(name)));
        }
    }

    @Test
    void badSamplesAreRefusedWithTheirFileLineAndColumn() throws Exception {
        Path missing = dir.resolve("missing.csv");
        CliRun run = CliRun.of("compare", small("base", "").toString(), small("league", "").toString(), "--parameters",
                missing.toString(), "--dry-run");
        assertThat(run.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains(missing.normalize() + ": cannot read: no such file").doesNotContain("\tat ");

        Path malformed = dir.resolve("malformed.csv");
        Files.writeString(malformed, "draw,weight,distance,sites.baselineRate\n0,1,0,0.12\n1,1,0,zero\n");
        run = CliRun.of("compare", dir.resolve("base.yaml").toString(), dir.resolve("league.yaml").toString(),
                "--parameters", malformed.toString(), "--dry-run");
        assertThat(run.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains(malformed.normalize() + ":3:7: sites.baselineRate: expected a number, got \"zero\"")
                .doesNotContain("\tat ");

        Path unknown = dir.resolve("unknown.csv");
        Files.writeString(unknown, "draw,weight,distance,sites.baselinRate\n0,1,0,0.12\n");
        run = CliRun.of("compare", dir.resolve("base.yaml").toString(), dir.resolve("league.yaml").toString(),
                "--parameters", unknown.toString(), "--dry-run");
        assertThat(run.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains(unknown.normalize() + ":1:22: sites.baselinRate: column sites.baselinRate is "
                + "not a scenario key (did you mean \"sites.baselineRate\"?)").doesNotContain("\tat ");
    }

    /** A problem a bundled draw causes in a scenario is located at that draw of the bundled posterior. */
    @Test
    void overridesOfTheBundledPosteriorNameItAndTheirDraw() throws Exception {
        ParameterSample sample = ParameterSample.readCsv(ParameterOption.BUNDLED, new ByteArrayInputStream(bundled()));
        assertThat(sample.overrides(0)).allSatisfy(o -> assertThat(o.origin())
                .startsWith("bundled:component-reviews-posterior.csv draw "));
    }
}
