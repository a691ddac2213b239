package org.qicsim.analysis.cea;

/**
 * Where a design lies on the cost-effectiveness plane against its comparator (x: events averted
 * ΔE, y: incremental cost ΔC), from the mean differences. The ICER ΔC/ΔE is reported only in the two
 * trade-off quadrants; in the others it is meaningless (a negative ratio cannot tell a design that
 * saves money and averts events from one that costs more and averts fewer).
 */
public enum Quadrant {
    /** ΔE > 0 and ΔC > 0: buys events averted at a price (north-east). */
    MORE_COSTLY_MORE_EFFECTIVE("moreCostlyMoreEffective"),
    /** ΔE > 0 and ΔC ≤ 0: averts more events for no more money. */
    DOMINANT("dominant"),
    /** ΔE < 0 and ΔC ≥ 0, or ΔE = 0 and ΔC > 0: fewer (or no more) events averted at more cost. */
    DOMINATED("dominated"),
    /** ΔE < 0 and ΔC < 0: saves money by averting fewer events (south-west). */
    LESS_COSTLY_LESS_EFFECTIVE("lessCostlyLessEffective"),
    /** ΔE = 0 and ΔC ≤ 0. */
    NO_DIFFERENCE_IN_EFFECT("noDifferenceInEffect");

    private final String label;

    Quadrant(String label) {
        this.label = label;
    }

    /** The name written in {@code cea.csv}. */
    public String label() {
        return label;
    }

    /** Whether the ICER means something here (the two trade-off quadrants). */
    public boolean hasIcer() {
        return this == MORE_COSTLY_MORE_EFFECTIVE || this == LESS_COSTLY_LESS_EFFECTIVE;
    }

    /** The quadrant of mean incremental cost {@code cost} and mean events averted {@code effect}; null if either is NaN. */
    public static Quadrant of(double cost, double effect) {
        if (Double.isNaN(cost) || Double.isNaN(effect)) {
            return null;
        }
        if (effect > 0) {
            return cost > 0 ? MORE_COSTLY_MORE_EFFECTIVE : DOMINANT;
        }
        if (effect < 0) {
            return cost < 0 ? LESS_COSTLY_LESS_EFFECTIVE : DOMINATED;
        }
        return cost > 0 ? DOMINATED : NO_DIFFERENCE_IN_EFFECT;
    }

    @Override
    public String toString() {
        return label;
    }
}
