package org.qicsim.model;

/** The five responses to a feedback report (MODEL.md §6 S5; Kluger &amp; DeNisi 1996; Greve 2003). */
public enum Response {
    LEARN, LOWER, REJECT, WITHDRAW, MAINTAIN
}
