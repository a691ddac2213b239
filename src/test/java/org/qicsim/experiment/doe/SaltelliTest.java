package org.qicsim.experiment.doe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qicsim.analysis.sensitivity.SaltelliOutputs;
import org.qicsim.analysis.sensitivity.SobolEstimator;

class SaltelliTest {

    private static List<Factor> unitFactors(int k) {
        List<Factor> factors = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            factors.add(new Factor("f." + i, new Domain.Interval(0, 1)));
        }
        return factors;
    }

    @ParameterizedTest(name = "k = {0}")
    @ValueSource(ints = {1, 2, 3, 7})
    void blocksHaveTheRightShapeAndComeFromOneSobolSequence(int k) {
        int n = 64;
        Design d = new Saltelli(n).generate(unitFactors(k));
        assertThat(d.size()).isEqualTo(n * (k + 2));

        SobolSequenceGenerator sobol = new SobolSequenceGenerator(2 * k);
        double[] first = sobol.nextVector();
        assertThat(first).containsOnly(0.0);
        for (int j = 0; j < n; j++) {
            double[] v = sobol.nextVector();
            DesignPoint a = d.point(1 + j);
            DesignPoint b = d.point(1 + n + j);
            assertThat(a.role()).isEqualTo(new PointRole.SaltelliBlock(PointRole.Block.A, j + 1, -1));
            assertThat(b.role()).isEqualTo(new PointRole.SaltelliBlock(PointRole.Block.B, j + 1, -1));
            for (int c = 0; c < k; c++) {
                assertThat(a.unit(c)).isEqualTo(v[c]);
                assertThat(b.unit(c)).isEqualTo(v[k + c]);
                assertThat((Double) a.value(c)).isEqualTo(v[c]);
            }
            for (int i = 0; i < k; i++) {
                DesignPoint ab = d.point(1 + (2 + i) * n + j);
                assertThat(ab.role()).isEqualTo(new PointRole.SaltelliBlock(PointRole.Block.AB, j + 1, i));
                for (int c = 0; c < k; c++) {
                    assertThat(ab.unit(c)).isEqualTo(c == i ? v[k + c] : v[c]);
                }
            }
        }
        // Skipping the all-zeros point leaves no coordinate at 0, where an unbounded inverse CDF diverges.
        for (DesignPoint p : d.points()) {
            for (double u : p.unit()) {
                assertThat(u).isStrictlyBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void refusesNNotAPowerOfTwoOrBelow64() {
        for (int n : new int[] {0, 32, 63, 96, 100}) {
            assertThatThrownBy(() -> new Saltelli(n))
                    .isInstanceOfSatisfying(DesignException.class, e -> {
                        assertThat(e.parameter()).isEqualTo("n");
                        assertThat(e.factor()).isNull();
                    });
        }
        assertThatThrownBy(() -> new Saltelli(100)).hasMessageContaining("64 or 128");
        assertThat(new Saltelli(64).n()).isEqualTo(64);
        assertThat(new Saltelli(1 << 12).count(5)).isEqualTo(7L << 12);
    }

    @Test
    void refusesMoreFactorsThanTheDirectionNumbersCover() {
        assertThatThrownBy(() -> new Saltelli(64).validate(unitFactors(501)))
                .isInstanceOf(DesignException.class).hasMessageContaining("500");
    }

    @Test
    void outputsAreArrangedByBlockAndRow() {
        int n = 64;
        Design d = new Saltelli(n).generate(unitFactors(2));
        double[] y = new double[d.size()];
        for (int id = 1; id <= d.size(); id++) {
            y[id - 1] = id;
        }
        SaltelliOutputs o = Saltelli.outputs(d, y);
        assertThat(o.rows()).isEqualTo(n);
        assertThat(o.factors()).isEqualTo(2);
        // With f = point id: f(A_j) = j, f(B_j) = n + j, f(AB_i,j) = (2 + i)n + j, so a correct
        // arrangement gives ST_i = (1/2n) Σ_j ((2 + i)n)² / V, V the variance of 1..2n.
        double[] total = SobolEstimator.totalOrder(o);
        double meanAB = (n + 1) / 2.0 + n / 2.0;
        double varAB = 0;
        for (int j = 1; j <= n; j++) {
            varAB += Math.pow(j - meanAB, 2) + Math.pow(n + j - meanAB, 2);
        }
        varAB /= 2 * n;
        for (int i = 0; i < 2; i++) {
            double diff = (2 + i) * n;
            assertThat(total[i]).isCloseTo(diff * diff / 2 / varAB, org.assertj.core.api.Assertions.within(1e-9));
        }
    }
}
