package org.qicsim.scenario;

/** The {@code practices} section (MODEL.md §5): the NK landscape of care practices. */
@Doc("The care practices and the NK landscape they form")
public record Practices(
        @Doc("Number of practices N") @Range(min = 1, max = 16) int count,
        @Doc("Interaction partners K per practice; at most count - 1") @Range(min = 0, max = 15) int interactions,
        @Doc("Weight omega of the site-specific landscape") @Range(min = 0, max = 1) double contextSpecificity,
        @Doc("Odds ratio of the best bundle against the median bundle (calibrate)") @Range(min = 0, max = 1, minOpen = true) double effectOddsRatio,
        @Doc("Probability that a practice is in a site's bundle at initialisation") @Range(min = 0, max = 1) double initialAdoption) {
}
