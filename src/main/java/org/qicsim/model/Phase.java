package org.qicsim.model;

import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The phases of one month, in their order (MODEL.md §3): each carries the arms it runs in, its
 * guard (whether it runs this month) and its action. {@link QicSimulation#start()} schedules one
 * MASON steppable per phase at the phase's ordering ({@link #ordinal()}), so no two phases share an
 * ordering and MASON never shuffles.
 *
 * <p>The guard decides only whether the phase runs this month; who it acts on (members, leavers,
 * every site) is the phase's own rule, stated in its class.
 */
enum Phase {
    /** Month, keys, the schedule's collaborative; launch, end or resumption. */
    CALENDAR(Arms.BOTH, sim -> true, QicSimulation::calendar),
    /** S0, S1, S2 recording and champion turnover ({@link WorldMonth}). */
    WORLD(Arms.BOTH, sim -> true, WorldMonth::step),
    /** S2 gaming decision (acts in months launch + 12y itself) and audit. */
    GAMING_AUDIT(Arms.COLLABORATIVE, Phase::active, sim -> {
        GamingDecision.step(sim);
        Audit.step(sim);
    }),
    /** S3, S4, S7c, reports and responses (S5): in feedback months. */
    FEEDBACK(Arms.COLLABORATIVE,
            sim -> sim.active && Calendar.feedback(sim.month, sim.launchMonth, sim.collaborative.feedback().everyMonths()),
            sim -> sim.centre.feedbackCycle()),
    /**
     * S10 know-how fading: from the launch on, also after the collaborative has ended, so know-how that
     * is no longer renewed fades (MODEL.md S10, §10 item 69).
     */
    KNOW_HOW(Arms.COLLABORATIVE, sim -> sim.launched, Socialisation::fade),
    /** S10 champions' teaching, meetings, then site visits. */
    MEETINGS(Arms.COLLABORATIVE, Phase::active, sim -> {
        Socialisation.championTeaching(sim);
        Meetings.step(sim);
        SiteVisits.step(sim);
    }),
    /** S6 payments and running costs. */
    PAYMENTS(Arms.COLLABORATIVE, Phase::active, sim -> sim.programme.step()),
    /** S5, S6, S10 monthly update: from the launch on, also after the collaborative has ended (leavers revert). */
    MONTHLY(Arms.COLLABORATIVE, sim -> sim.launched, MonthlyUpdate::step),
    /** S7 learning. */
    LEARNING(Arms.COLLABORATIVE, Phase::active, Learning::step),
    /** S10 tie decay. */
    TIE_DECAY(Arms.COLLABORATIVE, Phase::active, sim -> sim.ties.decay(sim)),
    /** S9 exits and enrolment: in the last month of each collaborative year. */
    PARTICIPATION(Arms.COLLABORATIVE, sim -> sim.active && Calendar.yearEnd(sim.month, sim.launchMonth) > 0,
            Participation::step),
    /** S7 fidelity, every site. */
    FIDELITY(Arms.BOTH, sim -> true, QicSimulation::fidelityMonth),
    /** S11 observation. */
    OBSERVATION(Arms.BOTH, sim -> true, Observation::step);

    /** The arms a phase is scheduled in. */
    enum Arms {
        BOTH, COLLABORATIVE
    }

    private final Arms arms;
    private final Predicate<QicSimulation> guard;
    private final Consumer<QicSimulation> action;

    Phase(Arms arms, Predicate<QicSimulation> guard, Consumer<QicSimulation> action) {
        this.arms = arms;
        this.guard = guard;
        this.action = action;
    }

    /** Whether the phase is scheduled at all in {@code arm}. */
    boolean runsIn(Arm arm) {
        return arms == Arms.BOTH || arm == Arm.COLLABORATIVE;
    }

    /** Runs the phase for this month if its guard holds. */
    void step(QicSimulation sim) {
        if (guard.test(sim)) {
            action.accept(sim);
        }
    }

    private static boolean active(QicSimulation sim) {
        return sim.active;
    }
}
