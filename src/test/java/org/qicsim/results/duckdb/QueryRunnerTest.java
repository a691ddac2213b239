package org.qicsim.results.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryRunnerTest {

    @TempDir
    Path dir;
    private DuckDb db;
    private QueryRunner q;

    private static final String VALUES = "SELECT * FROM (VALUES (1, 'a', 2.5::DOUBLE, NULL::BOOLEAN), "
            + "(10, 'bb', -0.125::DOUBLE, true), (100, NULL, 1e-7::DOUBLE, false)) t(n, s, x, b)";

    @BeforeEach
    void open() throws DuckDbUnavailableException {
        db = DuckDb.open(dir.resolve("spill"));
        q = new QueryRunner(db);
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    @Test
    void printsAnAlignedTableWithNumbersRightAligned() throws Exception {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            StringBuilder out = new StringBuilder();
            assertThat(q.printTable(VALUES, out, 100)).isEqualTo(3);
            assertThat(out.toString()).isEqualTo("""
                      n  s          x  b
                    ---  ----  ------  -----
                      1  a        2.5  NULL
                     10  bb    -0.125  true
                    100  NULL  1.0E-7  false
                    (3 rows)
                    """);
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void longResultsAreCutWithAPointerToCsv() throws Exception {
        StringBuilder out = new StringBuilder();
        assertThat(q.printTable("SELECT range AS i FROM range(5)", out, 2)).isEqualTo(5);
        assertThat(out.toString()).isEqualTo("""
                i
                -
                0
                1
                (2 of 5 rows shown; write them all with --csv FILE)
                """);
    }

    @Test
    void writesCsvWithTheResultsConventions() throws Exception {
        Path file = dir.resolve("out.csv");
        long rows = q.writeCsv(VALUES + " UNION ALL SELECT 1000, '', 0.1, NULL UNION ALL SELECT 2, 'x,\"ü\"', NULL, NULL", file);
        assertThat(rows).isEqualTo(5);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(
                "n,s,x,b\n1,a,2.5,\n10,bb,-0.125,true\n100,,1.0E-7,false\n1000,\"\",0.1,\n2,\"x,\"\"ü\"\"\",,\n");
        assertThat(dir.resolve("out.csv.tmp")).doesNotExist();
    }

    @Test
    void aFailedQueryLeavesNoCsvAndReportsDuckDbsMessage() {
        Path file = dir.resolve("out.csv");
        assertThatThrownBy(() -> q.writeCsv("SELECT * FROM nope", file)).isInstanceOf(QueryException.class)
                .hasMessageStartingWith("Catalog Error: Table with name nope does not exist");
        assertThat(file).doesNotExist();
        assertThat(dir.resolve("out.csv.tmp")).doesNotExist();
        assertThatThrownBy(() -> q.query("SELECT nope FROM range(1)", 1)).isInstanceOf(QueryException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void statementsWithoutRowsGiveAnEmptyTable() throws Exception {
        StringBuilder out = new StringBuilder();
        assertThat(q.printTable("CREATE TABLE t AS SELECT 1 AS x", out, 10)).isZero();
        assertThat(out.toString()).isEqualTo("(0 rows)\n");
        assertThat(q.query("SELECT sum(x) AS s, avg(x)::DECIMAL(10,2) AS d FROM t", 1).rows().get(0)).containsExactly("1", "1.00");
    }
}
