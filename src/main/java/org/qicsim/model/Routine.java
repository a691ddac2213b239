package org.qicsim.model;

/**
 * A site's routines (MODEL.md §6 S7 "Routinisation and abandonment"): for each practice, the months
 * it has been held since it was last adopted (counted up to {@code routineMonths}), and whether it is
 * routinised. Only the adopted practices' entries are read; a dropped practice's entry is left as it
 * was, so that a local test's revert, which restores the previous bundle, restores its hold with it,
 * and a new adoption restarts it ({@link #adopted}).
 */
final class Routine {
    private final int[] heldMonths;
    /** Routinised practices as a bit mask (read together with the bundle). */
    private int routinised;

    Routine(int practices) {
        this.heldMonths = new int[practices];
    }

    /** An exact deep copy (the world's template copied into each arm's site; the pre-launch fork). */
    Routine(Routine source) {
        this.heldMonths = source.heldMonths.clone();
        this.routinised = source.routinised;
    }

    /** Practice {@code i} has just been adopted: held for no month, not routinised. */
    void adopted(int practice) {
        heldMonths[practice] = 0;
        routinised &= ~(1 << practice);
    }

    /** Whether practice {@code i} is routinised (meaningful while it is adopted). */
    boolean routinised(int practice) {
        return (routinised >>> practice & 1) == 1;
    }

    /**
     * One more month held; the practice becomes routinised once held at least {@code routineMonths}
     * while {@code supported}. The count stops at {@code routineMonths}: only the comparison matters.
     */
    void held(int practice, boolean supported, int routineMonths) {
        heldMonths[practice] = Math.min(routineMonths, heldMonths[practice] + 1);
        if (supported && heldMonths[practice] >= routineMonths) {
            routinised |= 1 << practice;
        }
    }

    int heldMonths(int practice) {
        return heldMonths[practice];
    }
}
