package org.qicsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.qicsim.analysis.cea.CeaResult;
import org.qicsim.results.CsvWriter;
import org.qicsim.results.ResultsFolder;

/**
 * {@code cea.csv} and {@code ceac.csv} (docs/DECISIONS.md "Cost-effectiveness"), written by
 * {@code compare} and {@code attribute}, and their console table. Columns are a contract with the
 * HTML report: change them only together.
 */
final class CeaFiles {
    static final List<String> CEA_COLUMNS = List.of("design", "comparator", "perspective", "incrementalCost",
            "incrementalCostLow", "incrementalCostHigh", "eventsAverted", "eventsAvertedLow", "eventsAvertedHigh",
            "icer", "icerLow", "icerHigh", "quadrant", "wtp", "nmb", "nmbLow", "nmbHigh");
    static final List<String> CEAC_COLUMNS = List.of("design", "comparator", "perspective", "wtp",
            "probabilityCostEffective");

    private CeaFiles() {
    }

    static void write(ResultsFolder folder, List<CeaResult> rows) throws IOException {
        try (CsvWriter csv = folder.csv("cea.csv", CEA_COLUMNS)) {
            for (CeaResult r : rows) {
                csv.cell(r.design()).cell(r.comparator()).cell(r.perspective().label())
                        .cell(r.incrementalCost().mean()).cell(r.incrementalCost().ciLow())
                        .cell(r.incrementalCost().ciHigh())
                        .cell(r.eventsAverted().mean()).cell(r.eventsAverted().ciLow()).cell(r.eventsAverted().ciHigh())
                        .cell(r.icer()).cell(r.icerLow()).cell(r.icerHigh())
                        .cell(r.quadrant() == null ? null : r.quadrant().label())
                        .cell(r.wtp()).cell(r.nmb().mean()).cell(r.nmb().ciLow()).cell(r.nmb().ciHigh()).endRow();
            }
        }
        try (CsvWriter csv = folder.csv("ceac.csv", CEAC_COLUMNS)) {
            for (CeaResult r : rows) {
                for (CeaResult.CeacPoint p : r.ceac()) {
                    csv.cell(r.design()).cell(r.comparator()).cell(r.perspective().label()).cell(p.wtp())
                            .cell(p.probabilityCostEffective()).endRow();
                }
            }
        }
    }

    /** One line per row: ΔC, ΔE, ICER or quadrant, NMB and the probability of being cost-effective at the WTP. */
    static void print(PrintWriter out, List<CeaResult> rows) {
        if (rows.isEmpty()) {
            return;
        }
        CeaResult first = rows.get(0);
        out.printf(Locale.ROOT, "Cost-effectiveness (%s perspective; discounted; WTP %s per event averted)%n",
                first.perspective().label(), SummaryPrinter.number(first.wtp()));
        for (CeaResult r : rows) {
            String icer = r.quadrant() != null && r.quadrant().hasIcer()
                    ? "ICER " + SummaryPrinter.number(r.icer()) + (Double.isNaN(r.icerLow()) ? " [unbounded]"
                            : " [" + SummaryPrinter.number(r.icerLow()) + ", " + SummaryPrinter.number(r.icerHigh()) + "]")
                    : String.valueOf(r.quadrant());
            double p = Double.NaN;
            for (CeaResult.CeacPoint c : r.ceac()) {
                if (c.wtp() == r.wtp()) {
                    p = c.probabilityCostEffective();
                }
            }
            out.printf(Locale.ROOT, "  %s vs %s: cost %s, events averted %s, %s, NMB %s, P(cost-effective) %s%n",
                    r.design(), r.comparator(), SummaryPrinter.estimate(r.incrementalCost()),
                    SummaryPrinter.estimate(r.eventsAverted()), icer, SummaryPrinter.estimate(r.nmb()),
                    SummaryPrinter.number(p));
        }
    }
}
