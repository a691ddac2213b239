package org.qicsim.model;

/**
 * One site's report from one feedback cycle (MODEL.md §6 S5 "Reports"): made once per measured
 * member and cycle by {@link FeedbackResponse#report}, handed to the site's {@link ResponsePolicy},
 * and then kept as the site's latest report ({@code Site.feedback.report}) until the next one, because the
 * monthly update (motivation, safety: {@link #badRank()}, {@link #threat()}; supportive feedback:
 * {@link #cameIn(int)}), learning (imitation: {@link #gap()}) and site visits (low performers:
 * {@link #rate()}) read the latest report every month.
 *
 * <p>Everything here is fixed when the report is made, before the site responds; the response
 * itself is a {@link Decision}. A site that has had no report holds {@link #NONE}.
 *
 * @param cycle the coordinating centre's feedback cycle (1-based; 0 for {@link #NONE})
 * @param month the month the report came
 * @param rate the reported rate {@code P̂} (reliability-adjusted when the collaborative adjusts)
 * @param fairnessClass the class kept in the fairness history: the league quintile (1 best … 5
 *     worst) under a league table, else the funnel class's {@link ReportClass} ordinal
 * @param badRank the funnel class is worse, or under a league the site is in the worst quintile
 * @param threat {@code vis·[badRank] + [dataUse = punitive]}
 * @param credibility {@code Cred} of the centre's data as this site sees it at this report
 * @param benchmark the benchmark {@code B} shown with the report
 * @param aspiration the aspiration {@code A = β·B + (1 − β)·HA} the gap is measured against
 * @param gap {@code D = (P̂ − A)/se}, clipped to ±gapClip (positive: worse than the aspiration)
 */
public record Report(int cycle, int month, double rate, int fairnessClass, boolean badRank, double threat,
        double credibility, double benchmark, double aspiration, double gap) {

    /** The "report" of a site that has had none: no bad rank, no threat, gap 0 (MODEL.md §5). */
    public static final Report NONE = new Report(0, Site.NEVER, Double.NaN, -1, false, 0.0, Double.NaN, Double.NaN,
            Double.NaN, 0.0);

    /** Whether this is a real report (not {@link #NONE}). */
    public boolean exists() {
        return cycle > 0;
    }

    /**
     * The gap the site believes, {@code Cred·D}: a gap reported by a source the site doubts moves it
     * less (Brown et al. 2019, CP-FIT: feedback from a credible source is accepted and acted on; Ivers et
     * al. 2012: a supervisor or respected colleague as the source makes audit and feedback work better).
     * {@code Cred} is a degree of belief, so it is taken within [0, 1]: a site never believes more than
     * the whole reported gap, nor the opposite of it. The weighted sum can pass 1: at the calibrated
     * {@code lead} weight the default weights sum to about 1.19, so the clip binds for a clinician-led
     * collaborative whose data are adjusted, audited and reliable (docs/MODEL.md §10 items 81 and 83).
     * It is the gap a processed report puts in force for effort and imitation (docs/MODEL.md §10 item 81).
     */
    public double believedGap() {
        return Math.max(0.0, Math.min(1.0, credibility)) * gap;
    }

    /** Whether this report came in {@code month}. */
    public boolean cameIn(int month) {
        return exists() && this.month == month;
    }
}
