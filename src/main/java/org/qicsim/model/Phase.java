package org.qicsim.model;

import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The phases of one month, in their order (MODEL.md §3): each carries the arms it runs in, its
 * guard (whether it runs this month) and its action. {@link QicSimulation#start()} schedules one
 * MASON steppable per phase at the phase's ordering ({@link #ordinal()}), so no two phases share an
 * ordering and MASON never shuffles.
 *
 * <p>The guard decides only whether the phase runs this month; who it acts on (members, leavers,
 * every site) is the phase's own rule, stated in its class.
 *
 * <p>The calendar phase builds the month's {@link Month} record; every later phase's guard and
 * action receive it as an argument rather than reading the simulation's calendar fields, so a
 * phase's dependence on the month is in its signature. The calendar's own action is handed the
 * previous month's record and ignores it.
 */
enum Phase {
    /** Month, keys, the schedule's collaborative; launch, end or resumption. */
    CALENDAR(Arms.BOTH, now -> true, (sim, previous) -> sim.calendar()),
    /** S0, S1, S2 recording and champion turnover ({@link WorldMonth}). */
    WORLD(Arms.BOTH, now -> true, WorldMonth::step),
    /** S2 gaming decision (acts in months launch + 12y itself) and audit. */
    GAMING_AUDIT(Arms.COLLABORATIVE, Month::active, (sim, now) -> {
        GamingDecision.step(sim, now);
        Audit.step(sim, now);
    }),
    /** S3, S4, S7c, reports and responses (S5): in feedback months. */
    FEEDBACK(Arms.COLLABORATIVE,
            now -> now.active() && Calendar.feedback(now.month(), now.launchMonth(),
                    now.collaborative().feedback().everyMonths()),
            (sim, now) -> sim.centre.feedbackCycle(now)),
    /**
     * S10 know-how fading: from the launch on, also after the collaborative has ended, so know-how that
     * is no longer renewed fades (MODEL.md S10, §10 item 69).
     */
    KNOW_HOW(Arms.COLLABORATIVE, Month::launched, (sim, now) -> Socialisation.fade(sim)),
    /** S10 champions' teaching, meetings, then site visits. */
    MEETINGS(Arms.COLLABORATIVE, Month::active, (sim, now) -> {
        Socialisation.championTeaching(sim, now);
        Meetings.step(sim, now);
        SiteVisits.step(sim, now);
    }),
    /** S6 payments and running costs. */
    PAYMENTS(Arms.COLLABORATIVE, Month::active, (sim, now) -> sim.programme.step(now)),
    /** S5, S6, S10 monthly update: from the launch on, also after the collaborative has ended (leavers revert). */
    MONTHLY(Arms.COLLABORATIVE, Month::launched, MonthlyUpdate::step),
    /** S7 learning. */
    LEARNING(Arms.COLLABORATIVE, Month::active, Learning::step),
    /** S10 tie decay. */
    TIE_DECAY(Arms.COLLABORATIVE, Month::active, (sim, now) -> sim.ties.decay(sim)),
    /** S9 exits and enrolment: in the last month of each collaborative year. */
    PARTICIPATION(Arms.COLLABORATIVE, now -> now.active() && Calendar.yearEnd(now.month(), now.launchMonth()) > 0,
            Participation::step),
    /** S7 fidelity, every site. */
    FIDELITY(Arms.BOTH, now -> true, (sim, now) -> sim.fidelityMonth()),
    /** S11 observation. */
    OBSERVATION(Arms.BOTH, now -> true, Observation::step);

    /** The arms a phase is scheduled in. */
    enum Arms {
        BOTH, COLLABORATIVE
    }

    private final Arms arms;
    private final Predicate<Month> guard;
    private final BiConsumer<QicSimulation, Month> action;

    Phase(Arms arms, Predicate<Month> guard, BiConsumer<QicSimulation, Month> action) {
        this.arms = arms;
        this.guard = guard;
        this.action = action;
    }

    /** Whether the phase is scheduled at all in {@code arm}. */
    boolean runsIn(Arm arm) {
        return arms == Arms.BOTH || arm == Arm.COLLABORATIVE;
    }

    /**
     * Runs the phase for this month if its guard holds, on the month's record as the calendar phase
     * built it (read when the phase runs, so after this month's calendar phase).
     */
    void step(QicSimulation sim) {
        Month now = sim.now();
        if (guard.test(now)) {
            action.accept(sim, now);
        }
    }
}
