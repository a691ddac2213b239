package org.qicsim.results;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.qicsim.model.RunResult;

/**
 * The three per-run tables of a design folder (MODEL.md §9): {@code runs.csv}, {@code timeseries.csv}
 * and {@code sites.csv}, written row by row as runs complete, in run order. Every table starts with
 * {@code point}, {@code replicate} and {@code runSeed} (hex); monthly tables add {@code month},
 * {@code sites.csv} adds {@code site}. It only formats what the run computed.
 */
public final class RunTables implements Closeable {
    public static final String RUNS = "runs.csv";
    public static final String TIMESERIES = "timeseries.csv";
    public static final String SITES = "sites.csv";

    private final CsvWriter runs;
    private final CsvWriter timeseries;
    private final CsvWriter sites;

    /** Opens the tables in {@code relativeDir} of the folder ("" for the folder itself). */
    public RunTables(ResultsFolder folder, String relativeDir) throws IOException {
        String prefix = relativeDir.isEmpty() ? "" : relativeDir + "/";
        runs = folder.csv(prefix + RUNS, header(List.of(), RunResult.METRICS));
        timeseries = folder.csv(prefix + TIMESERIES, header(List.of("month"), RunResult.TIMESERIES_COLUMNS));
        sites = folder.csv(prefix + SITES, header(List.of("site"), RunResult.SITE_COLUMNS));
    }

    private static List<String> header(List<String> keys, List<String> columns) {
        List<String> h = new ArrayList<>(List.of("point", "replicate", "runSeed"));
        h.addAll(keys);
        h.addAll(columns);
        return h;
    }

    /** Appends one run's rows to the three tables; {@code runSeedHex} as the seed service formats it. */
    public void write(int point, int replicate, String seed, RunResult result) throws IOException {
        runs.cell(point).cell(replicate).cell(seed);
        for (double v : result.metrics().values()) {
            runs.cell(v);
        }
        runs.endRow();
        for (int t = 0; t < result.months(); t++) {
            timeseries.cell(point).cell(replicate).cell(seed).cell(t);
            for (double v : result.timeseriesRow(t)) {
                timeseries.cell(v);
            }
            timeseries.endRow();
        }
        for (int j = 0; j < result.factual().sites(); j++) {
            sites.cell(point).cell(replicate).cell(seed).cell(j);
            for (Object v : result.siteRow(j)) {
                sites.cellOf(v);
            }
            sites.endRow();
        }
    }

    @Override
    public void close() throws IOException {
        runs.close();
        timeseries.close();
        sites.close();
    }
}
