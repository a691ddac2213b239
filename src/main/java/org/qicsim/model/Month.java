package org.qicsim.model;

import org.qicsim.scenario.Collaborative;

/**
 * The facts of one month that every phase reads (MODEL.md §3): built once per month and arm by the
 * calendar phase, after the schedule's switches and the launch, and handed to each later phase's
 * guard and action ({@link Phase}). Passing it, rather than letting phases read the simulation's
 * fields, makes what a phase depends on visible in its signature and keeps the month's facts from
 * changing under a phase.
 *
 * @param month the month t, counted from 0
 * @param launchMonth the month of the launch (startMonth, or later if the schedule starts the
 *     collaborative later); −1 before it
 * @param launched whether the collaborative has been launched (in this arm, by this month)
 * @param active whether the collaborative runs this month: launched and not switched off by the
 *     schedule
 * @param collaborative the collaborative in force this month (the schedule applied); in the
 *     counterfactual arm the one in force when the arm was built, on which none of that arm's phases acts
 */
record Month(int month, int launchMonth, boolean launched, boolean active, Collaborative collaborative) {

    /** The collaborative year (1-based) this month falls in; 0 before the launch ({@link Calendar#year}). */
    int year() {
        return Calendar.year(month, launchMonth);
    }

    /**
     * The simulation's calendar state as a record: the calendar phase's one allocation per month,
     * and for tests that set that state by hand before calling a phase.
     */
    static Month of(QicSimulation sim) {
        return new Month(sim.month, sim.launchMonth, sim.launched, sim.active, sim.collaborative);
    }
}
