package org.qicsim.web;

import java.util.List;
import java.util.Map;
import org.qicsim.experiment.Comparison;

/**
 * What the debrief shows of a finished round. The seam for the decision-support analysis: today
 * {@link InterimDebrief} tabulates the cost-effectiveness of the designs played from the round's
 * comparison; an implementation that calls the five-feature attribution and CEA API can replace it
 * in {@link Workshop} without touching the pages' contract (a JSON object with a {@code kind}).
 */
@FunctionalInterface
interface Debrief {

    /**
     * @param comparison the round as written to its results folder: design 1 the no-collaborative
     *     reference, then each participant's latest design, paired under common random numbers
     * @param names display names, one per design
     * @param plannedCosts the planned cost ({@link DesignBudget}) of each design
     */
    Map<String, Object> of(Comparison comparison, List<String> names, List<Double> plannedCosts);
}
