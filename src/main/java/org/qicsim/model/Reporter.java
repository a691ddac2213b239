package org.qicsim.model;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The named reporters of one arm (MODEL.md §9 outputs): for each per-run quantity that a mechanism
 * counts, the name it goes by and the mechanism state it is read from. Mechanisms keep their own
 * tallies (a field increment where the event happens: {@link Learning.Tally}, {@link FeedbackResponse.Tally},
 * {@link GamingGap.Tally}, the {@link CoordinatingCentre}'s PD precision, the
 * {@link IncentiveProgramme}'s payments, the {@link CostLedger}); nothing pushes into the arm's
 * trace. Each reporter is pulled once, when the arm's run ends ({@link #pull}), and
 * {@link RunResult} reads the metrics through {@link #METRICS}.
 *
 * <p>A reporter reads the state as an arm without the mechanism leaves it (the counterfactual arm
 * has no coordinating centre and no programme; a collaborative that never launched counted
 * nothing), so it gives the value the metric's definition gives then (0, or NaN where §9 says so).
 */
enum Reporter {
    /** §9 pdPrecision (S4): mean PD precision over cycles with a non-empty PD set; NaN if none. */
    PD_PRECISION("pdPrecision", sim -> sim.centre == null ? Double.NaN : sim.centre.pdPrecision()),
    /** §9 codeAccuracy (S7c): the change package against the final common optimum; NaN with no launch. */
    CODE_ACCURACY("codeAccuracy", sim -> sim.centre != null && sim.launched
            ? sim.centre.changePackage().accuracy(sim.landscape.commonOptimum()) : Double.NaN),
    /** §9 harmfulImitationShare (S7): harmful imitations over imitations; NaN if none. */
    HARMFUL_IMITATION_SHARE("harmfulImitationShare", sim -> sim.learning.imitations == 0 ? Double.NaN
            : (double) sim.learning.harmfulImitations / sim.learning.imitations),
    /** §9 imitations (S7). */
    IMITATIONS("imitations", sim -> (double) sim.learning.imitations),
    /** §9 responseShares.* (S5): share of processed reports with each response; NaN if none processed. */
    RESPONSE_LEARN("responseShares.learn", sim -> sim.responses.share(Response.LEARN)),
    RESPONSE_LOWER("responseShares.lower", sim -> sim.responses.share(Response.LOWER)),
    RESPONSE_REJECT("responseShares.reject", sim -> sim.responses.share(Response.REJECT)),
    RESPONSE_WITHDRAW("responseShares.withdraw", sim -> sim.responses.share(Response.WITHDRAW)),
    RESPONSE_MAINTAIN("responseShares.maintain", sim -> sim.responses.share(Response.MAINTAIN)),
    /** §9 retention (S9): share of the members at the launch that are members at the end; NaN if none. */
    RETENTION("retention", Participation::retention),
    /** §9 gamingGap and gamingGapPooled: the last feedback cycle's gaming diagnostic. */
    GAMING_GAP("gamingGap", sim -> sim.gamingGap.gap),
    GAMING_GAP_POOLED("gamingGapPooled", sim -> sim.gamingGap.pooled),
    /** §9 incentivePaidToNoise (S6): performance money the true rates would not have paid, over all paid. */
    INCENTIVE_PAID_TO_NOISE("incentivePaidToNoise",
            sim -> sim.programme == null ? Double.NaN : sim.programme.paidToNoiseShare()),
    /** §9 costPayer (S11): the payer's discounted costs. */
    COST_PAYER("costPayer", sim -> sim.ledger.payer()),
    /** The sites' discounted booked costs (S11): §9 costSite adds the effort cost against the counterfactual. */
    SITE_COST_BOOKED("siteCostBooked", sim -> sim.ledger.site()),
    // A count read by pattern statistics and tests, not written to runs.csv.
    /** Reports processed (S5), every response counted in the response shares. */
    PROCESSED_REPORTS("processedReports", sim -> (double) sim.responses.processed());

    /**
     * The reporters of runs.csv and summary.json metrics, in {@link RunResult#METRICS} order: one
     * contiguous block of it, from pdPrecision to costPayer.
     */
    static final List<Reporter> METRICS = List.of(PD_PRECISION, CODE_ACCURACY, HARMFUL_IMITATION_SHARE, IMITATIONS,
            RESPONSE_LEARN, RESPONSE_LOWER, RESPONSE_REJECT, RESPONSE_WITHDRAW, RESPONSE_MAINTAIN, RETENTION,
            GAMING_GAP, GAMING_GAP_POOLED, INCENTIVE_PAID_TO_NOISE, COST_PAYER);

    private final String metric;
    private final ToDoubleFunction<QicSimulation> value;

    Reporter(String metric, ToDoubleFunction<QicSimulation> value) {
        this.metric = metric;
        this.value = value;
    }

    /** The name it goes by: the runs.csv column for a {@link #METRICS} reporter. */
    String metric() {
        return metric;
    }

    /** Every reporter's value at the end of an arm's run, by ordinal (once per arm, never per event). */
    static double[] pull(QicSimulation sim) {
        Reporter[] all = values();
        double[] v = new double[all.length];
        for (Reporter r : all) {
            v[r.ordinal()] = r.value.applyAsDouble(sim);
        }
        return v;
    }
}
