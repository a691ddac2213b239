package org.qicsim.patterns;

/** How a pattern came out: a finding about the model, never an error. */
public enum Verdict {
    PASS("pass"), FAIL("fail"), NOT_EXPRESSIBLE("not expressible");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    /** The scorecard's spelling ({@code pass}, {@code fail}, {@code not expressible}). */
    public String text() {
        return text;
    }
}
