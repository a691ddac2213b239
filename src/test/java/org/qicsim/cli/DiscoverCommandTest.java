package org.qicsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qicsim.results.BuildInfo;
import org.qicsim.results.Manifest;

/**
 * {@code qicsim discover} on a sweep folder in the CSV layout (docs/SWEEPS.md) written here with a
 * planted box, so the test needs no simulation.
 */
class DiscoverCommandTest {

    @TempDir
    Path dir;

    private Path sweep;

    /**
     * 400 points, seed 5: x uniform on [0, 1], colour red/green/blue in turn, z uniform on [0, 10];
     * {@code eventsAverted} is 100 inside the planted box x ≥ 0.5 and colour red, else 10.
     */
    @BeforeEach
    void plantedSweep() throws IOException {
        sweep = Files.createDirectories(dir.resolve("sweep"));
        Manifest.start(BuildInfo.load(), List.of("sweep"), Instant.EPOCH)
                .withExtra("factors", List.of("x", "colour", "z")).write(sweep.resolve("manifest.json"));
        SplittableRandom random = new SplittableRandom(5);
        try (Writer design = Files.newBufferedWriter(sweep.resolve("design.csv"), StandardCharsets.UTF_8);
                Writer points = Files.newBufferedWriter(sweep.resolve("points.csv"), StandardCharsets.UTF_8)) {
            design.write("point,x,colour,z\n");
            points.write("point,metric,mean,sd,ciLow,ciHigh,n\n");
            for (int p = 1; p <= 400; p++) {
                double x = random.nextDouble();
                String colour = List.of("red", "green", "blue").get(p % 3);
                double z = 10 * random.nextDouble();
                design.write(String.format(Locale.ROOT, "%d,%s,%s,%s%n", p, x, colour, z));
                double value = x >= 0.5 && colour.equals("red") ? 100 : 10;
                points.write(String.format(Locale.ROOT, "%d,eventsAverted,%s,,,,1%n", p, value));
            }
        }
    }

    /**
     * Criterion: with α 0.05 and {@code --min-density 0.95}, the chosen box keeps only red, its x
     * lower bound lies within 0.05 of 0.5 and z is unrestricted; coverage ≥ 0.9.
     *
     * <p>History, for honesty: this criterion was first stated with the default density threshold
     * 0.8, and that run chose x ≥ 0.424 — correctly by the documented rule, since red with x ≥ 0.424
     * already has density 0.5/0.576 ≈ 0.87. A lower bound within 0.05 of 0.5 needs a threshold above
     * 0.91 ((0.5 − 0.45)/(1 − 0.45) ≈ 0.09 of the box may be outside), hence 0.95 here.
     */
    @Test
    void findsThePlantedBoxAndWritesANewFolder() throws IOException {
        CliRun r = CliRun.of("discover", sweep.toString(), "--metric", "eventsAverted", "--above", "50",
                "--min-density", "0.95", "--out", dir.resolve("d").toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.lastLine()).isEqualTo(dir.resolve("d").toString());
        assertThat(r.out()).contains("colour in {red}").doesNotContain("  z in");
        String chosen = Files.readAllLines(dir.resolve("d/prim.csv")).stream().filter(l -> l.contains(",true,"))
                .findFirst().orElseThrow();
        assertThat(Files.readAllLines(dir.resolve("d/prim.csv")).get(0))
                .isEqualTo("step,move,cases,support,coverage,density,chosen,x,colour,z");
        String[] cells = chosen.split(",");
        double coverage = Double.parseDouble(cells[4]);
        double xLow = Double.parseDouble(cells[7].replace("\"[", ""));
        assertThat(coverage).isGreaterThanOrEqualTo(0.9);
        assertThat(xLow).isBetween(0.45, 0.55);
        assertThat(cells[9]).isEqualTo("{red}");
        assertThat(Files.readString(dir.resolve("d/summary.json"))).contains("\"kind\": \"discover\"");
        // Nothing was written into the sweep folder.
        try (var files = Files.list(sweep)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("design.csv", "manifest.json", "points.csv");
        }
    }

    @Test
    void csvFileIsNewAndNeverInsideTheSweep() throws IOException {
        Path file = dir.resolve("prim.csv");
        CliRun first = CliRun.of("discover", sweep.toString(), "--metric", "eventsAverted", "--below", "50", "--csv",
                file.toString());
        assertThat(first.exit()).as(first.toString()).isZero();
        assertThat(Files.readAllLines(file).get(0)).startsWith("step,move,cases");
        CliRun again = CliRun.of("discover", sweep.toString(), "--metric", "eventsAverted", "--below", "50", "--csv",
                file.toString());
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("never overwrites");
        CliRun inside = CliRun.of("discover", sweep.toString(), "--metric", "eventsAverted", "--below", "50", "--csv",
                sweep.resolve("prim.csv").toString());
        assertThat(inside.exit()).isEqualTo(2);
        assertThat(inside.err()).contains("inside the sweep folder");
    }

    @Test
    void badMetricAndMissingThresholdAreUsageErrors() {
        CliRun metric = CliRun.of("discover", sweep.toString(), "--metric", "eventsAvertd", "--above", "1");
        assertThat(metric.exit()).isEqualTo(2);
        assertThat(metric.err()).contains("did you mean", "eventsAverted").doesNotContain("\tat ");
        CliRun nothing = CliRun.of("discover", sweep.toString(), "--metric", "eventsAverted", "--above", "1000");
        assertThat(nothing.exit()).isEqualTo(2);
        assertThat(nothing.err()).contains("no case of interest", "range from 10.0 to 100.0");
        CliRun none = CliRun.of("discover", sweep.toString(), "--metric", "eventsAverted");
        assertThat(none.exit()).isEqualTo(2);
        CliRun both = CliRun.of("discover", sweep.toString(), "--metric", "eventsAverted", "--above", "1", "--below", "2");
        assertThat(both.exit()).isEqualTo(2);
        CliRun notSweep = CliRun.of("discover", dir.resolve("nothing").toString(), "--metric", "m", "--above", "1");
        assertThat(notSweep.exit()).isEqualTo(2);
        assertThat(notSweep.err()).contains("not a sweep results folder");
    }
}
