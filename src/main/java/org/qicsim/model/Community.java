package org.qicsim.model;

/**
 * A site's standing in the community of practice (MODEL.md §2 "Site"; §6 S10 leadership, community
 * and trust): trust in the collaborative {@code T}, psychological safety {@code S}, package know-how
 * {@code K} and champion influence {@code Λ}. Know-how and influence are stocks that contacts and
 * champions move by closing part of a gap, never a fixed chance of change (issue 12 item 1).
 * The champion itself is the site's {@link Champion}.
 *
 * <p>Written by {@link MonthlyUpdate} (trust and safety), {@link Trust#lose} (a rejected report's
 * trust drop, from {@link FeedbackResponse}, and a detected gamer's trust penalty, from {@link Audit}), {@link Socialisation}
 * (know-how: taught by champions, gained at meetings and visits, fading) and {@link Champions}
 * (champion influence).
 */
final class Community {
    /** {@code T}: trust in the collaborative (starts 0.5). */
    double trust = 0.5;
    /** {@code S}: psychological safety (starts at the endowment's Sb). */
    double safety;
    /**
     * Package know-how K ∈ [0, 1] (S10 socialisation): raised at each meeting attended and visit
     * received, fading each month; it acts only in Learning's act step (the chance that a change aligns
     * a departing package practice).
     */
    double knowHow;
    /**
     * Champion influence Λ (S10, world part): moves each month toward the champion's c·L at
     * championInfluenceRate; E0, E* and fidelity read it in place of c·L. A champion in post at
     * initialisation is established (Λ = c·L).
     */
    double championInfluence;

    Community(double safety0, double championInfluence) {
        this.safety = safety0;
        this.championInfluence = championInfluence;
    }

    /** An exact copy (the pre-launch fork). */
    Community(Community source) {
        this.trust = source.trust;
        this.safety = source.safety;
        this.knowHow = source.knowHow;
        this.championInfluence = source.championInfluence;
    }
}
