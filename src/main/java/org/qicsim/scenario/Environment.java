package org.qicsim.scenario;

/** The {@code environment} section (MODEL.md §6 S0, S1). */
@Doc("Secular trend and turbulence")
public record Environment(
        @Doc("Secular change in log-odds per year (calibrate)") @Range(min = -1, max = 1) double secularTrendPerYear,
        @Doc("Yearly probability that one practice's common table is redrawn") @Range(min = 0, max = 1) double turbulencePerYear) {
}
