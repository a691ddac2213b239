package org.qicsim.model;

/**
 * What a member's leader faces at the yearly gaming decision (MODEL.md §6 S2, "Gaming decision"),
 * handed to the site's {@link ResponsePolicy} with the site's gaming uniform: the stake, the chance
 * that an audit detects gaming, what gaming does to the records and what detection costs, and the
 * model's own probability of gaming. Read-only: the policy answers with whether the site games
 * this collaborative year ({@code G}).
 *
 * @param year the collaborative year the decision is for (1 at the launch)
 * @param month the month of the decision ({@code launch + 12·(year − 1)})
 * @param gamingNow whether the site games now (its {@code G} from last year, unless an audit detected it)
 * @param stake {@code Stake = s_inc·[outcome-based pay] + publicStake·[public reporting]}
 * @param auditRate the share of records audited each month
 * @param detection {@code pDetect}, the chance that an audit detects a year of gaming at this site
 * @param suppression the share of recorded adverse events a gaming site leaves out of its records
 * @param upcodeShare the share of its records whose risk a gaming site codes higher
 * @param upcodeShift how much higher (on the logit scale of risk) an up-coded record's risk is
 * @param trustPenalty the fall of trust in the collaborative when detected
 * @param exclusionCycles feedback cycles a detected site is excluded from positive deviance and showcases, its
 *     reports carry the exclusion as threat and its performance pay for those cycles' years is forfeited
 * @param intrinsic intrinsic motivation {@code I}
 * @param norm the community norm {@code Norm}
 * @param type the site's gaming type (its offset in the model's logit)
 * @param probability the model's {@code P(G = 1)}; the model's site games iff its uniform is below it
 */
public record GamingChoice(int year, int month, boolean gamingNow, double stake, double auditRate, double detection,
        double suppression, double upcodeShare, double upcodeShift, double trustPenalty, int exclusionCycles,
        double intrinsic, double norm, GamingType type, double probability) {
}
