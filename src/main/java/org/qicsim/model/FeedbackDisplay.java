package org.qicsim.model;

import org.qicsim.scenario.Collaborative;

/**
 * How the coordinating centre displays the members' rates in a report (MODEL.md §6 S3 funnel classes,
 * S5 reports and processing; Spiegelhalter 2005 on funnel plots; Ivers et al. 2012 on feedback the
 * recipient can read). A funnel plots each rate against control limits and classes sites as better,
 * as expected or worse; a league table ranks them only. The scenario's flat
 * {@code feedback.display} enum maps to one variant by an exhaustive switch, so a new display cannot
 * be added without saying what it classes, how it ranks and how it is perceived.
 */
sealed interface FeedbackDisplay {

    /** z* of the funnel's control limits (S3); NaN where nothing is classed. */
    double zStar();

    /**
     * Whether the display ranks the sites instead of classing them (S5): fairness then compares
     * quintiles, and being in the worst quintile is a bad rank.
     */
    boolean ranks();

    // Shared instances: of() runs per report and per measurement, and allocates nothing.
    Funnel FUNNEL = new Funnel(1.96);
    Funnel FUNNEL99 = new Funnel(3.09);
    League LEAGUE = new League();

    static FeedbackDisplay of(Collaborative.Display display) {
        return switch (display) {
            case FUNNEL -> FUNNEL;
            case FUNNEL99 -> FUNNEL99;
            case LEAGUE -> LEAGUE;
        };
    }

    /**
     * A funnel plot with control limits at ±z* (S3: 1.96 for 95%, 3.09 for 99.8%; Spiegelhalter 2005):
     * sites beyond a limit are classed better or worse; a funnel is easier to perceive than a table
     * of ranks (S5 P_perc).
     */
    record Funnel(double zStar) implements FeedbackDisplay {
        @Override
        public boolean ranks() {
            return false;
        }
    }

    /**
     * A league table (S3, S5): ranks only, so every site is classed as expected, the worst quintile
     * has a bad rank, and no funnel PD can be found (§10 item 35).
     */
    record League() implements FeedbackDisplay {
        @Override
        public double zStar() {
            return Double.NaN;
        }

        @Override
        public boolean ranks() {
            return true;
        }
    }
}
