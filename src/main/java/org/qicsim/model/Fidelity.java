package org.qicsim.model;

import org.qicsim.scenario.Behaviour;

/**
 * S7, last rule: fidelity of execution, for every site in both arms and in the burn-in (MODEL.md §6
 * S7 "Fidelity"). Effort and a champion raise fidelity toward 1; it decays toward 0 without them, so
 * practice that nobody works at erodes (Dixon-Woods et al. 2012, challenge 9: sustainability).
 */
public final class Fidelity {
    private final double gain;
    private final double decay;
    private final double championBoost;

    public Fidelity(Behaviour.Learning learning) {
        this.gain = learning.fidelityGain();
        this.decay = learning.fidelityDecay();
        this.championBoost = learning.fidelityChampion();
    }

    /** φ + fidelityGain·E·(1 + fidelityChampion·c·L)·(1 − φ) − fidelityDecay·φ. */
    public double next(double phi, double effort, double championLeadership) {
        return phi + gain * effort * (1.0 + championBoost * championLeadership) * (1.0 - phi) - decay * phi;
    }

    /** Updates every practice's fidelity in place; returns the largest absolute change. */
    public double step(double[] phi, double effort, double championLeadership) {
        double largest = 0.0;
        for (int i = 0; i < phi.length; i++) {
            double updated = next(phi[i], effort, championLeadership);
            largest = Math.max(largest, Math.abs(updated - phi[i]));
            phi[i] = updated;
        }
        return largest;
    }
}
