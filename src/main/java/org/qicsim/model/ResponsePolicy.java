package org.qicsim.model;

/**
 * How a site chooses, at the three choices the model gives its leader: the response to a feedback
 * report (MODEL.md §6 S5, "Following a report"), whether to game its records for the coming year
 * (S2, "Gaming decision") and, when its improvement work acts, whether to copy a positive deviant or
 * explore a change of its own (S7, "Learning"). At each, the submodel builds what the leader sees,
 * draws the site's uniforms (whatever the policy, so every design and policy consumes the same
 * random numbers), asks the site's policy and applies the answer. The model's sites use
 * {@link #model()}; a {@link QicSimulation} takes one policy per site, so that a participant (issue
 * 14's site mode) can choose for one site while the others follow the model.
 *
 * <p>Only {@link #decide} must be written: the gaming and imitation methods default to the model's
 * rules, so a policy that answers reports only plays every other choice exactly as the model does.
 * A policy must be deterministic in its arguments for results to stay reproducible; it must not
 * draw random numbers of its own.
 */
@FunctionalInterface
public interface ResponsePolicy {

    /**
     * The site's answer to {@code report}.
     *
     * @param draws the site's two feedback uniforms for this report, drawn whatever the policy so
     *     that every design and policy consumes the same random numbers (common random numbers)
     */
    Decision decide(Report report, LeaderView view, Draws draws);

    /**
     * Tells the policy of its site's report before any site of the same feedback cycle is asked to
     * {@link #decide}: every report of a cycle is announced first, then each site decides in turn. A
     * policy that waits on a person (issue 14's site mode) starts its wait here, so that everyone
     * answering in one cycle chooses at the same time. The model's policy does nothing.
     */
    default void announce(Report report, LeaderView view, Draws draws) {
    }

    /**
     * Tells the policy of its site's yearly gaming decision before any member is asked to
     * {@link #game}: every member's decision of the year is announced first, then each decides in
     * turn (as {@link #announce} does for reports). The model's policy does nothing.
     *
     * @param uniform the site's gaming uniform for this year
     */
    default void announceGaming(GamingChoice choice, double uniform) {
    }

    /**
     * Whether the site games its records from now until the next yearly decision ({@code G}); the
     * model's rule: {@code uniform < choice.probability()}.
     */
    default boolean game(GamingChoice choice, double uniform) {
        return ModelResponsePolicy.INSTANCE.game(choice, uniform);
    }

    /**
     * Whether the site, acting this month and able to copy {@code choice.deviant()}, imitates it
     * (true) or explores a change of its own (false); the model's rule:
     * {@code uniform < choice.probability()}. Asked without an announcement: nobody waits on it (a
     * participant sets where to put effort with the answer to a report, and it stands until the next).
     */
    default boolean imitate(ImitationChoice choice, double uniform) {
        return ModelResponsePolicy.INSTANCE.imitate(choice, uniform);
    }

    /** The two uniforms on the site's feedback key for one report, in the order drawn. */
    record Draws(double process, double response) {
    }

    /**
     * The model's rule (MODEL.md §6 S5): processed iff {@code process < P_int·P_perc·P_acc·P_act};
     * if processed and {@code D > 0}, the multinomial logit over learn, lower, reject, withdraw
     * picked by {@code response}; if processed and {@code D ≤ 0}, maintain. Games iff the gaming
     * uniform is below {@code P(G = 1)}; imitates iff the imitation uniform is below its probability.
     */
    static ResponsePolicy model() {
        return ModelResponsePolicy.INSTANCE;
    }
}
