package org.qicsim.experiment.doe;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.qicsim.results.CsvWriter;

/**
 * A generated design: its kind, its factors and its points in id order (ids 1..size).
 *
 * <p>{@code design.csv} has one row per point: {@code point}, then the role columns of the design
 * kind, then one column per factor headed by its key path:
 * <ul>
 *   <li>grid, lhs: no role columns;</li>
 *   <li>oneAtATime: {@code varied} (the varied factor's path; empty for the baseline);</li>
 *   <li>sobol: {@code block} (A, B or AB), {@code row} (1..n), {@code varied} (for AB_i, the path
 *       of factor i);</li>
 *   <li>morris: {@code trajectory} (1..r), {@code step} (0..k), {@code varied} (the factor that
 *       step changed; empty at step 0).</li>
 * </ul>
 */
public record Design(DesignKind kind, List<Factor> factors, List<DesignPoint> points) {

    public Design {
        factors = List.copyOf(factors);
        points = List.copyOf(points);
        for (int i = 0; i < points.size(); i++) {
            DesignPoint p = points.get(i);
            if (p.id() != i + 1 || p.values().size() != factors.size()) {
                throw new IllegalArgumentException("point " + (i + 1) + " is malformed: " + p);
            }
        }
        List<String> header = header(kind, factors);
        for (int i = 0; i < header.size(); i++) {
            if (header.subList(0, i).contains(header.get(i))) {
                throw new DesignException(header.get(i), null, "a factor cannot be named " + header.get(i));
            }
        }
    }

    public int size() {
        return points.size();
    }

    /** The point with 1-based id {@code id}. */
    public DesignPoint point(int id) {
        return points.get(id - 1);
    }

    /** Column names of {@code design.csv}. */
    public List<String> header() {
        return header(kind, factors);
    }

    private static List<String> header(DesignKind kind, List<Factor> factors) {
        List<String> h = new ArrayList<>();
        h.add("point");
        switch (kind) {
            case GRID, LATIN_HYPERCUBE -> { }
            case ONE_AT_A_TIME -> h.add("varied");
            case SALTELLI -> h.addAll(List.of("block", "row", "varied"));
            case MORRIS -> h.addAll(List.of("trajectory", "step", "varied"));
        }
        for (Factor f : factors) {
            h.add(f.path());
        }
        return h;
    }

    /** Writes {@code design.csv} (UTF-8, {@code ,}, {@code \n}, header row) to a new file. */
    public void writeCsv(Path file) throws IOException {
        try (CsvWriter csv = CsvWriter.create(file, header())) {
            writeRows(csv);
        }
    }

    /** Writes the design as CSV to {@code out}, which the caller closes. */
    public void writeCsv(Writer out) throws IOException {
        CsvWriter csv = new CsvWriter(out, header());
        writeRows(csv);
        csv.flush();
    }

    /** One row per point, in the results CSV conventions ({@link CsvWriter}, MODEL.md §9). */
    private void writeRows(CsvWriter csv) throws IOException {
        List<Object> row = new ArrayList<>();
        for (DesignPoint p : points) {
            row.clear();
            row.add(p.id());
            addRoleCells(row, p.role());
            row.addAll(p.values());
            csv.row(row.toArray());
        }
    }

    private void addRoleCells(List<Object> row, PointRole role) {
        switch (kind) {
            case GRID, LATIN_HYPERCUBE -> { }
            case ONE_AT_A_TIME -> row.add(role instanceof PointRole.OneFactor o ? factors.get(o.factor()).path() : null);
            case SALTELLI -> {
                PointRole.SaltelliBlock s = (PointRole.SaltelliBlock) role;
                row.add(s.block().name());
                row.add(s.row());
                row.add(s.factor() < 0 ? null : factors.get(s.factor()).path());
            }
            case MORRIS -> {
                PointRole.MorrisStep m = (PointRole.MorrisStep) role;
                row.add(m.trajectory());
                row.add(m.step());
                row.add(m.factor() < 0 ? null : factors.get(m.factor()).path());
            }
        }
    }
}
