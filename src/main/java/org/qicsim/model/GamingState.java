package org.qicsim.model;

/**
 * A site's gaming and its consequences (MODEL.md §2 "Site" {@code G}; §6 S2 recording, gaming and
 * audit): whether it games now, whether it ever has, the last month it recorded while gaming, and
 * the cycle up to which an audit has excluded it from PD sets and showcases.
 *
 * <p>Written by {@link GamingDecision} (gaming now, each year), {@link Recording} (ever gamed and
 * the last month recorded while gaming), {@link Audit} (a detected gamer stops and is excluded) and
 * {@link Participation} (a site that leaves stops gaming); read by {@link Recording},
 * {@link GamingGap}, {@link Observation} and the coordinating centre.
 */
final class GamingState {
    /** {@code G}: gaming now. */
    boolean active;
    /** Whether the site has ever gamed. */
    boolean ever;
    /** The last month recorded while gaming. */
    int lastMonth = Integer.MIN_VALUE;
    /** Excluded from PD sets and showcases up to this cycle (−1: never excluded). */
    int excludedUntilCycle = -1;

    GamingState() {
    }

    /** An exact copy (the pre-launch fork). */
    GamingState(GamingState source) {
        this.active = source.active;
        this.ever = source.ever;
        this.lastMonth = source.lastMonth;
        this.excludedUntilCycle = source.excludedUntilCycle;
    }
}
