package org.qicsim.web;

import org.qicsim.scenario.Collaborative;
import org.qicsim.scenario.Costs;
import org.qicsim.scenario.Scenario;

/**
 * The planned cost of a design, the proxy a workshop budget is checked against before any run. It
 * prices the levers with the scenario's cost keys as if every site stayed a member all the way:
 * per year, the coordinating centre ({@code budgetPerSite}·J + {@code ccFixed}), abstraction and
 * audits of every case ({@code abstractionPerCase}, {@code auditRate}·{@code perAuditedRecord}),
 * meeting attendance and training ({@code meetingsPerYear}·J·({@code perMeetingAttendance} +
 * {@code trainingPerAttendance} when training)), site visits ({@code siteVisitsPerYear}·
 * {@code perSiteVisit}), funded champions (J·{@code championPerSiteYear}), participation payments
 * (J·{@code annual}) and the most a performance design can pay ({@code share} of revenue); times
 * the collaborative's years ({@code horizonMonths − startMonth})/12, undiscounted. Cases per year
 * are J·{@code volume.median}·12. Effort, recognition and departures are not priced: they depend
 * on what sites do, which only the runs show (their {@code costTotal} is the simulated cost).
 */
final class DesignBudget {
    private DesignBudget() {
    }

    static double plannedCost(Scenario s) {
        Collaborative c = s.collaborative();
        Costs unit = s.costs();
        double sites = s.sites().count();
        double cases = sites * s.sites().volume().median() * 12.0;
        double perYear = c.coordination().budgetPerSite() * sites + unit.ccFixed();
        perYear += unit.abstractionPerCase() * cases;
        perYear += c.measurement().auditRate() * cases * unit.perAuditedRecord();
        double attendance = unit.perMeetingAttendance() + (c.leadership().training() ? unit.trainingPerAttendance() : 0);
        perYear += c.community().meetingsPerYear() * sites * attendance;
        perYear += c.community().siteVisitsPerYear() * unit.perSiteVisit();
        if (c.leadership().fundedChampions()) {
            perYear += sites * unit.championPerSiteYear();
        }
        perYear += sites * c.incentives().participation().annual();
        if (c.incentives().performance().design() != Collaborative.Design.NONE) {
            perYear += c.incentives().performance().share() * unit.revenuePerCase() * cases;
        }
        double years = (s.horizonMonths() - s.startMonth()) / 12.0;
        return perYear * years;
    }
}
