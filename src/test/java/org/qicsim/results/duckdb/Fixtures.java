package org.qicsim.results.duckdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.qicsim.results.CsvWriter;

/** Rows shaped like a results table, and the CSV form the results writers give them. */
final class Fixtures {
    private Fixtures() {
    }

    static final List<Column> RUNS = List.of(
            Column.bigint("point"),
            Column.integer("replicate"),
            Column.varchar("runSeed"),
            Column.dbl("finalRate"),
            Column.dbl("codeAccuracy"),
            Column.dbl("imitations"),
            Column.bool("member"),
            Column.varchar("label"),
            Column.integer("leftMonth"));

    private static final double[] SPECIAL = {-0.0, 1e-300, Double.MIN_VALUE, Double.MAX_VALUE, 0.1 + 0.2,
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    private static final String[] LABELS = {"plain", "with,comma", "say \"hi\"", "ünïcödé", "multi\nline"};

    /** {@code count} distinct (point, replicate) rows; codeAccuracy is always missing. */
    static List<Object[]> runs(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Object[]> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double rate = i < SPECIAL.length ? SPECIAL[i] : r.nextDouble() * 0.2;
            rows.add(new Object[] {
                (long) (1 + i / 7),
                i % 7,
                String.format(Locale.ROOT, "%016x", r.nextLong()),
                rate,
                null,
                (double) r.nextInt(20),
                i % 5 == 3 ? null : r.nextBoolean(),
                i % 11 == 0 ? null : LABELS[r.nextInt(LABELS.length)],
                r.nextInt(4) == 0 ? r.nextInt(48) : null});
        }
        return rows;
    }

    static void writeParquet(DuckDb db, Path dir, List<Column> schema, List<Object[]> rows, int chunk) throws IOException {
        try (ParquetChunkWriter w = ParquetChunkWriter.open(db, dir, schema, chunk)) {
            for (Object[] row : rows) {
                w.append(row);
            }
        }
    }

    /** CSV per MODEL.md §9 through the results writer; doubles as Double.toString gives them (NaN included). */
    static void writeCsv(Path file, List<Column> schema, List<Object[]> rows) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        List<String> header = new ArrayList<>();
        for (Column c : schema) {
            header.add(c.name());
        }
        try (CsvWriter csv = CsvWriter.create(file, header)) {
            for (Object[] row : rows) {
                for (Object v : row) {
                    csv.cell(v == null ? null : v instanceof Double d ? Double.toString(d) : v.toString());
                }
                csv.endRow();
            }
        }
    }
}
