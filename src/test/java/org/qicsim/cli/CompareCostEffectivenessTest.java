package org.qicsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare --perspective --wtp}: cea.csv and ceac.csv rows agree with compare's own numbers. */
class CompareCostEffectivenessTest {

    @TempDir
    Path dir;

    private Path small(String name, String extra) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, "name: " + name + "\nextends: " + Path.of("scenarios/michigan-cqi.yaml").toAbsolutePath()
                + "\nreplications: 4\nhorizonMonths: 24\nsites: {count: 12}\n" + extra, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Rows: 1 vs noCollaborative, 2 vs noCollaborative, 2 vs 1. At the default WTP (the scenario's
     * cost of an adverse event) and the societal perspective the NMB against no collaborative is, by
     * definition, the mean of netSavings in summary.json; the 2-vs-1 incremental cost is compare.csv's
     * paired difference of costTotal.
     */
    @Test
    void rowsMatchTheComparisonsOwnNumbers() throws IOException {
        Path a = small("base", "");
        Path b = small("league", "collaborative: {feedback: {display: league}}\n");
        CliRun r = CliRun.of("compare", a.toString(), b.toString(), "--threads", "2", "--out", dir.resolve("c").toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Cost-effectiveness (societal perspective");
        List<String> cea = Files.readAllLines(dir.resolve("c/cea.csv"));
        assertThat(cea.get(0)).isEqualTo("design,comparator,perspective,incrementalCost,incrementalCostLow,"
                + "incrementalCostHigh,eventsAverted,eventsAvertedLow,eventsAvertedHigh,icer,icerLow,icerHigh,quadrant,"
                + "wtp,nmb,nmbLow,nmbHigh");
        assertThat(cea).hasSize(4);
        assertThat(cea.get(1)).startsWith("1-base,noCollaborative,societal,");
        assertThat(cea.get(2)).startsWith("2-league,noCollaborative,societal,");
        assertThat(cea.get(3)).startsWith("2-league,1-base,societal,");

        var summary = new ObjectMapper().readTree(dir.resolve("c/designs/1-base/summary.json").toFile());
        String[] row1 = cea.get(1).split(",", -1);
        assertThat(Double.parseDouble(row1[14])).isCloseTo(summary.path("metrics").path("netSavings").path("mean").asDouble(),
                within(1e-6));
        assertThat(Double.parseDouble(row1[3])).isCloseTo(summary.path("metrics").path("costTotal").path("mean").asDouble(),
                within(1e-6));
        String diff = Files.readAllLines(dir.resolve("c/compare.csv")).stream()
                .filter(l -> l.startsWith("2,league,costTotal,")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(cea.get(3).split(",", -1)[3])).isCloseTo(Double.parseDouble(diff.split(",", -1)[8]),
                within(1e-6));
        List<String> ceac = Files.readAllLines(dir.resolve("c/ceac.csv"));
        assertThat(ceac.get(0)).isEqualTo("design,comparator,perspective,wtp,probabilityCostEffective");
        assertThat(ceac).hasSize(1 + 3 * 42);
    }

    @Test
    void perspectiveAndWtpAreUsed() throws IOException {
        Path a = small("base", "");
        CliRun r = CliRun.of("compare", a.toString(), small("other", "collaborative: {community: {meetingsPerYear: 0}}\n").toString(),
                "--perspective", "payer", "--wtp", "50000", "--reps", "2", "--out", dir.resolve("p").toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        List<String> cea = Files.readAllLines(dir.resolve("p/cea.csv"));
        assertThat(cea.get(1)).contains(",payer,").contains(",50000.0,");
        var summary = new ObjectMapper().readTree(dir.resolve("p/designs/1-base/summary.json").toFile());
        assertThat(Double.parseDouble(cea.get(1).split(",", -1)[3]))
                .isCloseTo(summary.path("metrics").path("costPayer").path("mean").asDouble(), within(1e-6));
    }
}
