package org.qicsim.model;

import java.util.Objects;

/**
 * A site's answer to one {@link Report}, chosen by its {@link ResponsePolicy} (MODEL.md §6 S5).
 *
 * <p>These are all the choices the model gives a site at the response step, and what each does:
 * <ul>
 *   <li>not processed ({@link #NOT_PROCESSED}): the report is ignored; the response in force
 *       (and the gap that set it) stays as it was, and the report is not counted by response;</li>
 *   <li>{@link Response#LEARN}: effort's target gains {@code gapWeight·(1 + sourceWeight·L)·max(0, D_resp)}
 *       (L the clinical lead's credibility in a clinician-led collaborative, docs/MODEL.md §10 item 84)
 *       until the next processed report;</li>
 *   <li>{@link Response#LOWER}: the historical aspiration moves toward the reported rate
 *       ({@code HA ← HA + lowerShift·(P̂ − HA)});</li>
 *   <li>{@link Response#REJECT}: trust falls by {@code rejectTrustDrop} (floored at 0);</li>
 *   <li>{@link Response#WITHDRAW}: effort's target is multiplied by {@code withdrawFactor} and the
 *       year-end exit probability gains the {@code withdraw} term, until the next processed report;</li>
 *   <li>{@link Response#MAINTAIN}: nothing changes (the model's sites maintain when the gap is ≤ 0).</li>
 * </ul>
 * Gaming is not a choice here: the model decides it once a year ({@code GamingDecision}), not at
 * a report, through the same policy's {@link ResponsePolicy#game}. Nor is where the improvement
 * effort goes: effort is one level set by the monthly update, and when a site acts, the choice
 * between copying a positive deviant and exploring is asked each month through
 * {@link ResponsePolicy#imitate}.
 *
 * @param processed whether the site processed the report
 * @param response the response when processed (never null then); null when not processed
 */
public record Decision(boolean processed, Response response) {
    /** The report was not processed. */
    public static final Decision NOT_PROCESSED = new Decision(false, null);

    public Decision {
        if (processed) {
            Objects.requireNonNull(response, "a processed report needs a response");
        } else if (response != null) {
            throw new IllegalArgumentException("an unprocessed report has no response");
        }
    }

    /** A processed report answered with {@code response}. */
    public static Decision respond(Response response) {
        return new Decision(true, response);
    }
}
