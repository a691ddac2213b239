package org.qicsim.model;

import org.qicsim.scenario.Behaviour;

/**
 * S10 Psychological safety (MODEL.md §6 S10; Edmondson 1999): raised by a champion's leadership and
 * by community, lowered by threat, reverting toward the site's baseline Sb. Safety buffers the
 * threat that makes sites reject feedback (S5).
 */
final class Safety {
    private Safety() {
    }

    /** S + safetyGain·(c·L + safetyCommunity·community)·(1−S) − safetyThreat·Threat·S + safetyReversion·(Sb − S). */
    static double next(Behaviour.Community b, double safety, double safety0, double championLeadership,
            double community, double threat) {
        return safety + b.safetyGain() * (championLeadership + b.safetyCommunity() * community) * (1.0 - safety)
                - b.safetyThreat() * threat * safety + b.safetyReversion() * (safety0 - safety);
    }
}
