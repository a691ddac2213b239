package org.qicsim.results.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.SortedSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qicsim.results.UserInputException;

class ResultsTablesTest {

    @TempDir
    Path dir;
    private DuckDb db;
    private QueryRunner q;

    @BeforeEach
    void open() throws DuckDbUnavailableException {
        db = DuckDb.open(dir.resolve("spill"));
        q = new QueryRunner(db);
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    private static final List<String> QUERIES = List.of(
            "SELECT * FROM runs ORDER BY point, replicate",
            "SELECT count(*), avg(imitations), sum(imitations), max(finalRate), avg(codeAccuracy), count(label), "
                    + "min(runSeed), sum(leftMonth) FROM runs",
            "SELECT member, count(*), avg(imitations) FROM runs GROUP BY member ORDER BY member NULLS FIRST",
            "SELECT point, avg(finalRate) FILTER (WHERE isfinite(finalRate)) FROM runs GROUP BY point ORDER BY point",
            "SELECT typeof(codeAccuracy), typeof(runSeed), typeof(finalRate), typeof(member), typeof(label) FROM runs LIMIT 1");

    @Test
    void csvAndParquetFoldersWithTheSameRowsGiveTheSameResults() throws Exception {
        List<Object[]> rows = Fixtures.runs(1000, 23);
        Path parquet = dir.resolve("parquet");
        Path csv = dir.resolve("csv");
        Fixtures.writeParquet(db, parquet.resolve("runs"), Fixtures.RUNS, rows, 128);
        Fixtures.writeCsv(csv.resolve("runs.csv"), Fixtures.RUNS, rows);

        for (String sql : QUERIES) {
            assertThat(ResultsTables.register(db, parquet)).containsExactly("runs");
            QueryTable fromParquet = q.query(sql, Integer.MAX_VALUE);
            assertThat(ResultsTables.register(db, csv)).containsExactly("runs");
            QueryTable fromCsv = q.query(sql, Integer.MAX_VALUE);
            assertThat(fromCsv.columns()).as(sql).isEqualTo(fromParquet.columns());
            assertThat(fromCsv.rows()).as(sql).isEqualTo(fromParquet.rows());
            assertThat(fromCsv.totalRows()).isPositive();
        }
        // The all-missing metric is DOUBLE and the seeds text in both.
        assertThat(q.query(QUERIES.get(4), 1).rows().get(0)).containsExactly("DOUBLE", "VARCHAR", "DOUBLE", "BOOLEAN", "VARCHAR");
    }

    @Test
    void seedsOfDigitsOnlyStayText() throws Exception {
        Files.writeString(dir.resolve("runs.csv"), "point,replicate,runSeed,x\n0,0,1234567890123456,0.5\n0,1,9000000000000001,\n");
        ResultsTables.register(db, dir);
        assertThat(q.query("SELECT typeof(runSeed), runSeed, typeof(x), x FROM runs", 10).rows())
                .containsExactly(List.of("VARCHAR", "1234567890123456", "DOUBLE", "0.5"),
                        java.util.Arrays.asList("VARCHAR", "9000000000000001", "DOUBLE", null));
    }

    @Test
    void aCompareFolderHasItsDesignsInOneTableToldApartByPoint() throws Exception {
        Path cmp = dir.resolve("compare");
        List<Object[]> rows = withPoint(Fixtures.runs(3, 1), 1);
        rows.addAll(withPoint(Fixtures.runs(2, 2), 2));
        Fixtures.writeCsv(cmp.resolve("runs.csv"), Fixtures.RUNS, rows);
        Files.writeString(cmp.resolve("points.csv"), "point,metric,mean,sd,ciLow,ciHigh,n\n1,finalRate,0.1,0.01,0.09,0.11,3\n");
        Files.createDirectories(cmp.resolve("designs/1-base"));
        Files.writeString(cmp.resolve("designs/1-base/summary.json"), "{}");

        assertThat(ResultsTables.register(db, cmp)).containsExactly("runs", "points");
        assertThat(q.query("SELECT point, count(*) FROM runs GROUP BY point ORDER BY point", 10).rows())
                .containsExactly(List.of("1", "3"), List.of("2", "2"));
    }

    /** A compare folder of the older layout (run rows under designs/) is refused, saying what to do. */
    @Test
    void aCompareFolderOfTheOlderLayoutIsRefusedWithWhatToDo() throws Exception {
        Path cmp = dir.resolve("old-compare");
        Fixtures.writeCsv(cmp.resolve("designs/1-base/runs.csv"), Fixtures.RUNS, withPoint(Fixtures.runs(3, 1), 1));
        Files.writeString(cmp.resolve("points.csv"), "point,metric,mean,sd,ciLow,ciHigh,n\n1,finalRate,0.1,0.01,0.09,0.11,3\n");
        assertThatThrownBy(() -> ResultsTables.register(db, cmp)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("designs/<k>-<name>/runs.csv").hasMessageContaining("Run the comparison again");
    }

    /** The rows with their point (design k of a compare folder) set. */
    private static List<Object[]> withPoint(List<Object[]> rows, long point) {
        for (Object[] row : rows) {
            row[0] = point;
        }
        return rows;
    }

    @Test
    void aSweepFolderOffersDesignRunsAndPointsPreferringParquet() throws Exception {
        Path sweep = dir.resolve("sweep");
        Files.createDirectories(sweep);
        Files.writeString(sweep.resolve("design.csv"), "point,a.x,a.name\n1,0.5,funnel\n2,1.0,league\n");
        List<Column> runSchema = List.of(Column.bigint("point"), Column.integer("replicate"), Column.dbl("y"));
        Fixtures.writeParquet(db, sweep.resolve("runs"), runSchema,
                List.of(new Object[] {1L, 0, 1.0}, new Object[] {1L, 1, 3.0}, new Object[] {2L, 0, 10.0}), 2);
        List<Column> pointSchema = List.of(Column.bigint("point"), Column.dbl("mean"));
        Path pointsTmp = dir.resolve("points-tmp");
        Fixtures.writeParquet(db, pointsTmp, pointSchema, List.of(new Object[] {1L, 2.0}, new Object[] {2L, 10.0}), 10);
        Files.move(pointsTmp.resolve("part-000001.parquet"), sweep.resolve("points.parquet"));
        // A stale CSV copy that differs: the Parquet file must win.
        Files.writeString(sweep.resolve("points.csv"), "point,mean\n1,-1.0\n");

        assertThat(ResultsTables.register(db, sweep)).containsExactly("design", "runs", "points");
        assertThat(q.query("SELECT d.\"a.name\", avg(r.y), any_value(p.mean) FROM runs r JOIN design d USING (point) "
                + "JOIN points p USING (point) GROUP BY 1 ORDER BY 1", 10).rows())
                .containsExactly(List.of("funnel", "2.0", "2.0"), List.of("league", "10.0", "10.0"));
        assertThat(QueryRunner.finishedRuns(db, sweep)).containsExactly(new RunKey(1, 0), new RunKey(1, 1), new RunKey(2, 0));
    }

    @Test
    void registeringAnotherFolderDropsTablesItLacks() throws Exception {
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        Fixtures.writeCsv(one.resolve("runs.csv"), Fixtures.RUNS, Fixtures.runs(2, 1));
        Files.writeString(one.resolve("sites.csv"), "point,replicate,runSeed,site,region\n0,0,0a,0,1\n");
        Fixtures.writeCsv(two.resolve("runs.csv"), Fixtures.RUNS, Fixtures.runs(5, 1));
        assertThat(ResultsTables.register(db, one)).containsExactly("runs", "sites");
        assertThat(ResultsTables.register(db, two)).containsExactly("runs");
        assertThat(q.query("SELECT count(*) FROM runs", 1).rows().get(0)).containsExactly("5");
        assertThatThrownBy(() -> q.query("SELECT * FROM sites", 1)).isInstanceOf(QueryException.class);
    }

    @Test
    void finishedRunsOfPartialAndEmptyFolders() throws Exception {
        Path partial = dir.resolve("sweep.partial");
        Fixtures.writeParquet(db, partial.resolve("runs"), Fixtures.RUNS, Fixtures.runs(10, 4), 4);
        SortedSet<RunKey> done = QueryRunner.finishedRuns(db, partial);
        assertThat(done).hasSize(10).first().isEqualTo(new RunKey(1, 0));
        assertThat(done.last()).isEqualTo(new RunKey(2, 2));

        Path empty = Files.createDirectories(dir.resolve("empty.partial").resolve("runs"));
        assertThat(QueryRunner.finishedRuns(db, empty.getParent())).isEmpty();
        Path csvOnly = dir.resolve("csv.partial");
        Fixtures.writeCsv(csvOnly.resolve("runs.csv"), Fixtures.RUNS, List.of());
        assertThat(QueryRunner.finishedRuns(db, csvOnly)).isEmpty();
        assertThatThrownBy(() -> QueryRunner.finishedRuns(db, dir.resolve("missing")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void csvHeaderParsingUnquotesNames() throws IOException {
        Path f = Files.writeString(dir.resolve("h.csv"), "a,\"b,c\",\"say \"\"x\"\"\",d\n1,2,3,4\n");
        assertThat(ResultsTables.header(f)).containsExactly("a", "b,c", "say \"x\"", "d");
    }
}
