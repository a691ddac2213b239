package org.qicsim.model;

/**
 * A running local test of a change (MODEL.md §6 S7, after the PDSA cycle): it advances every month
 * from the month after the change, tallying the site's own recorded events and cases, and holds what
 * a revert restores if the change does not look better: the practices the change flipped, with the
 * bundle and fidelities from before it.
 */
final class LocalTest {
    final int previousBundle;
    final double[] previousFidelity;
    /** The practices the change flipped, as a bit mask (previous bundle XOR the bundle after the change). */
    final int changedPractices;
    final int baselineEvents;
    final int baselineCases;
    /** The change month; the test advances from the month after it. */
    final int changeMonth;
    int monthsLeft;
    int events;
    int cases;

    LocalTest(int previousBundle, double[] previousFidelity, int changedPractices, int baselineEvents,
            int baselineCases, int months, int changeMonth) {
        this.previousBundle = previousBundle;
        this.changedPractices = changedPractices;
        this.changeMonth = changeMonth;
        this.previousFidelity = previousFidelity;
        this.baselineEvents = baselineEvents;
        this.baselineCases = baselineCases;
        this.monthsLeft = months;
    }

    /** An exact deep copy (the pre-launch fork copies sites, MODEL.md §3). */
    LocalTest copy() {
        LocalTest c = new LocalTest(previousBundle, previousFidelity.clone(), changedPractices, baselineEvents,
                baselineCases, monthsLeft, changeMonth);
        c.events = events;
        c.cases = cases;
        return c;
    }

    /** Adds one month's recorded data; true when the test has run its course. */
    boolean advance(int monthEvents, int monthCases) {
        events += monthEvents;
        cases += monthCases;
        monthsLeft--;
        return monthsLeft <= 0;
    }

    /**
     * Kept iff the test's recorded crude rate is strictly below the baseline's; a window with no
     * cases makes the test "not lower".
     */
    boolean looksBetter() {
        if (cases == 0 || baselineCases == 0) {
            return false;
        }
        return (double) events / cases < (double) baselineEvents / baselineCases;
    }
}
