package org.qicsim.experiment.calibrate;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;
import org.qicsim.experiment.ParameterSample;
import org.qicsim.results.CsvWriter;
import org.qicsim.results.ResultsFolder;
import org.qicsim.results.duckdb.DuckDb;
import org.qicsim.results.duckdb.DuckDbUnavailableException;
import org.qicsim.results.duckdb.ParquetTable;

/**
 * The files a calibration publishes (docs/CALIBRATION.md):
 * <ul>
 *   <li>{@code posterior.parquet} (or {@code posterior.csv} without DuckDB or with {@code --csv}):
 *       exactly the columns {@code draw, weight, distance, <one per parameter path>}, the last
 *       generation's particles in order, weights normalised to sum to 1 — the format
 *       {@code --parameters} reads;</li>
 *   <li>{@code diagnostics.csv}: {@code generation, epsilon, particles, evaluations,
 *       acceptanceRate, ess}, one row per completed generation;</li>
 *   <li>{@code posterior-summary.csv}: {@code parameter, priorLow, priorHigh, mean, sd, q025,
 *       q50, q975} (weighted; a quantile is the smallest value whose cumulative weight reaches it).</li>
 * </ul>
 */
public final class CalibrationOutputs {
    private static final Logger LOG = Logger.getLogger(CalibrationOutputs.class.getName());

    public static final String POSTERIOR_PARQUET = "posterior.parquet";
    public static final String POSTERIOR_CSV = "posterior.csv";
    public static final String DIAGNOSTICS = "diagnostics.csv";
    public static final String SUMMARY = "posterior-summary.csv";
    public static final List<String> DIAGNOSTIC_COLUMNS = List.of("generation", "epsilon", "particles", "evaluations",
            "acceptanceRate", "ess");
    public static final List<String> SUMMARY_COLUMNS = List.of("parameter", "priorLow", "priorHigh", "mean", "sd",
            "q025", "q50", "q975");

    private CalibrationOutputs() {
    }

    /** The posterior's column names. */
    public static List<String> posteriorColumns(List<Prior> priors) {
        List<String> columns = new ArrayList<>(ParameterSample.LEADING);
        priors.forEach(p -> columns.add(p.path()));
        return columns;
    }

    /** The posterior rows: draw, weight, distance, parameter values. */
    static List<double[]> posteriorRows(List<Prior> priors, List<AbcSmc.Particle> particles) {
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < particles.size(); i++) {
            AbcSmc.Particle p = particles.get(i);
            double[] row = new double[3 + priors.size()];
            row[0] = i;
            row[1] = p.weight();
            row[2] = p.distance();
            for (int k = 0; k < priors.size(); k++) {
                row[3 + k] = priors.get(k).value(p.u()[k]);
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * Writes the three files; returns the posterior's file name.
     *
     * @param csv write the posterior as CSV rather than Parquet
     */
    public static String write(ResultsFolder folder, List<Prior> priors, AbcSmc.Result result, boolean csv)
            throws IOException {
        List<double[]> rows = posteriorRows(priors, result.last().particles());
        String posterior = writePosteriorAndSummary(folder, priors, rows, csv);
        try (CsvWriter w = folder.csv(DIAGNOSTICS, DIAGNOSTIC_COLUMNS)) {
            for (AbcSmc.Generation g : result.generations()) {
                w.cell(g.index()).cell(g.epsilon()).cell(g.particles().size()).cell(g.evaluations())
                        .cell(g.acceptanceRate()).cell(g.ess()).endRow();
            }
        }
        return posterior;
    }

    /** The diagnostics columns of a history-matching calibration, one row per wave. */
    public static final List<String> WAVE_COLUMNS = List.of("wave", "points", "trainingPoints", "runs",
            "nonImplausibleFraction", "emulatorVarianceShare", "looWithin2", "looWithin3", "looMaxAbs");
    /** Per wave and statistic: the emulator's fitted noise, signal and length scales. */
    public static final String EMULATORS = "emulators.csv";

    /**
     * Writes a history-matching calibration's files: the posterior and its summary as for
     * ABC-SMC (the final importance sample), {@code diagnostics.csv} with one row per wave
     * ({@link #WAVE_COLUMNS}) and {@code emulators.csv} (wave, statistic, observed, scale, the
     * simulator's noise SD of one evaluation, the process SD, the largest leave-one-out error and one
     * length scale per parameter, in the prior's unit coordinates). Returns the posterior's file name.
     */
    public static String write(ResultsFolder folder, List<Prior> priors, HistoryMatching.Result result, boolean csv)
            throws IOException {
        List<double[]> rows = posteriorRows(priors, result.posterior());
        String posterior = writePosteriorAndSummary(folder, priors, rows, csv);
        try (CsvWriter w = folder.csv(DIAGNOSTICS, WAVE_COLUMNS)) {
            for (HistoryMatching.Wave wave : result.waves()) {
                w.cell(wave.index()).cell(wave.points()).cell(wave.trainingPoints()).cell(wave.runs())
                        .cell(wave.nonImplausibleFraction()).cell(wave.emulatorVarianceShare()).cell(wave.looWithin2()).cell(wave.looWithin3())
                        .cell(wave.looMaxAbs()).endRow();
            }
        }
        List<String> columns = new ArrayList<>(List.of("wave", "statistic", "observed", "scale", "noiseSd", "signalSd",
                "looMaxAbs"));
        priors.forEach(p -> columns.add("lengthScale:" + p.path()));
        try (CsvWriter w = folder.csv(EMULATORS, columns)) {
            for (HistoryMatching.Wave wave : result.waves()) {
                for (HistoryMatching.EmulatorSummary e : wave.emulators()) {
                    w.cell(wave.index()).cell(e.statistic()).cell(e.observed()).cell(e.scale()).cell(e.noiseSd())
                            .cell(e.signalSd()).cell(e.looMaxAbs());
                    for (double l : e.lengthScales()) {
                        w.cell(l);
                    }
                    w.endRow();
                }
            }
        }
        return posterior;
    }

    private static String writePosteriorAndSummary(ResultsFolder folder, List<Prior> priors, List<double[]> rows,
            boolean csv) throws IOException {
        List<String> columns = posteriorColumns(priors);
        String posterior = POSTERIOR_CSV;
        if (!csv) {
            try (DuckDb db = DuckDb.openWithTemporarySpill()) {
                ParquetTable.write(db, folder.resolve(POSTERIOR_PARQUET), columns, 1, rows);
                posterior = POSTERIOR_PARQUET;
            } catch (DuckDbUnavailableException e) {
                LOG.warning(e.getMessage() + "; writing " + POSTERIOR_CSV + " instead");
            } catch (SQLException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        if (posterior.equals(POSTERIOR_CSV)) {
            try (CsvWriter w = folder.csv(POSTERIOR_CSV, columns)) {
                for (double[] row : rows) {
                    w.cell((long) row[0]);
                    for (int i = 1; i < row.length; i++) {
                        w.cell(row[i]);
                    }
                    w.endRow();
                }
            }
        }
        try (CsvWriter w = folder.csv(SUMMARY, SUMMARY_COLUMNS)) {
            for (int k = 0; k < priors.size(); k++) {
                Prior p = priors.get(k);
                double[] s = summary(rows, 3 + k);
                w.cell(p.path()).cell(p.low()).cell(p.high());
                for (double v : s) {
                    w.cell(v);
                }
                w.endRow();
            }
        }
        return posterior;
    }

    /** Weighted mean, sd and the 2.5%, 50% and 97.5% quantiles of column {@code column} (weights in column 1). */
    public static double[] summaryOf(List<double[]> rows, int column) {
        return summary(rows, column);
    }

    static double[] summary(List<double[]> rows, int column) {
        double mean = 0;
        double total = 0;
        for (double[] r : rows) {
            mean += r[1] * r[column];
            total += r[1];
        }
        mean /= total;
        double var = 0;
        for (double[] r : rows) {
            var += r[1] * (r[column] - mean) * (r[column] - mean);
        }
        var /= total;
        double[][] sorted = rows.toArray(new double[0][]);
        Arrays.sort(sorted, Comparator.comparingDouble((double[] r) -> r[column]).thenComparingDouble(r -> r[0]));
        return new double[] {mean, StrictMath.sqrt(var), quantile(sorted, column, total, 0.025),
            quantile(sorted, column, total, 0.5), quantile(sorted, column, total, 0.975)};
    }

    private static double quantile(double[][] sorted, int column, double total, double p) {
        double cumulative = 0;
        for (double[] r : sorted) {
            cumulative += r[1];
            if (cumulative >= p * total) {
                return r[column];
            }
        }
        return sorted[sorted.length - 1][column];
    }
}
