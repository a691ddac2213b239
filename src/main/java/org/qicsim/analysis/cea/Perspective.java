package org.qicsim.analysis.cea;

import java.util.Locale;

/**
 * Whose costs count (docs/DECISIONS.md "Cost-effectiveness"; MODEL.md §6 S11, §9): the payer's
 * ({@code costPayer}: coordinating centre, funded abstraction and champions, audits, visits,
 * training, incentive payments), the sites' ({@code costSite}: unfunded abstraction, meeting
 * attendance, the extra effort against the counterfactual, minus payments received), or society's
 * ({@code costTotal}, their sum: payments are transfers and cancel). Every cost metric is already a
 * difference from the run's own no-collaborative counterfactual, discounted.
 */
public enum Perspective {
    PAYER("costPayer"),
    SITES("costSite"),
    SOCIETAL("costTotal");

    private final String costMetric;

    Perspective(String costMetric) {
        this.costMetric = costMetric;
    }

    /** The runs.csv metric holding this perspective's cost. */
    public String costMetric() {
        return costMetric;
    }

    /** The name on the command line and in files: {@code payer}, {@code sites}, {@code societal}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }
}
