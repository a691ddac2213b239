package org.qicsim.analysis.cea;

import java.util.List;
import org.qicsim.analysis.Estimate;

/**
 * A design against a comparator: one row of {@code cea.csv} and its acceptability curve
 * ({@code ceac.csv}). Costs are in the perspective's money, discounted; events averted are
 * discounted events averted (MODEL.md §9 {@code eventsAvertedDiscounted}), so both sides of the
 * ratio are discounted alike.
 *
 * @param incrementalCost mean ΔC over replicates with its t-based 95% CI
 * @param eventsAverted   mean ΔE with its t-based 95% CI
 * @param icer            mean ΔC / mean ΔE, NaN unless {@link Quadrant#hasIcer()}
 * @param icerLow         bootstrap percentile interval of the ICER; NaN when there is no ICER or
 *                        when some resample's mean ΔE has the other sign (the interval would pass
 *                        through infinity)
 * @param nmb             net monetary benefit {@code wtp·ΔE − ΔC} per replicate, its mean and t CI
 * @param ceac            the acceptability curve over the WTP grid
 */
public record CeaResult(String design, String comparator, Perspective perspective, Estimate incrementalCost,
        Estimate eventsAverted, double icer, double icerLow, double icerHigh, Quadrant quadrant, double wtp,
        Estimate nmb, List<CeacPoint> ceac) {

    public CeaResult {
        ceac = List.copyOf(ceac);
    }

    /** One point of the acceptability curve: the share of draws whose NMB at {@code wtp} is positive. */
    public record CeacPoint(double wtp, double probabilityCostEffective) {
    }
}
