package org.qicsim.cli;

import org.qicsim.analysis.cea.Perspective;
import org.qicsim.results.UserInputException;
import org.qicsim.scenario.Scenario;
import picocli.CommandLine.Option;

/**
 * {@code --perspective} and {@code --wtp} for {@code compare} and {@code attribute}
 * (docs/DECISIONS.md "Cost-effectiveness").
 */
final class CostEffectivenessOptions {
    @Option(names = "--perspective", paramLabel = "P", defaultValue = "societal",
            converter = PerspectiveConverter.class,
            description = "Whose costs count: payer, sites or societal (default: ${DEFAULT-VALUE}).")
    Perspective perspective = Perspective.SOCIETAL;

    @Option(names = "--wtp", paramLabel = "AMOUNT",
            description = "Willingness to pay per event averted, for net monetary benefit (default: the scenario's "
                    + "costs.perAdverseEvent, 19,626 from Healy et al. 2016).")
    Double wtp;

    /** The WTP: {@code --wtp}, else the reference scenario's cost of one adverse event. */
    double wtp(Scenario reference) {
        if (wtp != null) {
            if (!(wtp >= 0) || wtp.isInfinite()) {
                throw new UserInputException("--wtp must be a finite amount >= 0, was " + wtp);
            }
            return wtp;
        }
        return reference.costs().perAdverseEvent();
    }

    /** Where the WTP came from, for summaries. */
    String wtpSource() {
        return wtp != null ? "--wtp" : "costs.perAdverseEvent (Healy et al., JAMA Surg 2016;151(9):823-30)";
    }

    /** Accepts the lower-case names, with the valid ones in the message otherwise. */
    static final class PerspectiveConverter implements picocli.CommandLine.ITypeConverter<Perspective> {
        @Override
        public Perspective convert(String value) {
            for (Perspective p : Perspective.values()) {
                if (p.label().equals(value)) {
                    return p;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("unknown perspective \"" + value
                    + "\" (valid: payer, sites, societal)");
        }
    }
}
