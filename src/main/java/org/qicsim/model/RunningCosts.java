package org.qicsim.model;

import org.qicsim.scenario.Collaborative;

/**
 * S11 running costs of the collaborative (MODEL.md §6 S11; EVIDENCE.md (b), (d): MSQC $5M/yr
 * administration, $50–$200 per patient for data and coordination, $19,626 per complication). Each
 * active month the payer funds the coordinating centre (budgetPerSite per member plus ccFixed, per
 * year), data abstraction when funded and champions when funded; otherwise sites bear the
 * abstraction. Audits, visits, meetings, training and payments are booked where they happen, all in
 * the arm's {@link CostLedger}; effort is costed against the counterfactual arm when the run is assembled.
 */
final class RunningCosts {
    private RunningCosts() {
    }

    static void month(QicSimulation sim, Month now) {
        org.qicsim.scenario.Costs unit = sim.scenario.costs();
        Collaborative c = now.collaborative();
        int members = 0;
        int champions = 0;
        long memberCases = 0;
        int year = now.year();
        for (Site s : sim.sites) {
            if (!s.membership.member) {
                continue;
            }
            members++;
            if (s.champion.filled()) {
                champions++;
            }
            int cases = sim.recordsThisMonth[s.index];
            memberCases += cases;
            if (!c.coordination().abstractionFunded()) {
                s.accounts.unfundedAbstraction[Math.min(year, s.accounts.unfundedAbstraction.length - 1)]
                        += unit.abstractionPerCase() * cases;
            }
        }
        double abstraction = unit.abstractionPerCase() * memberCases;
        double payer = (c.coordination().budgetPerSite() * members + unit.ccFixed()) / 12.0;
        if (c.coordination().abstractionFunded()) {
            payer += abstraction;
        } else {
            sim.ledger.site(now.month(), abstraction);
        }
        if (c.leadership().fundedChampions()) {
            payer += unit.championPerSiteYear() / 12.0 * champions;
        }
        sim.ledger.payer(now.month(), payer);
    }
}
