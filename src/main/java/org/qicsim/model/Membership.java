package org.qicsim.model;

/**
 * A site's membership of the collaborative (MODEL.md §2 "Site"; §6 S9 participation): member now,
 * ever a member, the month it last left and the month its current membership began.
 *
 * <p>Written by {@link Participation} (joining, leaving, rejoining) and {@link QicSimulation} (the
 * members at the launch); read by almost every collaborative submodel.
 */
final class Membership {
    boolean member;
    boolean everMember;
    /** Month the site last left, or −1. */
    int leftMonth = -1;
    /** Month the current membership began (the launch, or the year-end month of joining), or {@link Site#NEVER}. */
    int joinedMonth = Site.NEVER;

    Membership() {
    }

    /** An exact copy (the pre-launch fork). */
    Membership(Membership source) {
        this.member = source.member;
        this.everMember = source.everMember;
        this.leftMonth = source.leftMonth;
        this.joinedMonth = source.joinedMonth;
    }

    /**
     * Whether the site has been a member in every month of collaborative year {@code year} (which starts
     * in month {@code yearStart}) up to now: a member now whose membership began no later than the
     * year's first month (S6 participation pay).
     */
    boolean memberThroughout(int yearStart) {
        return member && joinedMonth != Site.NEVER && joinedMonth <= yearStart;
    }
}
