package org.qicsim.model;

/**
 * The costs of one arm (MODEL.md §6 S11, §9 {@code costPayer} and {@code costSite}): a ledger, not
 * a counter, because several mechanisms book into it — running costs, audits (S2), meetings and
 * training, visits (S10) and payments (S6) — each in the month the cost arises, discounted to
 * startMonth at {@code costs.discountRatePerYear}. The effort cost is not booked here: it needs the
 * counterfactual arm, so {@link RunResult} adds it when the run is assembled.
 */
final class CostLedger {
    private final int startMonth;
    private final double discountRatePerYear;
    private double payer;
    private double site;

    CostLedger(int startMonth, double discountRatePerYear) {
        this.startMonth = startMonth;
        this.discountRatePerYear = discountRatePerYear;
    }

    /** Books a payer cost in {@code month} (a transfer to the sites is a payer cost, withheld money a negative one). */
    void payer(int month, double amount) {
        payer += amount * Calendar.discount(month, startMonth, discountRatePerYear);
    }

    /** Books a site cost in {@code month} (money received is a negative one). */
    void site(int month, double amount) {
        site += amount * Calendar.discount(month, startMonth, discountRatePerYear);
    }

    /** Discounted payer costs booked so far. */
    double payer() {
        return payer;
    }

    /** Discounted site costs booked so far (without the effort cost). */
    double site() {
        return site;
    }
}
