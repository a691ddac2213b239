package org.qicsim.scenario;

/** The {@code costs} section (MODEL.md §6 S11), in US dollars. */
@Doc("Unit costs (USD) and discounting")
public record Costs(
        @Doc("Cost of one adverse event (Healy 2016: 19,626)") @Range(min = 0) double perAdverseEvent,
        @Doc("Revenue per case, the base of performance payments") @Range(min = 0) double revenuePerCase,
        @Doc("Data abstraction cost per case") @Range(min = 0) double abstractionPerCase,
        @Doc("Coordinating-centre fixed cost per year") @Range(min = 0) double ccFixed,
        @Doc("Cost of auditing one record") @Range(min = 0) double perAuditedRecord,
        @Doc("Cost to a site of attending one meeting") @Range(min = 0) double perMeetingAttendance,
        @Doc("Cost of one site visit") @Range(min = 0) double perSiteVisit,
        @Doc("Cost of a funded champion per site-year") @Range(min = 0) double championPerSiteYear,
        @Doc("Cost of leadership training per attendance") @Range(min = 0) double trainingPerAttendance,
        @Doc("Cost of one unit of effort above the counterfactual per site-month") @Range(min = 0) double effortPerSiteMonth,
        @Doc("Yearly discount rate") @Range(min = 0, max = 1) double discountRatePerYear) {
}
