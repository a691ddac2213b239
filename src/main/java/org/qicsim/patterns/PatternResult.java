package org.qicsim.patterns;

import java.util.List;

/**
 * One line of the scorecard: a pattern's headline estimate with its 95% interval, the band it is
 * judged against, the verdict and its reason, and the run tables behind it. Values that do not apply
 * are {@code NaN} (an empty cell); an open band end is {@code NaN} too.
 *
 * @param reason why the verdict is what it is: every check with its estimate, and for
 *     {@code not expressible} what today's model cannot express
 */
public record PatternResult(String id, PatternSet set, String title, String metric, double estimate, double ciLow,
        double ciHigh, double bandLow, double bandHigh, Verdict verdict, String reason, List<Table> tables) {

    /** The scorecard's columns, in order (a contract with the report). */
    public static final List<String> COLUMNS = List.of("id", "set", "title", "metric", "estimate", "ciLow", "ciHigh",
            "bandLow", "bandHigh", "verdict", "reason");

    public PatternResult {
        tables = List.copyOf(tables);
    }

    /** A pattern the model cannot express, with the reason. */
    public static PatternResult notExpressible(Pattern p, String reason) {
        return new PatternResult(p.id(), p.set(), p.title(), p.metric(), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Verdict.NOT_EXPRESSIBLE, reason, List.of());
    }
}
