package org.qicsim.model;

import org.qicsim.scenario.Collaborative;

/**
 * What the collaborative uses the members' data for (MODEL.md §6 S5 threat, S6 controlling and
 * supportive terms; CP-FIT, Brown et al. 2019, on feedback perceived as punitive; Deci, Koestner &amp;
 * Ryan 1999 on controlling and informational rewards). Punitive use threatens a report's recipient
 * and controls; formative use supports intrinsic motivation when a report comes; neutral use does
 * neither. The scenario's flat {@code community.dataUse} enum maps to one variant by an exhaustive
 * switch.
 */
sealed interface DataUseStance {

    /** [dataUse = punitive]: the threat a report carries (S5) and the controlling term (S6). */
    default double punitive() {
        return 0.0;
    }

    /** [dataUse = formative]: whether a report that came supports intrinsic motivation (S6). */
    default boolean formative() {
        return false;
    }

    // The variants without parameters are shared instances, so of(), called inside monthly loops, allocates nothing.
    Formative FORMATIVE = new Formative();
    Neutral NEUTRAL = new Neutral();
    Punitive PUNITIVE = new Punitive();

    static DataUseStance of(Collaborative.DataUse dataUse) {
        return switch (dataUse) {
            case FORMATIVE -> FORMATIVE;
            case NEUTRAL -> NEUTRAL;
            case PUNITIVE -> PUNITIVE;
        };
    }

    /** Data used to learn: a report supports (S6 Supportive). */
    record Formative() implements DataUseStance {
        @Override
        public boolean formative() {
            return true;
        }
    }

    /** Data neither used to learn nor to judge. */
    record Neutral() implements DataUseStance {
    }

    /** Data used to judge: every report threatens (S5) and controls (S6). */
    record Punitive() implements DataUseStance {
        @Override
        public double punitive() {
            return 1.0;
        }
    }
}
