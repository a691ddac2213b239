package org.qicsim.model;

import org.qicsim.scenario.Collaborative;

/**
 * S7 action plans (docs/MODEL.md §6 S7 step 2 and §10 item 80): explicit targets and an action plan
 * turn a site's effort to the practices its process report named as missed. A member with
 * {@code collaborative.coordination.actionPlanning}, whose report in force under a process indicator
 * ({@code process} or {@code both}) named a missed practice and whose response in force is learn (the
 * plan is built on a report the site read and chose to act on), spends an own act, with probability
 * {@code planFollowThrough·Qc} (one uniform; Qc the coordination quality that supports the plan),
 * adopting one counted practice it does not do, chosen uniformly by keys; the change starts a local
 * test as every change does. Nothing happens when every counted practice is in the bundle, or under an
 * outcome indicator, whose report names no practice (its action planning acts only on actionability,
 * S5).
 *
 * <p>Evidence: Ivers et al., Cochrane 2012 (CD000259.pub3): audit and feedback works better with
 * explicit targets and an action plan; Brown et al. 2019 (CP-FIT): feedback changes practice when it
 * says what to do. Before this class the model's action planning acted only on the chance that a
 * report is read, which the rest of the loop saturates (§10 item 80).
 */
final class ActionPlan {
    private ActionPlan() {
    }

    /**
     * Whether the acting site's plan adopts a named missed practice this month (and does so). The
     * uniform and keys are drawn by the caller whatever the state, after every other learning draw.
     */
    static boolean adopts(QicSimulation sim, Month now, Site s, double uniform, MonthlyKey keys) {
        Collaborative c = now.collaborative();
        if (!c.coordination().actionPlanning() || c.measurement().indicator() == Collaborative.Indicator.OUTCOME
                || s.feedback.response != Response.LEARN || !ProcessIndicator.namesMissed(sim, s)) {
            return false;
        }
        double chance = sim.scenario.behaviour().feedback().planFollowThrough() * sim.coordinationQuality();
        if (!(uniform < chance)) {
            return false;
        }
        return ProcessIndicator.adoptMissing(sim, now, s, keys);
    }
}
