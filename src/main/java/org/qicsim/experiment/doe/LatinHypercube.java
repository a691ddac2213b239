package org.qicsim.experiment.doe;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Latin hypercube sample of n points (McKay, Beckman &amp; Conover 1979): the unit interval of
 * each factor is cut into n equal strata and each stratum is hit exactly once. For each factor in
 * turn the generator draws a random permutation π of the strata (Fisher–Yates, from the top) and
 * then n uniforms U, and point i gets {@code u = (π(i) + U_i) / n}; values follow from
 * {@link Factor#at(double)}. Stratification is in probability space, so a distribution's strata
 * are its n equal-probability intervals.
 */
public record LatinHypercube(int n) implements DesignGenerator {

    public LatinHypercube {
        if (n < 1) {
            throw DesignException.ofDesign("n", "lhs needs n >= 1, not " + n);
        }
    }

    @Override
    public DesignKind kind() {
        return DesignKind.LATIN_HYPERCUBE;
    }

    @Override
    public void validate(List<Factor> factors) {
        DesignGenerator.checkFactorList(factors);
    }

    @Override
    public Design generate(List<Factor> factors, DesignInputs inputs) {
        return generate(factors, inputs.requireRandom(kind()));
    }

    public Design generate(List<Factor> factors, SplittableRandom random) {
        validate(factors);
        int k = factors.size();
        double[][] u = new double[n][k];
        int[] perm = new int[n];
        for (int f = 0; f < k; f++) {
            Permutations.shuffledIdentity(perm, random);
            for (int i = 0; i < n; i++) {
                u[i][f] = (perm[i] + random.nextDouble()) / n;
            }
        }
        List<DesignPoint> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            points.add(Sampling.point(i + 1, factors, u[i], PointRole.PLAIN));
        }
        return new Design(kind(), factors, points);
    }
}
