package org.qicsim.analysis.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FeatureAttributionTest {

    private static final List<String> FEATURES = List.of("a", "b", "c");

    /** values[mask][r] = 10·[a] + 20·[b] + 5·[a][c] + noise_r (shared by all designs of replicate r). */
    private static double[][] game(int replicates, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] noise = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            noise[r] = random.nextGaussian() * 3;
        }
        double[][] v = new double[8][replicates];
        for (int m = 0; m < 8; m++) {
            for (int r = 0; r < replicates; r++) {
                boolean a = (m & 1) != 0;
                boolean b = (m & 2) != 0;
                boolean c = (m & 4) != 0;
                v[m][r] = (a ? 10 : 0) + (b ? 20 : 0) + (a && c ? 5 : 0) + noise[r] + 0.1 * random.nextGaussian();
            }
        }
        return v;
    }

    /**
     * Criterion: the estimates equal those of the design means (a: Shapley 12.5, main 12.5; b: 20, 20;
     * c: Shapley 2.5, main 2.5) within 0.2; each bootstrap CI and PI contains the estimate; the same
     * generator seed gives identical rows; rows come in the documented order.
     */
    @Test
    void estimatesIntervalsAndOrder() {
        Map<String, double[][]> metrics = new LinkedHashMap<>();
        metrics.put("m", game(30, 7));
        List<AttributionRow> rows = FeatureAttribution.analyse(FEATURES, metrics, 500, new SplittableRandom(1));
        assertThat(rows).hasSize(7);
        assertThat(rows).extracting(AttributionRow::quantity).containsExactly("main", "main", "main", "shapley",
                "shapley", "shapley", "interactionShare");
        assertThat(rows.get(6).feature()).isEqualTo("all");
        double[] expected = {12.5, 20, 2.5, 12.5, 20, 2.5};
        for (int k = 0; k < 6; k++) {
            AttributionRow r = rows.get(k);
            assertThat(r.estimate()).as(r.toString()).isCloseTo(expected[k], within(0.2));
            assertThat(r.ciLow()).isLessThanOrEqualTo(r.estimate());
            assertThat(r.ciHigh()).isGreaterThanOrEqualTo(r.estimate());
            assertThat(r.piLow()).isLessThanOrEqualTo(r.piHigh());
        }
        // Interaction: only the a×c term, β_ac = 5/4, against β_a = 5 + 5/4, β_b = 10, β_c = 5/4.
        double share = (1.25 * 1.25) / (6.25 * 6.25 + 100 + 1.25 * 1.25 + 1.25 * 1.25);
        assertThat(rows.get(6).estimate()).isCloseTo(share, within(0.01));
        assertThat(FeatureAttribution.analyse(FEATURES, metrics, 500, new SplittableRandom(1))).isEqualTo(rows);
    }

    /** A replicate where one design is NaN is left out of that metric (complete cases). */
    @Test
    void incompleteReplicatesAreDropped() {
        double[][] v = game(10, 3);
        double[][] without = new double[8][9];
        for (int m = 0; m < 8; m++) {
            System.arraycopy(v[m], 1, without[m], 0, 9);
        }
        v[5][0] = Double.NaN;
        Map<String, double[][]> a = Map.of("m", v);
        Map<String, double[][]> b = Map.of("m", without);
        List<AttributionRow> withNaN = FeatureAttribution.analyse(FEATURES, a, 10, new SplittableRandom(2));
        List<AttributionRow> dropped = FeatureAttribution.analyse(FEATURES, b, 10, new SplittableRandom(2));
        for (int k = 0; k < withNaN.size(); k++) {
            assertThat(withNaN.get(k).estimate()).isCloseTo(dropped.get(k).estimate(), within(1e-12));
            assertThat(withNaN.get(k).piLow()).isCloseTo(dropped.get(k).piLow(), within(1e-12));
        }
    }
}
