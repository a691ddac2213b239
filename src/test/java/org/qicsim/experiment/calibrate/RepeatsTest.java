package org.qicsim.experiment.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * One statistic's repeated evaluations (history matching's nugget, the point estimate's noise): each
 * point's mean over its defined values and the within-point variance pooled over the points.
 */
class RepeatsTest {

    @Test
    void theNoiseIsTheWithinPointVariancePooledOverPoints() {
        // Point 0: 1, 3 (mean 2, SS 2); point 1: 10, 14 (mean 12, SS 8): (2 + 8) / (1 + 1).
        Repeats r = Repeats.of(new double[][] {{1, 3}, {10, 14}});
        assertThat(r.means()).containsExactly(2.0, 12.0);
        assertThat(r.counts()).containsExactly(2, 2);
        assertThat(r.pooledVariance()).isEqualTo(5.0);
    }

    @Test
    void undefinedValuesAreLeftOutAndALoneValueAddsNoDegreeOfFreedom() {
        Repeats r = Repeats.of(new double[][] {{1, 3}, {10, Double.NaN}, {Double.NaN, Double.POSITIVE_INFINITY}});
        assertThat(r.means()[1]).isEqualTo(10.0);
        assertThat(r.means()[2]).isNaN();
        assertThat(r.counts()).containsExactly(2, 1, 0);
        assertThat(r.pooledVariance()).isEqualTo(2.0);
        assertThat(Repeats.of(new double[][] {{1}, {2, Double.NaN}}).pooledVariance()).as("no degree of freedom").isNaN();
    }
}
