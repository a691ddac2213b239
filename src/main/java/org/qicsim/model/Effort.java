package org.qicsim.model;

import org.qicsim.scenario.Behaviour;

/**
 * S5 Effort (MODEL.md §6 S5): the monthly effort rule with its asymmetry and the withdraw factor,
 * and the no-collaborative effort E0 (§5).
 *
 * <p>Implemented form (docs/MODEL.md "Effort relative to E0"): the rule moves the deviation
 * {@code ΔE = E − E0} toward {@code E* − E0}, rising at {@code riseRate} and falling at
 * {@code fallRate}; E0 itself follows the champion's influence Λ (S10 world part: it builds with a
 * champion's tenure and fades after a departure, issue 12 item 1), as it does in the counterfactual
 * arm. While E0 is constant this is exactly {@code E += rate·(E* − E)}; as Λ moves it keeps a site
 * that has processed no report exactly at its counterfactual effort, which MODEL.md's
 * effort-equilibrium property requires. The champion terms take Λ, not c·L.
 */
public final class Effort {
    private Effort() {
    }

    /** The logit of E0: intercept + motivationWeight·I0 + championWeight·Λ. */
    static double baselineLogit(Behaviour.Effort e, double intrinsic0, double championLeadership) {
        return e.intercept() + e.motivationWeight() * intrinsic0 + e.championWeight() * championLeadership;
    }

    /** E0 = C_eff·σ(intercept + motivationWeight·I0 + championWeight·Λ). */
    public static double baseline(Behaviour.Effort e, double effectiveCapacity, double intrinsic0,
            double championLeadership) {
        return effectiveCapacity * Logistic.sigma(baselineLogit(e, intrinsic0, championLeadership));
    }

    /**
     * E* = C_eff·σ(intercept + motivationWeight·M + gapWeight·(1 + sourceWeight·L)·max(0,D)·[learn]
     * + championWeight·Λ − burdenWeight·burdenShare + normWeight·Norm), times withdrawFactor while
     * withdrawing, with L = Kcc·[clinicianLed] the clinical lead's credibility ({@code leadSource}). The
     * terms are summed in the order of E0's logit first so that with M = I0 and the other terms zero
     * the result is bit-identical to E0.
     *
     * <p>Why the source multiplies the gap's weight (docs/MODEL.md §10 item 84): a gap reported by
     * one's own profession's leaders engages professional norms, so the same believed gap moves a
     * clinician-led site's intention more (Ivers et al. 2012: audit and feedback works better when the
     * source is a supervisor or respected colleague; Brown et al. 2019, CP-FIT: the source acts on
     * intention as well as acceptance). The source's part in belief ({@code Cred}, capped at 1) stays in
     * {@link FeedbackResponse#credibility}; this is the part belief cannot carry.
     */
    public static double target(Behaviour.Effort e, double effectiveCapacity, double motivation,
            double championLeadership, double learnGap, double leadSource, double burdenShare, double norm,
            boolean withdrawing) {
        double logit = e.intercept() + e.motivationWeight() * motivation + e.championWeight() * championLeadership;
        double gapWeight = e.gapWeight() * (1.0 + e.sourceWeight() * leadSource);
        double extra = gapWeight * learnGap - e.burdenWeight() * burdenShare + e.normWeight() * norm;
        double target = effectiveCapacity * Logistic.sigma(logit + extra);
        return withdrawing ? e.withdrawFactor() * target : target;
    }

    /** The next deviation from E0: asymmetric partial adjustment toward {@code targetDeviation}. */
    public static double nextDeviation(Behaviour.Effort e, double deviation, double targetDeviation) {
        double rate = targetDeviation > deviation ? e.riseRate() : e.fallRate();
        return deviation + rate * (targetDeviation - deviation);
    }
}
