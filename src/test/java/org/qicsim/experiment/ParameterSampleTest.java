package org.qicsim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qicsim.scenario.ScenarioException;

/** How a posterior sample gives each replicate a draw. */
class ParameterSampleTest {
    @TempDir
    Path dir;

    private ParameterSample sample(String weights) throws Exception {
        StringBuilder csv = new StringBuilder("draw,weight,distance,sites.baselineRate\n");
        String[] w = weights.split(" ");
        for (int i = 0; i < w.length; i++) {
            csv.append(i).append(',').append(w[i]).append(",1.0,0.1").append(i).append('\n');
        }
        Path file = dir.resolve("s.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return ParameterSample.read(file);
    }

    @Test
    void systematicResamplingGivesEachDrawItsShareWithinOneReplicate() throws Exception {
        ParameterSample s = sample("0.5 0.25 0.125 0.125");
        for (long seed = 1; seed <= 50; seed++) {
            int[] rows = s.rowsForReplicates(16, seed);
            int[] counts = new int[4];
            for (int r : rows) {
                counts[r]++;
            }
            // Systematic resampling: each count is the floor or the ceiling of 16 × weight (exact here).
            assertThat(counts).as("seed %d", seed).containsExactly(8, 4, 2, 2);
            assertThat(s.rowsForReplicates(16, seed)).isEqualTo(rows);
        }
        // A share that is not a whole number of replicates: floor or ceiling, decided by the seed.
        ParameterSample third = sample("1 1 1 2");
        for (long seed = 1; seed <= 50; seed++) {
            int[] counts = new int[4];
            for (int r : third.rowsForReplicates(7, seed)) {
                counts[r]++;
            }
            for (int i = 0; i < 4; i++) {
                double expected = 7 * (i == 3 ? 0.4 : 0.2);
                assertThat(counts[i]).isBetween((int) Math.floor(expected), (int) Math.ceil(expected));
            }
        }
    }

    @Test
    void equalWeightsUseDrawKModuloTheSampleSize() throws Exception {
        assertThat(sample("1 1 1").rowsForReplicates(7, 99)).containsExactly(0, 1, 2, 0, 1, 2, 0);
    }

    @Test
    void negativeOrZeroTotalWeightsAreRefused() throws Exception {
        assertThatThrownBy(() -> sample("0 0")).isInstanceOf(ScenarioException.class).hasMessageContaining("sum to 0");
        assertThatThrownBy(() -> sample("1 -1")).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("s.csv:3:1").hasMessageContaining("weight must be a finite number >= 0");
    }
}
