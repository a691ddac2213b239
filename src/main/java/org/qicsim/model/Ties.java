package org.qicsim.model;

import java.util.Arrays;
import org.qicsim.scenario.Behaviour;

/**
 * Ties between sites (MODEL.md §2 "Ties", §6 S10; Dixon-Woods et al. 2011 on the densely networked
 * community that exerted normative pressure in Michigan): symmetric strengths w_jk ∈ [0, 1], formed
 * at meetings and visits, decaying every month, existing only in the collaborative arm. They carry
 * the community norm and psychological safety.
 *
 * <p>Each site keeps at most {@code capacity = min(J − 1, tieCapacity)} ties (a bounded professional
 * network, MODEL.md §10 item 53), stored as rows of (other site, weight) sorted by the other site's
 * index, so that every sum runs over the same non-zero terms in the same order as over a dense
 * J × J matrix: while no site's network is full the values are exactly the dense form's, and every
 * monthly operation costs O(J·capacity) instead of O(J²). A pair that never formed a tie has weight 0
 * and is not stored.
 */
final class Ties {
    /** Initial tie between members of the same region at the launch (MODEL.md §5). */
    static final double INITIAL = 0.1;
    /** Below this total tie weight a site has no peers to take a norm from (MODEL.md §6 S10). */
    static final double NORM_GUARD = 1e-9;

    private final int sites;
    private final int capacity;
    /** other[j][0..degree[j]) ascending: the sites j is tied to. */
    private final int[][] other;
    /** weight[j][i]: the tie of j with other[j][i]; both halves of a pair always hold the same value. */
    private final double[][] weight;
    private final int[] degree;
    /** Scratch: the indices of this month's members, or of a group. */
    private final int[] members;
    /** Scratch: marks of a group's members (all false between calls). */
    private final boolean[] inGroup;

    /** Ties without a bound below J − 1 (the dense form). */
    Ties(int sites) {
        this(sites, sites - 1);
    }

    Ties(int sites, int tieCapacity) {
        this.sites = sites;
        this.capacity = Math.max(0, Math.min(sites - 1, tieCapacity));
        this.other = new int[sites][];
        this.weight = new double[sites][];
        this.degree = new int[sites];
        // Rows grow on demand up to the capacity, so a sparse network costs what it holds.
        int initial = Math.min(capacity, 8);
        for (int j = 0; j < sites; j++) {
            other[j] = new int[initial];
            weight[j] = new double[initial];
        }
        this.members = new int[sites];
        this.inGroup = new boolean[sites];
    }

    /** The largest number of ties one site can hold: min(J − 1, tieCapacity). */
    int capacity() {
        return capacity;
    }

    /** The number of ties site j holds. */
    int degree(int j) {
        return degree[j];
    }

    double weight(int j, int k) {
        int slot = slot(j, k);
        return slot < 0 ? 0.0 : weight[j][slot];
    }

    /**
     * Same-region members are tied at 0.1: every pair when the region's members fit in a site's
     * capacity, otherwise the ring of {@link #connect}.
     */
    void initialise(QicSimulation sim) {
        int groups = sim.collaborative.community().regionalGroups();
        int[] regionOf = new int[sites];
        int[] count = new int[groups];
        for (Site s : sim.sites) {
            regionOf[s.index] = sim.region(s);
            if (s.membership.member) {
                count[regionOf[s.index]]++;
            }
        }
        for (int g = 0; g < groups; g++) {
            if (count[g] < 2) {
                continue;
            }
            int m = 0;
            for (Site s : sim.sites) {
                if (s.membership.member && regionOf[s.index] == g) {
                    members[m++] = s.index;
                }
            }
            connect(members, m, INITIAL);
        }
    }

    /**
     * One meeting of a group (site indices ascending): every existing tie between two of them gets
     * w += gain·(1 − w), then missing pairs are formed by {@link #connect} at 0 + gain·(1 − 0).
     * Each pair is strengthened once, as the dense form's loop over all pairs does.
     */
    void meet(int[] group, int size, double gain) {
        for (int x = 0; x < size; x++) {
            inGroup[group[x]] = true;
        }
        for (int x = 0; x < size; x++) {
            int j = group[x];
            int[] row = other[j];
            for (int i = 0; i < degree[j]; i++) {
                int k = row[i];
                if (k > j && inGroup[k]) {
                    double w = weight[j][i];
                    double next = w + gain * (1.0 - w);
                    weight[j][i] = next;
                    weight[k][slot(k, j)] = next;
                }
            }
        }
        for (int x = 0; x < size; x++) {
            inGroup[group[x]] = false;
        }
        connect(group, size, 0.0 + gain * (1.0 - 0.0));
    }

    /**
     * Forms the missing ties of a group (site indices ascending) at {@code value}, each only while
     * both sites have room: every pair when the group fits in a site's capacity (size − 1 ≤
     * capacity), otherwise a ring lattice in index order — each member with the next
     * ⌊capacity/2⌋ members of the group, cyclically — so that no site's ties all go to the lowest
     * indices.
     */
    private void connect(int[] group, int size, double value) {
        if (size - 1 <= capacity) {
            for (int x = 0; x < size; x++) {
                for (int y = x + 1; y < size; y++) {
                    form(group[x], group[y], value);
                }
            }
        } else {
            int reach = capacity / 2;
            for (int x = 0; x < size; x++) {
                for (int d = 1; d <= reach; d++) {
                    form(group[x], group[(x + d) % size], value);
                }
            }
        }
    }

    /** A new tie at {@code value} if the pair has none and both sites have room. */
    private void form(int j, int k, double value) {
        if (degree[j] < capacity && degree[k] < capacity && slot(j, k) < 0) {
            insert(j, k, value);
            insert(k, j, value);
        }
    }

    /** w += gain·(1 − w); a missing tie forms (at gain) only if both sites have room. */
    void strengthen(int j, int k, double gain) {
        if (j == k) {
            return;
        }
        int slot = slot(j, k);
        if (slot >= 0) {
            double w = weight[j][slot];
            double next = w + gain * (1.0 - w);
            weight[j][slot] = next;
            weight[k][slot(k, j)] = next;
        } else {
            form(j, k, 0.0 + gain * (1.0 - 0.0));
        }
    }

    /** Multiplies all of a site's ties (a detected gamer's, when identities are visible). */
    void scale(int j, double factor) {
        int[] row = other[j];
        for (int i = 0; i < degree[j]; i++) {
            int k = row[i];
            double next = weight[j][i] * factor;
            weight[j][i] = next;
            weight[k][slot(k, j)] = next;
        }
    }

    /** Multiplicative decay of ties between current members; a leaver's ties freeze. */
    void decay(QicSimulation sim) {
        double keep = sim.scenario.behaviour().community().tieDecay();
        // Row by row over both halves: each stored entry is multiplied once, and w_jk = w_kj gives
        // both halves the same product, as one symmetric write would.
        for (Site a : sim.sites) {
            if (!a.membership.member) {
                continue;
            }
            int j = a.index;
            int[] row = other[j];
            double[] w = weight[j];
            for (int i = 0; i < degree[j]; i++) {
                if (sim.sites[row[i]].membership.member) {
                    w[i] *= keep;
                }
            }
        }
    }

    /**
     * community_j = Σ_k w_jk / min(J − 1, capacity): the mean strength of the ties a site can hold
     * (the dense form's mean over all J − 1 others while J − 1 ≤ capacity).
     */
    double community(int j) {
        double sum = 0.0;
        double[] w = weight[j];
        for (int i = 0; i < degree[j]; i++) {
            sum += w[i];
        }
        return capacity > 0 ? sum / capacity : 0.0;
    }

    /**
     * Norm_j = normScale·community_j·m_j, m_j = Σ_k w_jk·(E_k − E0_k) / Σ_k w_jk over members k ≠ j
     * (0 when the sum is below 1e−9): zero until peers change effort, growing with tie strength.
     */
    double norm(Site[] all, int j, Behaviour.Community b) {
        double weighted = 0.0;
        double total = 0.0;
        int[] row = other[j];
        double[] w = weight[j];
        for (int i = 0; i < degree[j]; i++) {
            Site k = all[row[i]];
            if (k.membership.member) {
                weighted += w[i] * k.drive.effortDeviation;
                total += w[i];
            }
        }
        double m = total < NORM_GUARD ? 0.0 : weighted / total;
        return b.normScale() * community(j) * m;
    }

    /** Mean w over all J·(J − 1)/2 pairs. */
    double density() {
        int n = sites;
        if (n < 2) {
            return 0.0;
        }
        double sum = 0.0;
        for (int j = 0; j < n; j++) {
            int[] row = other[j];
            double[] w = weight[j];
            for (int i = 0; i < degree[j]; i++) {
                if (row[i] > j) {
                    sum += w[i];
                }
            }
        }
        return sum / (n * (n - 1) / 2.0);
    }

    /** The slot of k in j's row, or a negative number if j has no tie with k. */
    private int slot(int j, int k) {
        return Arrays.binarySearch(other[j], 0, degree[j], k);
    }

    private void insert(int j, int k, double value) {
        int at = -(slot(j, k) + 1);
        int n = degree[j];
        if (n == other[j].length) {
            int grown = Math.min(capacity, Math.max(8, 2 * n));
            other[j] = Arrays.copyOf(other[j], grown);
            weight[j] = Arrays.copyOf(weight[j], grown);
        }
        System.arraycopy(other[j], at, other[j], at + 1, n - at);
        System.arraycopy(weight[j], at, weight[j], at + 1, n - at);
        other[j][at] = k;
        weight[j][at] = value;
        degree[j] = n + 1;
    }
}
