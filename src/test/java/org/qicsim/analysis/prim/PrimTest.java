package org.qicsim.analysis.prim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PrimTest {
    private static final List<String> NAMES = List.of("x1", "x2", "x3", "colour");

    /**
     * 3,000 cases uniform on [0, 1]^3 with a categorical factor (red, green, blue) drawn uniformly,
     * generator seed 13; a case is of interest iff x1 ∈ [0.2, 0.6] and x2 ≥ 0.5 (the planted box;
     * x3 and colour are irrelevant), then 2% of labels flipped at random.
     */
    private static PrimData planted() {
        SplittableRandom random = new SplittableRandom(13);
        List<List<String>> values = new ArrayList<>();
        boolean[] y = new boolean[3000];
        String[] colours = {"red", "green", "blue"};
        for (int i = 0; i < y.length; i++) {
            double x1 = random.nextDouble();
            double x2 = random.nextDouble();
            double x3 = random.nextDouble();
            String colour = colours[random.nextInt(3)];
            values.add(List.of(Double.toString(x1), Double.toString(x2), Double.toString(x3), colour));
            boolean in = x1 >= 0.2 && x1 <= 0.6 && x2 >= 0.5;
            y[i] = random.nextDouble() < 0.02 ? !in : in;
        }
        return PrimData.of(NAMES, values, y);
    }

    /**
     * Criterion, stated before the first run: with α = 0.05, at least 30 cases per box and the
     * chosen box the first with density ≥ 0.9, the chosen box has x1 bounds within 0.05 of 0.2 and
     * 0.6, an x2 lower bound within 0.05 of 0.5 and an upper bound ≥ 0.95, keeps at least 90% of
     * x3's range and every colour, and has coverage ≥ 0.85 and density ≥ 0.9.
     */
    @Test
    void recoversAPlantedBox() {
        PrimData data = planted();
        List<PeelStep> trajectory = Prim.peel(data, 0.05, 30);
        PeelStep chosen = trajectory.get(Prim.choose(trajectory, 0.9));
        Box box = chosen.box();
        assertThat(box.low(0)).as(chosen.toString()).isBetween(0.15, 0.25);
        assertThat(box.high(0)).isBetween(0.55, 0.65);
        assertThat(box.low(1)).isBetween(0.45, 0.55);
        assertThat(box.high(1)).isGreaterThanOrEqualTo(0.95);
        assertThat(box.high(2) - box.low(2)).isGreaterThanOrEqualTo(0.9);
        assertThat(box.levels(3)).containsExactly("blue", "green", "red");
        assertThat(chosen.coverage()).isGreaterThanOrEqualTo(0.85);
        assertThat(chosen.density()).isGreaterThanOrEqualTo(0.9);
    }

    /** The trajectory starts with every case, shrinks at every step, and never drops below the minimum. */
    @Test
    void trajectoryInvariants() {
        PrimData data = planted();
        List<PeelStep> trajectory = Prim.peel(data, 0.1, 50);
        assertThat(trajectory.get(0).cases()).isEqualTo(3000);
        assertThat(trajectory.get(0).coverage()).isEqualTo(1.0);
        for (int s = 1; s < trajectory.size(); s++) {
            assertThat(trajectory.get(s).cases()).isLessThan(trajectory.get(s - 1).cases()).isGreaterThanOrEqualTo(50);
        }
        assertThat(trajectory.get(trajectory.size() - 1).cases()).isLessThanOrEqualTo((int) Math.ceil(50 / 0.9) + 1);
    }

    /** Pasting never lowers the density below the pasted box's and only ever adds cases. */
    @Test
    void pastingKeepsTheDensity() {
        PrimData data = planted();
        List<PeelStep> trajectory = Prim.peel(data, 0.05, 30);
        PeelStep chosen = trajectory.get(Prim.choose(trajectory, 0.9));
        List<PeelStep> pasted = Prim.paste(data, chosen, 0.05, trajectory.size());
        int previous = chosen.cases();
        for (PeelStep p : pasted) {
            assertThat(p.density()).isGreaterThanOrEqualTo(chosen.density());
            assertThat(p.cases()).isGreaterThan(previous);
            previous = p.cases();
        }
    }

    /** A categorical factor that alone decides the outcome is peeled level by level. */
    @Test
    void categoricalFactorsArePeeledByLevel() {
        List<List<String>> values = new ArrayList<>();
        boolean[] y = new boolean[300];
        for (int i = 0; i < 300; i++) {
            String level = List.of("a", "b", "c").get(i % 3);
            values.add(List.of(level, Integer.toString(i)));
            y[i] = level.equals("b");
        }
        PrimData data = PrimData.of(List.of("kind", "index"), values, y);
        assertThat(data.categorical(0)).isTrue();
        assertThat(data.categorical(1)).isFalse();
        List<PeelStep> trajectory = Prim.peel(data, 0.05, 10);
        PeelStep chosen = trajectory.get(Prim.choose(trajectory, 1.0));
        assertThat(chosen.box().levels(0)).containsExactly("b");
        assertThat(chosen.coverage()).isEqualTo(1.0);
    }
}
