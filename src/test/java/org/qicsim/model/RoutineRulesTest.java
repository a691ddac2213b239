package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.qicsim.scenario.Behaviour;

/** MODEL.md §6 S7 "Routinisation and abandonment" on constructed states (issue 12 item 1). */
class RoutineRulesTest {
    private final Behaviour.Learning b = TestScenarios.defaults().behaviour().learning();

    @Test
    void aSupportedPracticeIsRoutinisedAfterRoutineMonthsAndNotBefore() {
        Fidelity f = new Fidelity(b);
        Routine routine = new Routine(2);
        double[] phi = {0.6, 0.6};
        int months = b.routineMonths();
        // Practice 0 supported, practice 1 not; both adopted, effort high enough never to cross the threshold.
        for (int m = 1; m < months; m++) {
            assertThat(f.month(0b11, phi, routine, 0.5, 0.0, i -> i == 0)).isEqualTo(0b11);
            assertThat(routine.routinised(0)).as("month " + m).isFalse();
        }
        f.month(0b11, phi, routine, 0.5, 0.0, i -> i == 0);
        assertThat(routine.routinised(0)).isTrue();
        assertThat(routine.routinised(1)).isFalse();
        assertThat(routine.heldMonths(1)).isEqualTo(months);
        // The routinised practice decays by fidelityDecay·(1 − routineProtection): with no effort, one month.
        double before0 = phi[0];
        double before1 = phi[1];
        f.month(0b11, phi, routine, 0.0, 0.0, i -> false);
        assertThat(phi[0]).isCloseTo(before0 * (1 - b.fidelityDecay() * (1 - b.routineProtection())), within(1e-15));
        assertThat(phi[1]).isCloseTo(before1 * (1 - b.fidelityDecay()), within(1e-15));
        assertThat(b.routineProtection()).isPositive();
    }

    @Test
    void pushedPracticeFadesAndIsAbandonedWhenThePushStopsWhileARoutinisedOneLasts() {
        Fidelity f = new Fidelity(b);
        Routine routine = new Routine(2);
        double[] phi = {0.6, 0.6};
        // Pushed: held long enough at high effort; only practice 0 is supported (routinised).
        for (int m = 0; m < b.routineMonths(); m++) {
            f.month(0b11, phi, routine, 0.5, 0.0, i -> i == 0);
        }
        assertThat(routine.routinised(0)).isTrue();
        // The push stops: no effort. Practice 1 decays until it falls below abandonFidelity, then is dropped.
        int bundle = 0b11;
        int month = 0;
        while ((bundle & 0b10) != 0 && month < 1000) {
            double before = phi[1];
            bundle = f.month(bundle, phi, routine, 0.0, 0.0, i -> false);
            month++;
            if ((bundle & 0b10) == 0) {
                assertThat(before).isGreaterThanOrEqualTo(b.abandonFidelity());
                assertThat(phi[1]).isLessThan(b.abandonFidelity());
            }
        }
        assertThat(bundle).isEqualTo(0b01);
        // The routinised practice is kept however low its fidelity goes.
        for (int m = 0; m < 1000; m++) {
            bundle = f.month(bundle, phi, routine, 0.0, 0.0, i -> false);
        }
        assertThat(bundle).isEqualTo(0b01);
        assertThat(phi[0]).isLessThan(b.abandonFidelity());
    }

    @Test
    void aPracticeNeverHeldUpToTheThresholdIsNotAbandonedForRisingSlowly() {
        Fidelity f = new Fidelity(b);
        Routine routine = new Routine(1);
        double[] phi = {0.01};
        // An effort whose fixed point φ* = g/(g + d) is half the threshold: g = a·d/(2 − a).
        double a = b.abandonFidelity();
        double effort = a * b.fidelityDecay() / ((2.0 - a) * b.fidelityGain());
        double g = b.fidelityGain() * effort;
        assertThat(g / (g + b.fidelityDecay())).isLessThan(b.abandonFidelity());
        for (int m = 0; m < 2000; m++) {
            assertThat(f.month(0b1, phi, routine, effort, 0.0, i -> false)).isEqualTo(0b1);
        }
    }

    @Test
    void aMonthClosesAtMostTheWholeGapSoFidelityStaysAProbability() {
        // §10 item 68: with g + d ≥ 1 the Euler step would overshoot (and diverge past 2); the month
        // then ends at the fixed point g/(g + d). Below it the step is the old one.
        Behaviour.Learning strong = TestScenarios.defaults("behaviour.learning.fidelityGain=1",
                "behaviour.learning.fidelityChampion=5", "behaviour.learning.fidelityDecay=0.1").behaviour().learning();
        Fidelity f = new Fidelity(strong);
        double g = 1.0 * 0.9 * (1 + 5 * 0.8);
        for (double phi0 : new double[] {0.0, 0.3, 1.0}) {
            double[] phi = {phi0};
            for (int m = 0; m < 50; m++) {
                f.month(0b1, phi, new Routine(1), 0.9, 0.8, i -> false);
                assertThat(phi[0]).isBetween(0.0, 1.0).isEqualTo(g / (g + 0.1));
            }
        }
        assertThat(new Fidelity(strong).next(0.3, 0.1, 0.0, false)).isEqualTo(0.3 + 0.1 * 0.7 - 0.1 * 0.3);
    }
}
