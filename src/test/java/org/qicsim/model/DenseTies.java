package org.qicsim.model;

import org.qicsim.scenario.Behaviour;

/**
 * The dense J × J tie matrix of the model before the bounded network (MODEL.md §10 item 53), kept
 * verbatim as the reference {@link TiesTest} compares {@link Ties} with. Ties between sites (MODEL.md §2 "Ties", §6 S10; Dixon-Woods et al. 2011 on the densely networked
 * community that exerted normative pressure in Michigan): symmetric strengths w_jk ∈ [0, 1], formed
 * at meetings and visits, decaying every month, existing only in the collaborative arm. They carry
 * the community norm and psychological safety.
 */
final class DenseTies {
    /** Initial tie between members of the same region at the launch (MODEL.md §5). */
    static final double INITIAL = 0.1;
    /** Below this total tie weight a site has no peers to take a norm from (MODEL.md §6 S10). */
    static final double NORM_GUARD = 1e-9;

    private final double[][] w;
    /** Scratch: the indices of this month's members. */
    private final int[] members;

    DenseTies(int sites) {
        this.w = new double[sites][sites];
        this.members = new int[sites];
    }

    double weight(int j, int k) {
        return w[j][k];
    }

    /** Same-region member pairs start at 0.1, every other pair at 0. */
    void initialise(QicSimulation sim) {
        for (Site a : sim.sites) {
            for (Site b : sim.sites) {
                if (a.index < b.index && a.membership.member && b.membership.member && sim.region(a) == sim.region(b)) {
                    set(a.index, b.index, INITIAL);
                }
            }
        }
    }

    /** The meeting loop as {@code Meetings.meet} had it: every pair of the group strengthens. */
    void meet(int[] group, int size, double gain) {
        for (int x = 0; x < size; x++) {
            for (int y = x + 1; y < size; y++) {
                strengthen(group[x], group[y], gain);
            }
        }
    }

    /** w += gain·(1 − w). */
    void strengthen(int j, int k, double gain) {
        if (j != k) {
            set(j, k, w[j][k] + gain * (1.0 - w[j][k]));
        }
    }

    /** Multiplies all of a site's ties (a detected gamer's, when identities are visible). */
    void scale(int j, double factor) {
        for (int k = 0; k < w.length; k++) {
            if (k != j) {
                set(j, k, w[j][k] * factor);
            }
        }
    }

    /** Multiplicative decay of ties between current members; a leaver's ties freeze. */
    void decay(QicSimulation sim) {
        double keep = sim.scenario.behaviour().community().tieDecay();
        int m = 0;
        for (Site a : sim.sites) {
            if (a.membership.member) {
                members[m++] = a.index;
            }
        }
        // Row by row over both halves of the symmetric matrix: each entry is multiplied once, and
        // w_jk = w_kj gives both halves the same product, as one symmetric write would, without
        // the column writes that miss the cache at every pair.
        for (int x = 0; x < m; x++) {
            double[] row = w[members[x]];
            for (int y = 0; y < m; y++) {
                if (y != x) {
                    row[members[y]] *= keep;
                }
            }
        }
    }

    private void set(int j, int k, double value) {
        w[j][k] = value;
        w[k][j] = value;
    }

    /** community_j = Σ_{k≠j} w_jk / (J − 1). */
    double community(int j) {
        double sum = 0.0;
        for (int k = 0; k < w.length; k++) {
            if (k != j) {
                sum += w[j][k];
            }
        }
        return w.length > 1 ? sum / (w.length - 1) : 0.0;
    }

    /**
     * Norm_j = normScale·community_j·m_j, m_j = Σ_k w_jk·(E_k − E0_k) / Σ_k w_jk over members k ≠ j
     * (0 when the sum is below 1e−9): zero until peers change effort, growing with tie strength.
     */
    double norm(Site[] sites, int j, Behaviour.Community b) {
        double weighted = 0.0;
        double total = 0.0;
        for (Site k : sites) {
            if (k.index != j && k.membership.member) {
                weighted += w[j][k.index] * k.drive.effortDeviation;
                total += w[j][k.index];
            }
        }
        double m = total < NORM_GUARD ? 0.0 : weighted / total;
        return b.normScale() * community(j) * m;
    }

    /** Mean w over all pairs. */
    double density() {
        int n = w.length;
        if (n < 2) {
            return 0.0;
        }
        double sum = 0.0;
        for (int j = 0; j < n; j++) {
            for (int k = j + 1; k < n; k++) {
                sum += w[j][k];
            }
        }
        return sum / (n * (n - 1) / 2.0);
    }
}
