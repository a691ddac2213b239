package org.qicsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qicsim.results.duckdb.DuckDb;
import org.qicsim.results.duckdb.ResultsTables;

/**
 * One results layout: the folders {@code run}, {@code compare}, {@code attribute} and {@code sweep} (Parquet and CSV)
 * write offer the same tables, with the same columns, and one SQL text answers on each. The query
 * also checks the numbers agree: every point's {@code points} mean of {@code finalRate} equals the
 * mean of its {@code runs} rows (to 1e-12, relative), and {@code timeseries} and {@code sites} hold one
 * row per run and month or site.
 */
class OneLayoutTest {
    private static final String MICHIGAN = SweepCommandTest.MICHIGAN.toString();
    private static final String[] SMALL = {"--set", "sites.count=10", "--set", "horizonMonths=24", "--reps", "2",
        "--quiet", "--no-report", "--threads", "2"};
    private static final List<String> TABLES = List.of("design", "runs", "points", "timeseries", "sites");
    /** The same SQL for every folder: points against the runs they summarise, and the row counts. */
    private static final String SQL = "SELECT p.point, p.mean AS pointMean, avg(r.finalRate) AS runMean, count(*) AS runs, "
            + "(SELECT count(*) FROM timeseries t WHERE t.point = p.point) AS months, "
            + "(SELECT count(*) FROM sites s WHERE s.point = p.point) AS siteRows "
            + "FROM points p JOIN runs r USING (point) JOIN design d USING (point) WHERE p.metric = 'finalRate' "
            + "GROUP BY p.point, p.mean ORDER BY p.point";

    @TempDir
    static Path dir;
    static final Map<String, Path> FOLDERS = new LinkedHashMap<>();

    @BeforeAll
    static void writeOneFolderOfEachKind() throws Exception {
        FOLDERS.put("run", dir.resolve("run"));
        FOLDERS.put("compare", dir.resolve("compare"));
        FOLDERS.put("attribute", dir.resolve("attribute"));
        FOLDERS.put("sweep", dir.resolve("sweep"));
        FOLDERS.put("sweep --csv", dir.resolve("sweep-csv"));
        ok(concat(new String[] {"run", MICHIGAN, "--out", FOLDERS.get("run").toString()}, SMALL));
        ok(concat(new String[] {"compare", MICHIGAN, "scenarios/registry-feedback-only.yaml", "--out",
            FOLDERS.get("compare").toString()}, SMALL));
        ok(concat(new String[] {"attribute", MICHIGAN, "--resamples", "50", "--out",
            FOLDERS.get("attribute").toString()}, SMALL));
        Path experiment = Files.writeString(dir.resolve("grid.yaml"), "scenario: " + MICHIGAN + "\nseed: 7\n"
                + "replications: 2\nset: {sites.count: 10, horizonMonths: 24}\n"
                + "factors: {collaborative.feedback.display: [funnel, league]}\ndesign: grid\n"
                + "outputs: {monthly: true, sites: true}\n");
        String[] sweepOptions = {"--quiet", "--no-report", "--threads", "2"};
        ok(concat(new String[] {"sweep", experiment.toString(), "--out", FOLDERS.get("sweep").toString()}, sweepOptions));
        ok(concat(new String[] {"sweep", experiment.toString(), "--csv", "--out", FOLDERS.get("sweep --csv").toString()},
                sweepOptions));
    }

    @Test
    void everyFolderKindOffersTheSameTablesWithTheSameColumns() throws Exception {
        Map<String, Map<String, List<String>>> columns = new LinkedHashMap<>();
        for (Map.Entry<String, Path> f : FOLDERS.entrySet()) {
            try (DuckDb db = DuckDb.openWithTemporarySpill()) {
                assertThat(ResultsTables.register(db, f.getValue())).as(f.getKey()).containsAll(TABLES);
                Map<String, List<String>> byTable = new LinkedHashMap<>();
                for (String table : TABLES) {
                    byTable.put(table, columns(db, table));
                }
                columns.put(f.getKey(), byTable);
            }
        }
        Map<String, List<String>> run = columns.get("run");
        for (String table : List.of("runs", "points", "timeseries", "sites")) {
            for (String kind : FOLDERS.keySet()) {
                assertThat(columns.get(kind).get(table)).as(kind + " " + table).isEqualTo(run.get(table));
            }
        }
        // design: point first everywhere; a sweep's other columns are its factors, a run's or compare's the scenario.
        for (String kind : FOLDERS.keySet()) {
            assertThat(columns.get(kind).get("design").get(0)).as(kind).isEqualTo("point");
        }
        assertThat(columns.get("compare").get("design")).isEqualTo(run.get("design"));
        assertThat(columns.get("attribute").get("design")).isEqualTo(run.get("design"));
    }

    /**
     * The same files, not only the same views: every command writes each table at the top of its
     * folder (Parquet parts in {@code T/} or {@code T.csv}), with the same columns in the same
     * order; a compare folder keeps only each design's resolved scenario and summary under {@code designs/}.
     */
    @Test
    void everyCommandWritesTheSameTablesAtTheTopOfItsFolder() throws Exception {
        Map<String, Map<String, List<String>>> types = new LinkedHashMap<>();
        for (Map.Entry<String, Path> f : FOLDERS.entrySet()) {
            Path folder = f.getValue();
            for (String table : TABLES) {
                assertThat(Files.isRegularFile(folder.resolve(table + ".csv"))
                        || !ResultsTables.parts(folder.resolve(table)).isEmpty()).as(f.getKey() + " " + table).isTrue();
            }
            if (Files.isDirectory(folder.resolve("designs"))) {
                try (var designs = Files.list(folder.resolve("designs"))) {
                    for (Path d : designs.toList()) {
                        try (var files = Files.list(d)) {
                            assertThat(files.map(p -> p.getFileName().toString()).toList()).as(d.toString())
                                    .containsExactlyInAnyOrder("scenario.resolved.yaml", "summary.json");
                        }
                    }
                }
            }
            try (DuckDb db = DuckDb.openWithTemporarySpill()) {
                ResultsTables.register(db, folder);
                Map<String, List<String>> byTable = new LinkedHashMap<>();
                for (String table : List.of("runs", "timeseries", "sites")) {
                    List<String> typed = new ArrayList<>();
                    try (Statement st = db.connection().createStatement();
                            ResultSet rs = st.executeQuery("DESCRIBE " + table)) {
                        while (rs.next()) {
                            typed.add(rs.getString("column_name"));
                        }
                    }
                    byTable.put(table, typed);
                }
                types.put(f.getKey(), byTable);
            }
        }
        assertThat(FOLDERS.get("compare").resolve("designs")).isDirectory();
        for (String kind : FOLDERS.keySet()) {
            assertThat(types.get(kind)).as(kind).isEqualTo(types.get("sweep --csv"));
        }
    }

    @Test
    void oneQueryAnswersOnEveryFolderAndItsPointsAreTheMeansOfItsRuns() throws Exception {
        for (Map.Entry<String, Path> f : FOLDERS.entrySet()) {
            try (DuckDb db = DuckDb.openWithTemporarySpill()) {
                ResultsTables.register(db, f.getValue());
                List<double[]> rows = new ArrayList<>();
                try (Statement st = db.connection().createStatement(); ResultSet rs = st.executeQuery(SQL)) {
                    while (rs.next()) {
                        rows.add(new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                            rs.getDouble(5), rs.getDouble(6)});
                    }
                }
                // run: one point; attribute: the 32 on/off combinations of the five features; else 2.
                assertThat(rows).as(f.getKey()).hasSize(switch (f.getKey()) {
                    case "run" -> 1;
                    case "attribute" -> 32;
                    default -> 2;
                });
                for (double[] r : rows) {
                    assertThat(r[1]).as(f.getKey() + " point " + r[0]).isCloseTo(r[2], org.assertj.core.data.Offset
                            .offset(1e-12 * Math.abs(r[2])));
                    assertThat(r[3]).as(f.getKey() + " runs of point " + r[0]).isEqualTo(2);
                    assertThat(r[4]).as(f.getKey() + " timeseries rows").isEqualTo(2 * 24);
                    assertThat(r[5]).as(f.getKey() + " sites rows").isEqualTo(2 * 10);
                }
            }
            CliRun q = CliRun.of("query", f.getValue().toString(), SQL);
            assertThat(q.exit()).as(f.getKey() + ": " + q).isZero();
        }
    }

    private static List<String> columns(DuckDb db, String table) throws Exception {
        List<String> names = new ArrayList<>();
        try (Statement st = db.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM " + table + " LIMIT 0")) {
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                names.add(rs.getMetaData().getColumnName(c));
            }
        }
        return names;
    }

    private static void ok(String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.exit()).as(r.toString()).isZero();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
