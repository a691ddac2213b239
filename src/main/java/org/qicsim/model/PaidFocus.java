package org.qicsim.model;

import org.qicsim.scenario.Collaborative;

/**
 * S6/S7 pay on a process indicator focuses acts on what it pays for (docs/MODEL.md §6 S7 step 2 and
 * §10 item 82). A member of a collaborative whose performance incentive pays on a process indicator
 * ({@code incentives.performance.indicator} {@code process} or {@code both}, a design that pays, the
 * collaborative active) spends an own act, with probability {@code paidFocus·s_inc} (one uniform;
 * {@code s_inc} the pay's salience, S6), adopting one counted practice (the paid ones) it does not do.
 * A site that does every paid practice has nothing to adopt, so the channel closes part of the
 * remaining gap: it adds most where baseline adherence is poor.
 *
 * <p>Evidence: Holmström &amp; Milgrom 1991 (multitask incentives: pay on measured tasks moves effort
 * to them); Lindenauer et al., NEJM 2007 and Mendelson et al., Ann Intern Med 2017 (pay on process
 * indicators raises the paid processes, most where baseline was poor; shared/PATTERNS.md C5). Before
 * this class pay acted only through motivation, hence effort, which mostly raises the fidelity of
 * practices already held (§10 item 79).
 */
final class PaidFocus {
    private PaidFocus() {
    }

    /**
     * Whether the acting site's pay turns this month's act to a paid practice it does not do (and does
     * so). The uniform and keys are drawn by the caller whatever the state, after every other learning draw.
     */
    static boolean adopts(QicSimulation sim, Month now, Site s, double uniform, MonthlyKey keys) {
        Collaborative c = now.collaborative();
        if (!now.active() || c.incentives().performance().indicator() == Collaborative.Indicator.OUTCOME) {
            return false;
        }
        double chance = sim.scenario.behaviour().motivation().paidFocus() * IncentiveProgramme.salience(c.incentives());
        if (!(uniform < chance)) {
            return false;
        }
        return ProcessIndicator.adoptMissing(sim, now, s, keys);
    }
}
