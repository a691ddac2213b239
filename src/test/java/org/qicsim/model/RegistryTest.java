package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The registry's windows against a plain sum over the months it was given. */
class RegistryTest {

    /**
     * Seeded records over 60 months of 3 sites in a 13-month ring: every window of up to 13 months
     * (including ones starting before month 0 and ending after the latest month) gives the
     * histogram, cases and events of a month-by-month sum, for both copies.
     */
    @Test
    void windowsEqualTheSumOfTheirMonths() {
        int sites = 3;
        int capacity = 13;
        int months = 60;
        Registry registry = new Registry(sites, capacity);
        int[][][] bins = new int[months][sites][Registry.BINS];
        int[][][] binsUngamed = new int[months][sites][Registry.BINS];
        int[][] cases = new int[months][sites];
        int[][] events = new int[months][sites];
        int[][] eventsUngamed = new int[months][sites];
        SplittableRandom r = new SplittableRandom(11);
        int[] histogram = new int[Registry.BINS];
        for (int t = 0; t < months; t++) {
            registry.beginMonth(t);
            for (int j = 0; j < sites; j++) {
                int records = r.nextInt(6);
                for (int i = 0; i < records; i++) {
                    int bin = 20 + r.nextInt(25);
                    int ungamed = r.nextInt(4) == 0 ? bin - r.nextInt(3) : bin;
                    registry.addRecord(t, j, bin, ungamed);
                    bins[t][j][bin]++;
                    binsUngamed[t][j][ungamed]++;
                }
                int e = r.nextInt(records + 1);
                int eu = r.nextInt(records + 1);
                registry.addEvents(t, j, records, e, eu);
                cases[t][j] += records;
                events[t][j] += e;
                eventsUngamed[t][j] += eu;
            }
            for (int j = 0; j < sites; j++) {
                for (int from = t - capacity + 1; from <= t + 1; from++) {
                    for (int to = from; to <= from + capacity - 1; to++) {
                        for (boolean u : new boolean[] {false, true}) {
                            int[] want = new int[Registry.BINS];
                            int n = 0;
                            int o = 0;
                            for (int m = Math.max(0, from); m <= Math.min(to, t); m++) {
                                n += cases[m][j];
                                o += u ? eventsUngamed[m][j] : events[m][j];
                                for (int b = 0; b < Registry.BINS; b++) {
                                    want[b] += u ? binsUngamed[m][j][b] : bins[m][j][b];
                                }
                            }
                            int[] no = registry.window(j, from, to, u, histogram);
                            assertThat(histogram).as("t=%d j=%d [%d, %d] %s", t, j, from, to, u).isEqualTo(want);
                            assertThat(no).isEqualTo(new int[] {n, o});
                        }
                    }
                }
            }
        }
        assertThatThrownBy(() -> registry.window(0, months - capacity - 5, months - 1, false, histogram))
                .isInstanceOf(IllegalStateException.class);
    }

    /**
     * The bin by multiplication and truncation equals floor((risk + 4) / 0.125) clamped, for 100,000
     * seeded risks over [−6, 6], every bin edge and its neighbouring doubles, ±0, infinities and NaN.
     */
    @Test
    void binEqualsTheFlooredQuotient() {
        SplittableRandom r = new SplittableRandom(5);
        java.util.List<Double> risks = new java.util.ArrayList<>(java.util.List.of(0.0, -0.0, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE, -Double.MAX_VALUE,
                Double.MIN_VALUE, -Double.MIN_VALUE));
        for (int i = 0; i < 100_000; i++) {
            risks.add(-6 + 12 * r.nextDouble());
        }
        for (int b = -20; b <= Registry.BINS + 20; b++) {
            double edge = Registry.LOW + b * Registry.BIN_WIDTH;
            risks.add(edge);
            risks.add(Math.nextUp(edge));
            risks.add(Math.nextDown(edge));
        }
        for (double risk : risks) {
            int want = Math.max(0, Math.min(Registry.BINS - 1,
                    (int) Math.floor((risk - Registry.LOW) / Registry.BIN_WIDTH)));
            assertThat(Registry.bin(risk)).as("risk %s", risk).isEqualTo(want);
        }
    }
}
