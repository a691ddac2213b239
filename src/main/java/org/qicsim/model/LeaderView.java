package org.qicsim.model;

/**
 * What a site's leader sees when a {@link Report} arrives, besides the report itself: the trend of
 * its gap, the response in force, a summary of its own state, and the model's own inclinations for
 * this report (MODEL.md §6 S5). Read-only: a {@link ResponsePolicy} changes the site only through
 * the {@link Decision} it returns.
 *
 * <p>The inclinations are what the model's sites act on ({@link ResponsePolicy#model()}); a
 * participant's policy may show them (e.g. in a debrief) or ignore them.
 *
 * @param previousGap the gap {@code D} of the site's previous report (NaN at its first report)
 * @param responseInForce the response set by the latest processed report (MAINTAIN before any)
 * @param trust trust in the collaborative {@code T}
 * @param safety psychological safety {@code S}
 * @param intrinsic intrinsic motivation {@code I}
 * @param effort effort {@code E}
 * @param capacity QI capacity {@code C}
 * @param burdenShare the data-collection burden's share of the QI budget
 * @param championPresence {@code c·L}
 * @param processingProbability the model's {@code P_int·P_perc·P_acc·P_act} for this report
 * @param learnUtility the model's utility of learning, {@code learnGap·D + C + I + S}
 * @param lowerUtility the model's utility of lowering the standard, {@code lowerGap·D − lowerMotivation·I}
 * @param rejectUtility the model's utility of rejecting, {@code (1 − Cred) + Threat}
 * @param withdrawUtility the model's utility of withdrawing, {@code Threat + burdenShare − T + withdrawIntercept}
 */
public record LeaderView(double previousGap, Response responseInForce, double trust, double safety, double intrinsic,
        double effort, double capacity, double burdenShare, double championPresence, double processingProbability,
        double learnUtility, double lowerUtility, double rejectUtility, double withdrawUtility) {

    /**
     * The chances with which the model's site picks learn, lower, reject and withdraw (in that order)
     * when it processes a report with a positive gap: the multinomial-logit shares of the four
     * utilities that S5's choice uses.
     */
    public double[] responseShares() {
        return FeedbackResponse.shares(new double[] {learnUtility, lowerUtility, rejectUtility, withdrawUtility});
    }
}
