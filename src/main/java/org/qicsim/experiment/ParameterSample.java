package org.qicsim.experiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.qicsim.results.duckdb.DuckDb;
import org.qicsim.results.duckdb.DuckDbUnavailableException;
import org.qicsim.results.duckdb.ParquetTable;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.KeySpec;
import org.qicsim.scenario.Problem;
import org.qicsim.scenario.Problems;
import org.qicsim.scenario.ScenarioException;
import org.qicsim.scenario.ScenarioSchema;
import org.qicsim.scenario.ValueType;
import org.qicsim.scenario.tree.DidYouMean;
import org.qicsim.scenario.tree.Location;

/**
 * A sample of parameter values, such as the posterior {@code qicsim calibrate} writes: columns
 * {@code draw, weight, distance}, then one column per scenario key path (a number or integer key).
 * Read from Parquet ({@code *.parquet}) or CSV.
 *
 * <p>How replicates get draws ({@link #rowsForReplicates}): when every weight is equal, replicate
 * k uses row {@code k mod n} (rows are reused, in order, when there are fewer rows than
 * replicates); when weights differ, the sample is first resampled by weight — systematic
 * resampling with one uniform from {@code Seeds.generator(PARAMETER_DRAWS, masterSeed)} — into
 * one row per replicate, so the draws still follow from the master seed alone.
 */
public final class ParameterSample {
    /** The leading columns, in order; every further column is a scenario key path. */
    public static final List<String> LEADING = List.of("draw", "weight", "distance");

    /** What messages call the sample: its file, or the name of a bundled one. */
    private final String source;
    /** The origin of each row's overrides, naming the draw in any problem they cause. */
    private final String origin;
    private final List<String> parameters;
    private final List<double[]> rows;

    private ParameterSample(String source, String origin, List<String> parameters, List<double[]> rows) {
        this.source = source;
        this.origin = origin;
        this.parameters = List.copyOf(parameters);
        this.rows = List.copyOf(rows);
    }

    /**
     * Reads and checks a sample: the leading columns, every parameter column a number or integer
     * key of the scenario schema (with a did-you-mean otherwise), at least one row, weights finite
     * and not negative with a positive sum, values present.
     *
     * @throws ScenarioException with the file, line and column (CSV) or column name (Parquet) of each problem
     */
    public static ParameterSample read(Path file) throws ScenarioException, IOException {
        String display = file.normalize().toString();
        if (!Files.isRegularFile(file)) {
            throw new ScenarioException(Problem.error(Location.ofFile(display), "", Files.isDirectory(file)
                    ? "is a directory, not a parameter sample (valid: a .parquet or .csv file)" : "cannot read: no such file"));
        }
        List<String> columns;
        List<double[]> values;
        List<Location> columnAt = new ArrayList<>();
        List<Location> rowAt = new ArrayList<>();
        Problems problems = new Problems();
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet")) {
            ParquetTable.Contents contents;
            try (DuckDb db = DuckDb.openWithTemporarySpill()) {
                contents = ParquetTable.read(db, file);
            } catch (DuckDbUnavailableException e) {
                throw new IOException(e.getMessage() + "; give the CSV form of the sample instead", e);
            } catch (java.sql.SQLException e) {
                throw new IOException(e.getMessage(), e);
            }
            columns = contents.columns();
            values = contents.rows();
            for (String c : columns) {
                columnAt.add(Location.ofFile(display + " column " + c));
            }
            for (int i = 0; i < values.size(); i++) {
                rowAt.add(Location.ofFile(display + " row " + (i + 1)));
            }
        } else {
            columns = new ArrayList<>();
            values = new ArrayList<>();
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                readCsv(in, display, columns, columnAt, values, rowAt, problems);
            } catch (NoSuchFileException e) {
                throw new ScenarioException(Problem.error(Location.ofFile(display), "", "cannot read: no such file"));
            }
            problems.throwIfErrors();
        }
        return checked(display, "--parameters", columns, columnAt, values, rowAt, problems);
    }

    /**
     * Reads and checks a sample in CSV form from a stream (the posterior bundled in the jar), as
     * {@link #read} does a file; {@code source} names it in every message and in the origin of its
     * overrides.
     */
    public static ParameterSample readCsv(String source, InputStream csv) throws ScenarioException, IOException {
        List<String> columns = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        List<Location> columnAt = new ArrayList<>();
        List<Location> rowAt = new ArrayList<>();
        Problems problems = new Problems();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            readCsv(in, source, columns, columnAt, values, rowAt, problems);
        }
        problems.throwIfErrors();
        return checked(source, source, columns, columnAt, values, rowAt, problems);
    }

    /** The checks every sample passes, whatever it was read from (see {@link #read}). */
    private static ParameterSample checked(String display, String origin, List<String> columns,
            List<Location> columnAt, List<double[]> values, List<Location> rowAt, Problems problems)
            throws ScenarioException {
        for (int i = 0; i < LEADING.size(); i++) {
            if (columns.size() <= i || !columns.get(i).equals(LEADING.get(i))) {
                problems.error(i < columnAt.size() ? columnAt.get(i) : Location.ofFile(display), "",
                        "expected column " + (i + 1) + " to be " + LEADING.get(i) + (columns.size() > i ? ", got "
                        + columns.get(i) : "") + " (valid: draw,weight,distance,<scenario key paths>)");
            }
        }
        List<String> parameters = columns.size() > LEADING.size() ? columns.subList(LEADING.size(), columns.size()) : List.of();
        if (problems.hasErrors()) {
            problems.throwIfErrors();
        }
        if (parameters.isEmpty()) {
            problems.error(Location.ofFile(display), "", "no parameter columns after draw,weight,distance "
                    + "(valid: scenario key paths, e.g. practices.effectOddsRatio)");
        }
        for (int j = 0; j < parameters.size(); j++) {
            String path = parameters.get(j);
            Location at = columnAt.get(LEADING.size() + j);
            Optional<KeySpec> spec = ScenarioSchema.key(path);
            if (spec.isEmpty()) {
                problems.error(at, path, "column " + path + " is not a scenario key"
                        + DidYouMean.phrase(ScenarioSchema.suggest(path))
                        + " (valid: a dotted key path, as listed by qicsim schema --list)");
            } else if (spec.get().type() != ValueType.NUMBER && spec.get().type() != ValueType.INTEGER) {
                problems.error(at, path, path + " is " + spec.get().type().expected()
                        + " key; a parameter sample holds number and integer keys only");
            } else if (parameters.indexOf(path) != j) {
                problems.error(at, path, "column " + path + " appears twice");
            }
        }
        if (values.isEmpty()) {
            problems.error(Location.ofFile(display), "", "the sample has no rows");
        }
        double total = 0;
        for (int i = 0; i < values.size(); i++) {
            double[] row = values.get(i);
            double w = row[1];
            if (!(w >= 0) || Double.isInfinite(w)) {
                problems.error(rowAt.get(i), "weight", "weight must be a finite number >= 0, got " + w);
            } else {
                total += w;
            }
            for (int j = LEADING.size(); j < row.length; j++) {
                if (Double.isNaN(row[j])) {
                    problems.error(rowAt.get(i), columns.get(j), "missing value of " + columns.get(j));
                }
            }
        }
        if (!problems.hasErrors() && !(total > 0)) {
            problems.error(Location.ofFile(display), "weight", "the weights sum to 0");
        }
        problems.throwIfErrors();
        return new ParameterSample(display, origin, parameters, values);
    }

    private static void readCsv(BufferedReader in, String display, List<String> columns, List<Location> columnAt,
            List<double[]> values, List<Location> rowAt, Problems problems) throws IOException, ScenarioException {
        String header = in.readLine();
        if (header == null) {
            throw new ScenarioException(Problem.error(Location.ofFile(display), "", "the file is empty "
                    + "(valid: a header draw,weight,distance,<scenario key paths> and one row per draw)"));
        }
        int col = 1;
        for (String name : header.split(",", -1)) {
            columns.add(name.strip());
            columnAt.add(new Location(display, 1, col));
            col += name.length() + 1;
        }
        String line;
        int lineNo = 1;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            rowAt.add(new Location(display, lineNo, 1));
            double[] row = new double[columns.size()];
            if (cells.length != columns.size()) {
                problems.error(new Location(display, lineNo, 1), "", "expected " + columns.size() + " values, got "
                        + cells.length);
                values.add(row);
                continue;
            }
            int c = 1;
            for (int i = 0; i < cells.length; i++) {
                String cell = cells[i].strip();
                try {
                    row[i] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    problems.error(new Location(display, lineNo, c), columns.get(i), "expected a number, got \""
                            + cell + "\"");
                }
                c += cells[i].length() + 1;
            }
            values.add(row);
        }
    }

    /** The sample's name in messages: its file, or the name of a bundled sample. */
    public String source() {
        return source;
    }

    /** The parameter key paths, in column order. */
    public List<String> parameters() {
        return parameters;
    }

    /** Number of rows (draws). */
    public int size() {
        return rows.size();
    }

    /** The {@code draw} column of row i. */
    public long drawId(int row) {
        return (long) rows.get(row)[0];
    }

    public double weight(int row) {
        return rows.get(row)[1];
    }

    /** Value of parameter j at row i. */
    public double value(int row, int parameter) {
        return rows.get(row)[LEADING.size() + parameter];
    }

    /** Whether every weight is the same (no resampling needed). */
    public boolean equalWeights() {
        double first = weight(0);
        for (int i = 1; i < rows.size(); i++) {
            if (weight(i) != first) {
                return false;
            }
        }
        return true;
    }

    /**
     * The row each replicate uses (see the class comment): {@code k mod n} with equal weights, else
     * systematic resampling by weight driven by the master seed.
     */
    public int[] rowsForReplicates(int replicates, long masterSeed) {
        int[] out = new int[replicates];
        if (equalWeights()) {
            for (int k = 0; k < replicates; k++) {
                out[k] = k % rows.size();
            }
            return out;
        }
        double total = 0;
        for (int i = 0; i < rows.size(); i++) {
            total += weight(i);
        }
        SplittableRandom random = Seeds.generator(Seeds.Purpose.PARAMETER_DRAWS, masterSeed);
        double u0 = random.nextDouble() / replicates;
        double cumulative = weight(0) / total;
        int i = 0;
        for (int k = 0; k < replicates; k++) {
            double u = u0 + (double) k / replicates;
            while (cumulative < u && i < rows.size() - 1) {
                i++;
                cumulative += weight(i) / total;
            }
            out[k] = i;
        }
        return out;
    }

    /**
     * The scenario overrides of one row, applied after the file and {@code --set}; their origin,
     * {@code --parameters draw D}, names the draw in any problem they cause.
     */
    public List<KeyOverride> overrides(int row) {
        List<KeyOverride> out = new ArrayList<>();
        String origin = this.origin + " draw " + drawId(row);
        for (int j = 0; j < parameters.size(); j++) {
            String path = parameters.get(j);
            double v = value(row, j);
            KeySpec spec = ScenarioSchema.key(path).orElseThrow();
            Object value = spec.type() == ValueType.INTEGER ? (Object) StrictMath.round(v) : (Object) v;
            out.add(KeyOverride.of(path, value, origin));
        }
        return out;
    }
}
