package org.qicsim.analysis.cea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** ICER, NMB, CEAC and quadrants on hand-computed cases. */
class CostEffectivenessTest {

    private static final double[] GRID = {0, 500, 1000, 2000};

    /**
     * ΔC = (100, 200, 300), ΔE = (1, 2, 3): means 200 and 2, ICER 100; NMB at 150 = 150·ΔE − ΔC =
     * (50, 100, 150), mean 100; every replicate has ΔC/ΔE = 100, so every bootstrap ratio is 100; the
     * CEAC is 0 at 0 (all NMB negative), 1 from 500 on.
     */
    @Test
    void northEastByHand() {
        CeaResult r = CostEffectiveness.of("d", "c", Perspective.SOCIETAL, new double[] {100, 200, 300},
                new double[] {1, 2, 3}, 150, GRID, new SplittableRandom(1));
        assertThat(r.quadrant()).isEqualTo(Quadrant.MORE_COSTLY_MORE_EFFECTIVE);
        assertThat(r.incrementalCost().mean()).isEqualTo(200);
        assertThat(r.eventsAverted().mean()).isEqualTo(2);
        assertThat(r.icer()).isEqualTo(100);
        assertThat(r.icerLow()).isCloseTo(100, within(1e-12));
        assertThat(r.icerHigh()).isCloseTo(100, within(1e-12));
        assertThat(r.nmb().mean()).isEqualTo(100);
        assertThat(r.ceac()).extracting(CeaResult.CeacPoint::probabilityCostEffective).containsExactly(0.0, 1.0, 1.0, 1.0);
    }

    /**
     * Dominated: ΔC = (10, 30), ΔE = (−1, −3): more cost, fewer events. No ICER; NMB at 100 =
     * (−110, −330), mean −220; never cost-effective at any WTP ≥ 0.
     */
    @Test
    void dominatedHasNoIcer() {
        CeaResult r = CostEffectiveness.of("d", "c", Perspective.PAYER, new double[] {10, 30},
                new double[] {-1, -3}, 100, GRID, new SplittableRandom(1));
        assertThat(r.quadrant()).isEqualTo(Quadrant.DOMINATED);
        assertThat(r.icer()).isNaN();
        assertThat(r.icerLow()).isNaN();
        assertThat(r.nmb().mean()).isEqualTo(-220);
        assertThat(r.ceac()).extracting(CeaResult.CeacPoint::probabilityCostEffective).containsOnly(0.0);
    }

    /**
     * Dominant: ΔC = (−50, −10, 20), ΔE = (2, 4, 0): mean ΔC −40/3 < 0, mean ΔE 2 > 0. No ICER; NMB
     * at 0 = (50, 10, −20): CEAC(0) = 2/3; at 500: (1050, 2010, −20): 2/3; the third replicate
     * (ΔE = 0, ΔC = 20) is never cost-effective.
     */
    @Test
    void dominantHasNoIcerAndItsCeacCountsReplicates() {
        CeaResult r = CostEffectiveness.of("d", "c", Perspective.SITES, new double[] {-50, -10, 20},
                new double[] {2, 4, 0}, 0, GRID, new SplittableRandom(1));
        assertThat(r.quadrant()).isEqualTo(Quadrant.DOMINANT);
        assertThat(r.icer()).isNaN();
        assertThat(r.nmb().mean()).isCloseTo(40.0 / 3, within(1e-12));
        assertThat(r.ceac()).extracting(CeaResult.CeacPoint::probabilityCostEffective)
                .containsExactly(2.0 / 3, 2.0 / 3, 2.0 / 3, 2.0 / 3);
    }

    /**
     * South-west: ΔC = (−100, −300), ΔE = (−1, −1): ICER (−200)/(−1) = 200 saved per event forgone;
     * NMB at 250 = (−150, 50), mean −50; cost-effective where λ < ΔC_r/ΔE_r = (100, 300): on the
     * grid at 0 only; at λ = 200 one replicate of two.
     */
    @Test
    void southWestHasAnIcer() {
        CeaResult r = CostEffectiveness.of("d", "c", Perspective.SOCIETAL, new double[] {-100, -300},
                new double[] {-1, -1}, 250, GRID, new SplittableRandom(1));
        assertThat(r.quadrant()).isEqualTo(Quadrant.LESS_COSTLY_LESS_EFFECTIVE);
        assertThat(r.icer()).isEqualTo(200);
        assertThat(r.nmb().mean()).isEqualTo(-50);
        assertThat(r.ceac()).extracting(CeaResult.CeacPoint::probabilityCostEffective).containsExactly(1.0, 0.0, 0.0, 0.0);
        assertThat(CostEffectiveness.probabilityCostEffective(new double[] {-100, -300}, new double[] {-1, -1}, 200))
                .isEqualTo(0.5);
    }

    /** When resampled mean effects straddle zero the ICER interval is left empty, the ICER itself kept. */
    @Test
    void anIcerIntervalThroughInfinityIsLeftEmpty() {
        CeaResult r = CostEffectiveness.of("d", "c", Perspective.SOCIETAL, new double[] {10, 10, 10, 10},
                new double[] {5, -4, 3, -3}, 1, GRID, new SplittableRandom(1));
        assertThat(r.quadrant()).isEqualTo(Quadrant.MORE_COSTLY_MORE_EFFECTIVE);
        assertThat(r.icer()).isCloseTo(10 / 0.25, within(1e-12));
        assertThat(r.icerLow()).isNaN();
        assertThat(r.icerHigh()).isNaN();
    }

    @Test
    void quadrantsOnTheAxes() {
        assertThat(Quadrant.of(0, 1)).isEqualTo(Quadrant.DOMINANT);
        assertThat(Quadrant.of(1, 0)).isEqualTo(Quadrant.DOMINATED);
        assertThat(Quadrant.of(0, -1)).isEqualTo(Quadrant.DOMINATED);
        assertThat(Quadrant.of(-1, 0)).isEqualTo(Quadrant.NO_DIFFERENCE_IN_EFFECT);
        assertThat(Quadrant.of(Double.NaN, 1)).isNull();
    }

    @Test
    void gridHoldsTheWtp() {
        double[] grid = CostEffectiveness.grid(19626);
        assertThat(grid).hasSize(42).contains(0, 19626, 100000);
        assertThat(grid).isSorted();
    }
}
