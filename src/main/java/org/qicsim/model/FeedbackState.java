package org.qicsim.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What a site keeps from feedback (MODEL.md §2 "Site"; §6 S3, S5 "Following a report"): the latest
 * report, the historical aspiration, credibility as the site sees it, the response in force and the
 * classes of the reports received. The report itself is a {@link Report} record, made by the
 * feedback step and passed to the response policy; a site keeps here only what outlives one cycle.
 *
 * <p>Written by {@link FeedbackResponse} (each report and its response), {@link CoordinatingCentre}
 * (credibility at the launch) and {@link Participation} (credibility at a rejoin); read every month
 * by the monthly update, learning and site visits.
 */
final class FeedbackState {
    /**
     * The latest report ({@link Report#NONE} before the first), kept until the next one because the
     * monthly update, learning and site visits read it every month.
     */
    Report report = Report.NONE;
    /** Whether {@link #aspiration} exists (set at the first report). */
    boolean hasAspiration;
    /** The historical aspiration {@code HA}: memory across reports, moved by a lower response. */
    double aspiration;
    /**
     * Credibility {@code Cred} as the site sees it: set at the launch and at a rejoin (with
     * {@code R_j = 0}) as well as by each report, so it is the site's state, not only the report's.
     */
    double credibility;
    /**
     * The response in force and the gap the site believes ({@code Cred·D}, {@link Report#believedGap()}) of
     * the report that set it: only a processed report
     * changes them, so they outlive cycles whose report was not processed.
     */
    Response response = Response.MAINTAIN;
    double responseGap;
    /** Classes (or league quintiles) of the reports received, oldest first, for fairness. */
    final List<Integer> classHistory = new ArrayList<>();

    FeedbackState() {
    }

    /** An exact deep copy (the pre-launch fork); a {@link Report} is immutable and shared. */
    FeedbackState(FeedbackState source) {
        this.report = source.report;
        this.hasAspiration = source.hasAspiration;
        this.aspiration = source.aspiration;
        this.credibility = source.credibility;
        this.response = source.response;
        this.responseGap = source.responseGap;
        this.classHistory.addAll(source.classHistory);
    }
}
