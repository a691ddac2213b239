package org.qicsim.model;

/**
 * What a site starts with (MODEL.md §5 "Sites"): its draws at initialisation, the burnt-in
 * fidelities and routines and whether it is a member at {@code startMonth}. Shared, read-only, by both arms of a
 * run; each arm copies the mutable parts into its own {@link Site}.
 *
 * @param structuralEffect u, the site's structural effect on the log-odds of an adverse event
 * @param caseMixMean μ, the mean risk of its patients
 * @param volume λ, patients per month
 * @param capacity C, QI capacity
 * @param absorptiveCapacity a
 * @param pressure pr, production pressure
 * @param intrinsic0 I0, baseline intrinsic motivation
 * @param safety0 Sb, baseline psychological safety
 * @param regionUniform the uniform that sets the region once the number of groups is known
 * @param gamingType the site's gaming type
 * @param championPost whether a champion post exists (it starts filled)
 * @param leadership L of the initial champion (drawn whatever the post)
 * @param bundle the adopted bundle x as a bit mask
 * @param fidelity φ_i after burn-in
 * @param routine the months each practice has been held and which are routinised, after burn-in (a
 *     template: each arm's site copies it)
 * @param patterns the 64 fixed execution-pattern uniforms per practice, [practice][k], for TRSR
 * @param memberAtStart whether the site is a member at startMonth
 */
public record SiteEndowment(
        double structuralEffect,
        double caseMixMean,
        double volume,
        double capacity,
        double absorptiveCapacity,
        double pressure,
        double intrinsic0,
        double safety0,
        double regionUniform,
        GamingType gamingType,
        boolean championPost,
        double leadership,
        int bundle,
        double[] fidelity,
        Routine routine,
        double[][] patterns,
        boolean memberAtStart) {

    /** C_eff = C·(1 − 0.5·pr) (MODEL.md §2). */
    public double effectiveCapacity() {
        return capacity * (1.0 - 0.5 * pressure);
    }
}
