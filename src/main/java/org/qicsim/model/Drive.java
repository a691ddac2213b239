package org.qicsim.model;

/**
 * A site's effort and what drives it (MODEL.md §2 "Site"; §6 S5 effort, S6 motivation, S10's norm):
 * the no-collaborative effort {@code E0} and the deviation {@code ΔE} (see {@link Effort}), intrinsic
 * motivation {@code I}, expected attainment {@code X̂} and the community norm {@code Norm}.
 *
 * <p>Written by {@link MonthlyUpdate} (the synchronous monthly update: {@code ΔE}, {@code I} and
 * {@code Norm}), {@link IncentiveProgramme} ({@code X̂}) and {@link QicSimulation} ({@code E0}, each
 * time {@link Champions} moves the champion's influence); {@code E0} and {@code I} start from the
 * world's draws.
 */
final class Drive {
    /** {@code E0}: the effort the site would make with no collaborative. */
    double effort0;
    /** {@code ΔE = E − E0}: what the collaborative has added to (or taken from) effort. */
    double effortDeviation;
    /** {@code I}: intrinsic motivation, crowded in and out, reverting toward I0. */
    double intrinsic;
    /** {@code X̂}: expected attainment of the incentive. */
    double expectedAttainment;
    /** Norm_j from the latest monthly update (S10). */
    double norm;

    Drive(double effort0, double intrinsic0) {
        this.effort0 = effort0;
        this.intrinsic = intrinsic0;
    }

    /** An exact copy (the pre-launch fork). */
    Drive(Drive source) {
        this.effort0 = source.effort0;
        this.effortDeviation = source.effortDeviation;
        this.intrinsic = source.intrinsic;
        this.expectedAttainment = source.expectedAttainment;
        this.norm = source.norm;
    }

    /** E = E0 + ΔE. */
    double effort() {
        return effort0 + effortDeviation;
    }
}
