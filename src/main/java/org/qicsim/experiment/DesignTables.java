package org.qicsim.experiment;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.qicsim.analysis.Estimate;
import org.qicsim.analysis.RatioEstimate;
import org.qicsim.results.CsvWriter;
import org.qicsim.results.ResultsFolder;

/**
 * The {@code design} and {@code points} tables of a {@code run} or {@code compare} folder, at its
 * top, so that every results folder offers the tables a sweep folder does (README "Results"): runs,
 * timeseries and sites rows, one {@code points} row per design point and summarised metric with the
 * columns of a sweep's ({@code point, metric, mean, sd, ciLow, ciHigh, n}), and a {@code design} row
 * per point naming its scenario ({@code point, scenario, scenarioHash, worldHash, masterSeed,
 * replications}). The numbers are those of each design's {@code summary.json}: the cost per event
 * averted is the row of that name, its ratio as {@code mean} with the bootstrap interval, {@code sd}
 * and {@code n} empty, every value empty when it is dominated. A value that is not finite is empty,
 * as summary.json writes it null.
 */
public final class DesignTables {
    public static final String DESIGN = "design.csv";
    public static final String POINTS = "points.csv";
    static final String COST = "costPerEventAverted";

    private DesignTables() {
    }

    /** Writes both tables for {@code summaries} (design points in order). */
    public static void write(ResultsFolder folder, List<DesignSummary> summaries, long masterSeed, int replications)
            throws IOException {
        try (CsvWriter design = folder.csv(DESIGN, List.of("point", "scenario", "scenarioHash", "worldHash",
                "masterSeed", "replications"))) {
            for (DesignSummary s : summaries) {
                var resolved = s.design().scenario();
                design.cell(s.design().point()).cell(resolved.scenario().name()).cell(resolved.sha256())
                        .cell(resolved.worldSha256()).cell(masterSeed).cell(replications).endRow();
            }
        }
        try (CsvWriter points = folder.csv(POINTS, List.of("point", "metric", "mean", "sd", "ciLow", "ciHigh", "n"))) {
            for (DesignSummary s : summaries) {
                int point = s.design().point();
                for (Map.Entry<String, Estimate> m : s.metrics().entrySet()) {
                    Estimate e = m.getValue();
                    number(number(number(number(points.cell(point).cell(m.getKey()), e.mean()), e.sd()), e.ciLow()),
                            e.ciHigh()).cell(e.n()).endRow();
                }
                points.cell(point).cell(COST);
                RatioEstimate r = s.dominated() ? null : s.costPerEventAverted();
                if (r == null) {
                    points.missing().missing().missing().missing().missing().endRow();
                } else {
                    number(number(number(points, r.ratio()).missing(), r.ciLow()), r.ciHigh()).missing().endRow();
                }
            }
        }
    }

    private static CsvWriter number(CsvWriter csv, double v) {
        return Double.isFinite(v) ? csv.cell(v) : csv.missing();
    }
}
