package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qicsim.scenario.Behaviour;
import org.qicsim.scenario.ResolvedScenario;

/**
 * The sparse, bounded {@link Ties} against the dense J × J matrix it replaced ({@link DenseTies}):
 * while no site's network is full the two are exactly equal (every weight, community, norm and the
 * density, compared with {@code isEqualTo} on doubles), and above the capacity no site holds more
 * ties than it.
 */
class TiesTest {
    private static final long SEED = 11L;

    private static QicSimulation launched(String... sets) {
        ResolvedScenario s = TestScenarios.resolved(sets);
        World world = World.initialise(s.scenario(), new Streams(SEED, s.scenario().sites().count()));
        QicSimulation sim = new QicSimulation(world, s::collaborativeAt, Arm.COLLABORATIVE, SEED);
        sim.advanceTo(sim.scenario.startMonth() + 1);
        return sim;
    }

    /**
     * 400 random steps on a 25-site world in 3 regions — meetings of random groups, visits, detected
     * gamers' ties scaled (also by 0), decay with members leaving and rejoining, norms with random
     * effort deviations — give bit-identical ties, communities, norms and densities in both forms.
     */
    @Test
    void equalsTheDenseMatrixExactlyWhileNoNetworkIsFull() {
        QicSimulation sim = launched("sites.count=25", "collaborative.community.regionalGroups=3");
        int n = sim.sites.length;
        Behaviour.Community b = sim.scenario.behaviour().community();
        SplittableRandom random = new SplittableRandom(20261207L);
        for (Site s : sim.sites) {
            s.membership.member = random.nextDouble() < 0.8;
        }
        Ties sparse = new Ties(n, b.tieCapacity());
        DenseTies dense = new DenseTies(n);
        sparse.initialise(sim);
        dense.initialise(sim);
        assertSame(sim, sparse, dense, b);
        int[] group = new int[n];
        for (int step = 0; step < 400; step++) {
            switch (random.nextInt(5)) {
                case 0 -> {
                    int size = 0;
                    double share = random.nextDouble();
                    for (int j = 0; j < n; j++) {
                        if (random.nextDouble() < share) {
                            group[size++] = j;
                        }
                    }
                    double gain = random.nextDouble() * 0.3;
                    sparse.meet(group, size, gain);
                    dense.meet(group, size, gain);
                }
                case 1 -> {
                    int j = random.nextInt(n);
                    int k = random.nextInt(n);
                    double gain = random.nextDouble();
                    sparse.strengthen(j, k, gain);
                    dense.strengthen(j, k, gain);
                }
                case 2 -> {
                    int j = random.nextInt(n);
                    double factor = random.nextInt(4) == 0 ? 0.0 : random.nextDouble();
                    sparse.scale(j, factor);
                    dense.scale(j, factor);
                }
                case 3 -> {
                    Site s = sim.sites[random.nextInt(n)];
                    s.membership.member = !s.membership.member;
                    sparse.decay(sim);
                    dense.decay(sim);
                }
                default -> {
                    for (Site s : sim.sites) {
                        s.drive.effortDeviation = random.nextDouble() - 0.4;
                    }
                }
            }
            assertSame(sim, sparse, dense, b);
        }
        assertThat(dense.density()).isGreaterThan(0.0);
    }

    private static void assertSame(QicSimulation sim, Ties sparse, DenseTies dense, Behaviour.Community b) {
        int n = sim.sites.length;
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < n; k++) {
                assertThat(sparse.weight(j, k)).isEqualTo(dense.weight(j, k));
            }
            assertThat(sparse.community(j)).isEqualTo(dense.community(j));
            assertThat(sparse.norm(sim.sites, j, b)).isEqualTo(dense.norm(sim.sites, j, b));
        }
        assertThat(sparse.density()).isEqualTo(dense.density());
    }

    /**
     * Above the capacity: 40 sites of one region with capacity 6 start as a ring (each member tied
     * to the 3 next and 3 previous members in index order, so nobody's ties all go to the lowest
     * indices), no site ever holds more than 6 ties through meetings and visits, and community is a
     * mean over the 6 ties a site can hold.
     */
    @Test
    void aFullNetworkFormsNoNewTiesAndStartsAsARing() {
        QicSimulation sim = launched("sites.count=40", "collaborative.community.regionalGroups=1");
        int n = sim.sites.length;
        for (Site s : sim.sites) {
            s.membership.member = true;
        }
        Ties ties = new Ties(n, 6);
        ties.initialise(sim);
        for (int j = 0; j < n; j++) {
            assertThat(ties.degree(j)).isEqualTo(6);
            for (int d = 1; d <= 3; d++) {
                assertThat(ties.weight(j, (j + d) % n)).isEqualTo(Ties.INITIAL);
                assertThat(ties.weight(j, (j - d + n) % n)).isEqualTo(Ties.INITIAL);
            }
            assertThat(ties.weight(j, (j + 4) % n)).isZero();
            assertThat(ties.community(j)).isCloseTo(Ties.INITIAL, org.assertj.core.api.Assertions.within(1e-15));
        }
        int[] all = new int[n];
        for (int j = 0; j < n; j++) {
            all[j] = j;
        }
        ties.meet(all, n, 0.5);
        ties.strengthen(0, 20, 0.3);
        for (int j = 0; j < n; j++) {
            assertThat(ties.degree(j)).isEqualTo(6);
            assertThat(ties.weight(j, (j + 1) % n)).isEqualTo(Ties.INITIAL + 0.5 * (1 - Ties.INITIAL));
        }
        assertThat(ties.weight(0, 20)).isZero();
    }
}
