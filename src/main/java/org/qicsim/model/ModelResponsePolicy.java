package org.qicsim.model;

/**
 * The model's own response rule ({@link ResponsePolicy#model()}; MODEL.md §6 S5 "Processing" and
 * "Response"). It holds no state, so one instance serves every site of every run.
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
}
