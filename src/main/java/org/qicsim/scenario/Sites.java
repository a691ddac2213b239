package org.qicsim.scenario;

/** The {@code sites} section (MODEL.md §5, §8): the population of hospitals. */
@Doc("The population of sites (hospitals) and how they are drawn")
public record Sites(
        @Doc("Number of sites J") @Range(min = 2, max = 6000) int count,
        @Doc("Pooled adverse-event rate in the baseline year; alpha is solved to meet it") @Range(min = 0, max = 1, minOpen = true, maxOpen = true) double baselineRate,
        @Doc("SD of the structural site effect u on the log-odds scale (calibrate)") @Range(min = 0, max = 5) double heterogeneity,
        @Doc("Annual QI budget of a site, the scale for burden and value") @Range(min = 0, minOpen = true) double qiBudget,
        Volume volume,
        CaseMix caseMix,
        GamingTypes gamingTypes,
        @Doc("Probability that a site has a champion post, filled, at initialisation and for successors") @Range(min = 0, max = 1) double championProbability,
        @Doc("Yearly probability that a filled champion post empties") @Range(min = 0, max = 1) double championTurnoverPerYear,
        @Doc("Share of sites that are members at startMonth") @Range(min = 0, max = 1) double initialMembership,
        @Doc("Strength of selection into membership on I0, C and Q") @Range(min = -20, max = 20) double selection,
        Enrolment enrolment) {

    @Doc("Patients per site-month: LogNormal(ln median, spread)")
    public record Volume(
            @Doc("Median patients per site-month") @Range(min = 0, max = 1e6, minOpen = true) double median,
            @Doc("Log-scale SD of site volume") @Range(min = 0, max = 5) double spread) {
    }

    @Doc("Patient risk on the log-odds scale")
    public record CaseMix(
            @Doc("SD of a site's mean patient risk mu") @Range(min = 0, max = 5) double betweenSd,
            @Doc("SD of patient risk around the site mean") @Range(min = 0, max = 5) double withinSd,
            @Doc("Number of equal-probability risk strata of N(0, withinSd^2) that stand for a site's case mix, each at its conditional mean (MODEL.md S1)") @Range(min = 1, max = 64) int strata) {
    }

    @Doc("Shares of the four gaming types; they must sum to 1")
    public record GamingTypes(
            @Range(min = 0, max = 1) double saint,
            @Range(min = 0, max = 1) double honestTrier,
            @Range(min = 0, max = 1) double reactiveGamer,
            @Range(min = 0, max = 1) double rationalManiac) {
    }

    @Doc("Optional yearly enrolment of non-members (S9)")
    public record Enrolment(
            boolean enabled,
            @Doc("Intercept of the joining logit") @Range(min = -20, max = 20) double base,
            @Doc("Weight of the share of same-region sites that are members") @Range(min = -20, max = 20) double peerShare) {
    }
}
