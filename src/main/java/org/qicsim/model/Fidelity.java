package org.qicsim.model;

import java.util.function.IntPredicate;
import org.qicsim.scenario.Behaviour;

/**
 * S7, last rule: fidelity of execution, routinisation and abandonment, for every site in both arms
 * and in the burn-in (MODEL.md §6 S7 "Fidelity" and "Routinisation and abandonment"). Effort and a
 * champion raise fidelity toward 1; it decays toward 0 without them, so practice that nobody works at
 * erodes (Dixon-Woods et al. 2012, challenge 9: sustainability). Following PATTERNS.md's principle
 * ("what is practised only while pushed fades when the push stops; what is routinised … lasts"), a
 * practice held {@code routineMonths} with support (a champion in post, or the change package's
 * advice to do it) is routinised and decays more slowly; a practice that is not routinised and whose
 * fidelity falls below {@code abandonFidelity} (when the effort that held it up falls) is abandoned. No random draw is involved.
 */
public final class Fidelity {
    private final double gain;
    private final double decay;
    private final double championBoost;
    private final int routineMonths;
    private final double routineDecay;
    private final double abandonFidelity;

    public Fidelity(Behaviour.Learning learning) {
        this.gain = learning.fidelityGain();
        this.decay = learning.fidelityDecay();
        this.championBoost = learning.fidelityChampion();
        this.routineMonths = learning.routineMonths();
        this.routineDecay = learning.fidelityDecay() * (1.0 - learning.routineProtection());
        this.abandonFidelity = learning.abandonFidelity();
    }

    /** fidelityGain·E·(1 + fidelityChampion·c·L): the month's pull toward full fidelity. */
    private double drive(double effort, double championLeadership) {
        return gain * effort * (1.0 + championBoost * championLeadership);
    }

    /**
     * φ + g·(1 − φ) − d·φ, g = fidelityGain·E·(1 + fidelityChampion·Λ), d = fidelityDecay, or
     * fidelityDecay·(1 − routineProtection) if routinised: the month closes the share g + d of the gap
     * to the fixed point g/(g + d). A month closes at most the whole gap: when g + d ≥ 1 the practice
     * is at its fixed point (MODEL.md S7, §10 item 68). Without that bound the step overshoots the fixed
     * point when g + d > 1, leaves [0, 1], and diverges when g + d > 2 (reachable within the keys'
     * ranges: g is up to 6·E with fidelityChampion 5, and more with know-how).
     */
    double next(double phi, double effort, double championLeadership, boolean routinised) {
        double g = drive(effort, championLeadership);
        double d = routinised ? routineDecay : decay;
        if (g + d >= 1.0) {
            return g / (g + d);
        }
        return phi + g * (1.0 - phi) - d * phi;
    }

    /**
     * The site's own equilibrium fidelity φ* = g / (g + fidelityDecay), g = fidelityGain·E·(1 +
     * fidelityChampion·c·L): the fixed point of the rule for a practice that is not routinised, the
     * most the site can sustain at its current effort and champion (0 when nothing moves: g = decay = 0).
     */
    double equilibrium(double effort, double championLeadership) {
        double g = drive(effort, championLeadership);
        return g + decay > 0.0 ? g / (g + decay) : 0.0;
    }

    /**
     * One month of the rule for one site, in practice order: every fidelity moves (an adopted,
     * routinised practice with the smaller decay); then each adopted practice that is not routinised
     * and whose fidelity fell this month from at least {@code abandonFidelity} to below it is abandoned (its bit
     * cleared); each other adopted practice is held one more month and becomes routinised once held
     * {@code routineMonths} while {@code supported}. Returns the bundle after abandonment.
     */
    int month(int bundle, double[] phi, Routine routine, double effort, double championLeadership,
            IntPredicate supported) {
        return month(bundle, phi, routine, effort, championLeadership, supported, 0, 0.0);
    }

    /**
     * The leadership term that drives practice {@code i}'s fidelity: the champion's influence Λ, plus
     * {@code knownBoost} (knowHowFidelity·K) for a practice of the mask {@code known}, the change
     * package's advised practices (S7, S10; MODEL.md §10 item 65). The fidelity month and a newly
     * adopted practice's equilibrium both read it.
     */
    static double leadership(double championLeadership, int known, double knownBoost, int i) {
        return (known >>> i & 1) == 1 ? championLeadership + knownBoost : championLeadership;
    }

    /**
     * As {@link #month(int, double[], Routine, double, double, IntPredicate)}, with the practices of the
     * mask {@code known} (the change package's advised practices) driven by {@code championLeadership +
     * knownBoost} (knowHowFidelity·K: what staff know of a practice helps them do it well, S10).
     */
    int month(int bundle, double[] phi, Routine routine, double effort, double championLeadership,
            IntPredicate supported, int known, double knownBoost) {
        int out = bundle;
        for (int i = 0; i < phi.length; i++) {
            boolean adopted = (bundle >>> i & 1) == 1;
            boolean routinised = adopted && routine.routinised(i);
            double updated = next(phi[i], effort, leadership(championLeadership, known, knownBoost, i), routinised);
            // "Falls below": a crossing this month, so a practice the site never held up to the
            // threshold is not dropped for the rounding of a fidelity at its fixed point.
            boolean fellBelow = phi[i] >= abandonFidelity && updated < abandonFidelity;
            phi[i] = updated;
            if (!adopted) {
                continue;
            }
            if (!routinised && fellBelow) {
                out &= ~(1 << i);
            } else {
                routine.held(i, supported.test(i), routineMonths);
            }
        }
        return out;
    }
}
