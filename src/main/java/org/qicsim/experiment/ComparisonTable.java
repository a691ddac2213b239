package org.qicsim.experiment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.qicsim.analysis.Estimate;
import org.qicsim.analysis.PredictionInterval;
import org.qicsim.results.CsvWriter;
import org.qicsim.results.ResultsFolder;

/** {@code compare.csv}: a comparison's summaries and differences, one row per design and metric. */
public final class ComparisonTable {

    private ComparisonTable() {
    }

    /** compare.csv without prediction intervals (a comparison without parameter draws). */
    public static void write(ResultsFolder folder, Comparison c) throws IOException {
        write(folder, c, false);
    }

    /**
     * compare.csv: one row per design and metric, with the difference from design 1; with parameter
     * draws, four more columns: the 95% prediction intervals over replicates of the value and of the
     * difference ({@code piLow, piHigh, diffPiLow, diffPiHigh}), next to the CIs of the mean.
     */
    public static void write(ResultsFolder folder, Comparison c, boolean predictionIntervals)
            throws IOException {
        List<String> header = new ArrayList<>(List.of("design", "name", "metric", "mean", "ciLow", "ciHigh",
                "sd", "n", "diffMean", "diffCiLow", "diffCiHigh", "diffN", "paired"));
        if (predictionIntervals) {
            header.addAll(List.of("piLow", "piHigh", "diffPiLow", "diffPiHigh"));
        }
        try (CsvWriter csv = folder.csv("compare.csv", header)) {
            for (int k = 0; k < c.summaries().size(); k++) {
                DesignSummary s = c.summaries().get(k);
                for (String metric : Comparison.metrics()) {
                    Estimate e = s.metric(metric);
                    Estimate d = c.difference(k, metric);
                    csv.cell(k + 1).cell(s.design().name()).cell(metric).cell(e.mean()).cell(e.ciLow())
                            .cell(e.ciHigh()).cell(e.sd()).cell(e.n());
                    if (d == null) {
                        csv.missing().missing().missing().missing();
                    } else {
                        csv.cell(d.mean()).cell(d.ciLow()).cell(d.ciHigh()).cell(d.n());
                    }
                    csv.cell(c.paired());
                    if (predictionIntervals) {
                        var pi = PredictionInterval.of(e);
                        csv.cell(pi.piLow()).cell(pi.piHigh());
                        if (d == null) {
                            csv.missing().missing();
                        } else {
                            var dpi = PredictionInterval.of(d);
                            csv.cell(dpi.piLow()).cell(dpi.piHigh());
                        }
                    }
                    csv.endRow();
                }
            }
        }
    }
}
