package org.qicsim.model;

/**
 * How a site answers its feedback report: the one interface at the response step (MODEL.md §6 S5,
 * "Following a report"). The feedback step builds the site's {@link Report} and {@link LeaderView},
 * draws the site's two feedback uniforms, asks the site's policy for a {@link Decision}, and applies
 * it. The model's sites use {@link #model()}; a {@link QicSimulation} takes one policy per site, so
 * that a participant (issue 14's site mode) can answer for one site while the others follow the model.
 *
 * <p>A policy must be deterministic in its arguments for results to stay reproducible; it must not
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

    /** The two uniforms on the site's feedback key for one report, in the order drawn. */
    record Draws(double process, double response) {
    }

    /**
     * The model's rule (MODEL.md §6 S5): processed iff {@code process < P_int·P_perc·P_acc·P_act};
     * if processed and {@code D > 0}, the multinomial logit over learn, lower, reject, withdraw
     * picked by {@code response}; if processed and {@code D ≤ 0}, maintain.
     */
    static ResponsePolicy model() {
        return ModelResponsePolicy.INSTANCE;
    }
}
