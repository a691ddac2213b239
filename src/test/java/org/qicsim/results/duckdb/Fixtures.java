package org.qicsim.results.duckdb;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

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

    /** CSV per MODEL.md §9: UTF-8, {@code ,}, {@code \n}, header, empty for missing, Double.toString. */
    static void writeCsv(Path file, List<Column> schema, List<Object[]> rows) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int c = 0; c < schema.size(); c++) {
                out.write((c > 0 ? "," : "") + schema.get(c).name());
            }
            out.write('\n');
            for (Object[] row : rows) {
                for (int c = 0; c < row.length; c++) {
                    Object v = row[c];
                    String cell = v == null ? null : v instanceof Double d ? Double.toString(d) : v.toString();
                    out.write((c > 0 ? "," : "") + QueryRunner.csv(cell));
                }
                out.write('\n');
            }
        }
    }
}
