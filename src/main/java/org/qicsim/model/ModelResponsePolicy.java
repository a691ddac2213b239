package org.qicsim.model;

/**
 * The model's own rules for a site's choices ({@link ResponsePolicy#model()}): the response to a
 * report (MODEL.md §6 S5 "Processing" and "Response"), the yearly gaming draw (S2) and the choice
 * between imitation and exploration (S7). It holds no state, so one instance serves every site of
 * every run.
 */
final class ModelResponsePolicy implements ResponsePolicy {
    static final ModelResponsePolicy INSTANCE = new ModelResponsePolicy();

    private ModelResponsePolicy() {
    }

    @Override
    public Decision decide(Report report, LeaderView view, Draws draws) {
        if (draws.process() >= view.processingProbability()) {
            return Decision.NOT_PROCESSED;
        }
        // A gap that is not positive (including NaN) means the site meets its aspiration.
        if (!(report.gap() > 0)) {
            return Decision.respond(Response.MAINTAIN);
        }
        double[] utility = {view.learnUtility(), view.lowerUtility(), view.rejectUtility(), view.withdrawUtility()};
        return Decision.respond(FeedbackResponse.pick(utility, draws.response()));
    }

    /** S2: the site games iff its uniform is below the model's {@code P(G = 1)}. */
    @Override
    public boolean game(GamingChoice choice, double uniform) {
        return uniform < choice.probability();
    }

    /** S7: the site imitates iff its uniform is below the model's imitation probability. */
    @Override
    public boolean imitate(ImitationChoice choice, double uniform) {
        return uniform < choice.probability();
    }
}
