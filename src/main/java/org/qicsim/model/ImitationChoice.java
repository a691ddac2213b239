package org.qicsim.model;

/**
 * Where a member's improvement work goes when it acts and could copy a positive deviant (MODEL.md
 * §6 S7, "Learning", step 2): imitate the deviant's practices, or explore a change of its own.
 * Handed to the site's {@link ResponsePolicy} with the site's imitation uniform, only when the site
 * acts this month, sees a positive deviant and its bundle differs from the deviant's (otherwise the
 * model's site explores and nobody is asked).
 *
 * @param month the month
 * @param deviant the index of the positive deviant the site would copy (chosen by the matching rule)
 * @param differingPractices how many practices differ between the site's bundle and the deviant's
 * @param distance {@code h}, the differing practices' share of all practices
 * @param probability the model's {@code σ(imitationGap·max(0, D) + imitationTrust·T − imitationDistance·h)};
 *     the model's site imitates iff its uniform is below it
 */
public record ImitationChoice(int month, int deviant, int differingPractices, double distance, double probability) {
}
