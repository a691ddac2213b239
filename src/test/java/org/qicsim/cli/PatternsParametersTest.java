package org.qicsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qicsim patterns --parameters}: the validation patterns run the posterior, replicate k of
 * every design draw k (bit-identical to a run with draw k's values set), while the calibration
 * patterns keep the defaults they were fitted to; without the option (or with {@code none}) the
 * scorecard is what it was; a bad sample is refused before anything runs.
 */
class PatternsParametersTest {
    /**
     * Two draws of the effort intercept for three replicates: replicates 0 and 2 run draw 0 (rows
     * are reused in order), replicate 1 runs draw 1. Both far from the default, so the replicates
     * differ from the defaults' whatever the seed.
     */
    static final String SAMPLE = """
            draw,weight,distance,behaviour.effort.intercept
            0,0.5,1.0,-9.0
            1,0.5,1.0,2.0
            """;

    @TempDir
    Path dir;

    /**
     * Tiny patterns of three replicates: a calibration review (C9) and validation patterns of each
     * kind the posterior applies to (V9 replicates, V8 review, V7 features).
     */
    private Path patterns() throws IOException {
        Path patterns = Files.createDirectories(dir.resolve("patterns"));
        Files.writeString(patterns.resolve("C9.yaml"), TinyPatterns.review("C9", "tiny calibration review", "calibration", 3,
                "", ""));
        Files.writeString(patterns.resolve("V9.yaml"), TinyPatterns.replicates("V9", "tiny validation replicates", "test",
                0.0, 1.0));
        Files.writeString(patterns.resolve("V8.yaml"), TinyPatterns.review("V8", "tiny validation review", "validation", 3,
                "", ""));
        Files.writeString(patterns.resolve("V7.yaml"), """
                id: V7
                title: tiny features
                source: test
                set: validation
                kind: features
                metric: eventsAverted
                criterion: test
                replicates: 3
                scenario: %s
                features: %s
                statistic: eventsAverted
                """.formatted(TinyPatterns.abs("scenarios/michigan-cqi.yaml"), TinyPatterns.abs("scenarios/features.yaml")));
        return patterns;
    }

    private Path sample(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** Runs {@code qicsim patterns} on the tiny patterns into {@code out}, which must succeed. */
    private Path patterns(String out, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("patterns", "--patterns", patterns().toString(), "--threads", "2",
                "--quiet", "--out", dir.resolve(out).toString(), "--set", "sites.count=6", "--set", "horizonMonths=24"));
        args.addAll(List.of(more));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exit()).as(run.toString()).isZero();
        return dir.resolve(out);
    }

    /** V9's finalRate per replicate, from its replicates.csv (design,replicate,statistic,value). */
    private static List<String> finalRates(Path folder) throws IOException {
        return rows(folder, "V9/replicates.csv").stream().map(l -> l.substring(l.lastIndexOf(',') + 1)).toList();
    }

    /** A run table's rows without the header. */
    private static List<String> rows(Path folder, String table) throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve(table));
        return lines.subList(1, lines.size());
    }

    /**
     * Each row of {@code table} run with the posterior is the row of the run with that replicate's
     * draw set ({@code replicates} rows per design, replicate k running draw k mod 2), and differs
     * from the defaults' where the draw makes a difference.
     */
    private static void rowsRunTheirDraw(String table, int replicates, Path with, Path draw0, Path draw1)
            throws IOException {
        List<String> rows = rows(with, table);
        assertThat(rows).hasSameSizeAs(rows(draw0, table));
        for (int i = 0; i < rows.size(); i++) {
            Path draw = i % replicates % 2 == 0 ? draw0 : draw1;
            assertThat(rows.get(i)).as(table + " row " + i).isEqualTo(rows(draw, table).get(i));
        }
    }

    private static String row(Path folder, String id) throws IOException {
        return Files.readAllLines(folder.resolve("scorecard.csv")).stream().filter(l -> l.startsWith(id + ","))
                .findFirst().orElseThrow();
    }

    @Test
    void noneIsTheScorecardWithoutTheOption() throws IOException {
        Path without = patterns("without");
        Path none = patterns("none", "--parameters", "none");
        for (String file : List.of("scorecard.csv", "scorecard.json", "V9/replicates.csv", "C9/trials.csv",
                "V8/trials.csv", "V7/replicates.csv")) {
            assertThat(Files.readAllBytes(none.resolve(file))).as(file).isEqualTo(Files.readAllBytes(without.resolve(file)));
        }
        assertThat(row(without, "V9")).doesNotContain("posterior");
        assertThat(without.resolve("manifest.json")).content().doesNotContain("\"parameters\"");
        assertThat(none.resolve("manifest.json")).content().doesNotContain("\"parameters\"");
    }

    @Test
    void validationReplicateKRunsDrawKAndCalibrationKeepsTheDefaults() throws IOException {
        Path posterior = sample("posterior.csv", SAMPLE);
        Path with = patterns("with", "--parameters", posterior.toString());
        Path defaults = patterns("defaults");
        Path draw0 = patterns("draw0", "--set", "behaviour.effort.intercept=-9.0");
        Path draw1 = patterns("draw1", "--set", "behaviour.effort.intercept=2.0");

        // Replicate k is bit-identical to a run with draw k's value set (k mod 2: rows reused in order).
        List<String> rates = finalRates(with);
        assertThat(rates).hasSize(3);
        assertThat(rates.get(0)).isEqualTo(finalRates(draw0).get(0));
        assertThat(rates.get(1)).isEqualTo(finalRates(draw1).get(1));
        assertThat(rates.get(2)).isEqualTo(finalRates(draw0).get(2));
        assertThat(rates.get(0)).isNotEqualTo(finalRates(defaults).get(0));
        assertThat(rates.get(1)).isNotEqualTo(finalRates(defaults).get(1));

        // The other kinds likewise: a review's trial k and a features pattern's replicate k of every design.
        rowsRunTheirDraw("V9/replicates.csv", 3, with, draw0, draw1);
        rowsRunTheirDraw("V8/trials.csv", 3, with, draw0, draw1);
        rowsRunTheirDraw("V7/replicates.csv", 3, with, draw0, draw1);
        assertThat(rows(with, "V8/trials.csv")).isNotEqualTo(rows(defaults, "V8/trials.csv"));
        assertThat(rows(with, "V7/replicates.csv")).isNotEqualTo(rows(defaults, "V7/replicates.csv"));

        String file = posterior.toString().replace('\\', '/');
        // The reason is quoted: it holds commas.
        assertThat(row(with, "V9")).contains(",\"with the posterior (" + file + ", draw k for replicate k): finalRate ");
        // The calibration pattern ran the defaults: its row and trials as without the option.
        assertThat(row(with, "C9")).isEqualTo(row(defaults, "C9"));
        assertThat(Files.readAllBytes(with.resolve("C9/trials.csv")))
                .isEqualTo(Files.readAllBytes(defaults.resolve("C9/trials.csv")));
        assertThat(with.resolve("scorecard.json")).content().contains("with the posterior (" + file);

        JsonNode parameters = new ObjectMapper().readTree(with.resolve("manifest.json").toFile()).get("parameters");
        assertThat(parameters.get("file").asText()).isEqualTo(file);
        assertThat(parameters.get("sha256").asText()).hasSize(64);
        assertThat(parameters.get("draws").asInt()).isEqualTo(2);
        assertThat(parameters.get("appliesTo").asText()).startsWith("validation patterns");

        // Each validation pattern's folder says which draw each replicate ran (as compare's parameters.csv):
        // replicates 0 and 2 row 0 (intercept −9), replicate 1 row 1 (intercept 2); the calibration one has none.
        assertThat(rows(with, "V9/parameters.csv")).containsExactly(
                "3,0,0,0,-9.0", "3,1,1,1,2.0", "3,2,0,0,-9.0");
        assertThat(rows(with, "V7/parameters.csv")).hasSize(3);
        assertThat(with.resolve("C9/parameters.csv")).doesNotExist();
    }

    @Test
    void theConsoleSaysWhichPatternsRanThePosterior() throws IOException {
        Path posterior = sample("posterior.csv", SAMPLE);
        CliRun run = CliRun.of("patterns", "--patterns", patterns().toString(), "--only", "V9", "--threads", "2",
                "--quiet", "--parameters", posterior.toString(), "--out", dir.resolve("out").toString());
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("V9 ").contains("with the posterior (")
                .contains("Validation patterns ran the posterior " + posterior.toString().replace('\\', '/'))
                .contains("calibration patterns ran the defaults");
    }

    @Test
    void aMissingSampleOrAColumnThatIsNotAKeyIsInvalidInputAndRunsNothing() throws IOException {
        Path missing = dir.resolve("no-such-posterior.csv");
        CliRun run = CliRun.of("patterns", "--patterns", patterns().toString(), "--parameters", missing.toString(),
                "--out", dir.resolve("never").toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains(missing.normalize().toString()).contains("cannot read: no such file")
                .doesNotContain("Exception");
        assertThat(dir.resolve("never")).doesNotExist();

        Path typo = sample("typo.csv", SAMPLE.replace("behaviour.effort.intercept", "behaviour.effort.intercep"));
        run = CliRun.of("patterns", "--patterns", patterns().toString(), "--parameters", typo.toString(),
                "--out", dir.resolve("never").toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains(typo.normalize().toString())
                .contains("column behaviour.effort.intercep is not a scenario key")
                .contains("did you mean \"behaviour.effort.intercept\"").doesNotContain("Exception");
        assertThat(dir.resolve("never")).doesNotExist();
    }
}
