package org.qicsim.results.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetChunkWriterTest {

    @TempDir
    Path dir;
    private DuckDb db;

    @BeforeEach
    void open() throws DuckDbUnavailableException {
        db = DuckDb.open(dir.resolve("spill"));
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private List<Object[]> readBack(Path folder) throws IOException, SQLException {
        assertThat(ResultsTables.register(db, folder)).contains("runs");
        List<Object[]> rows = new ArrayList<>();
        try (Statement s = db.connection().createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM runs ORDER BY point, replicate")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[n];
                for (int c = 0; c < n; c++) {
                    row[c] = rs.getObject(c + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void thousandsOfRowsRoundTripValueByValueThroughSmallChunks() throws Exception {
        List<Object[]> rows = Fixtures.runs(2503, 17);
        Path runs = dir.resolve("sweep").resolve("runs");
        ParquetChunkWriter w = ParquetChunkWriter.open(db, runs, Fixtures.RUNS, 250);
        for (Object[] row : rows) {
            w.append(row);
        }
        assertThat(w.rowsWritten()).isEqualTo(2500);
        assertThat(w.rowsBuffered()).isEqualTo(3);
        w.close();
        assertThat(w.rowsWritten()).isEqualTo(2503);
        assertThat(w.parts()).hasSize(11);
        List<String> expectedParts = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            expectedParts.add(String.format("part-%06d.parquet", i));
        }
        assertThat(names(runs)).isEqualTo(expectedParts);

        List<Object[]> back = readBack(dir.resolve("sweep"));
        assertThat(back).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            // Object equality: Double compares bit patterns, so NaN, -0.0 and the infinities must survive exactly.
            assertThat(back.get(i)).as("row %d", i).containsExactly(rows.get(i));
        }
    }

    @Test
    void anInterruptedPartLeavesNoFileAndLosesNoRows() throws Exception {
        Path runs = dir.resolve("runs");
        List<Object[]> rows = Fixtures.runs(30, 5);
        ParquetChunkWriter w = ParquetChunkWriter.open(db, runs, Fixtures.RUNS, 10);
        w.setRenameHook(tmp -> {
            assertThat(tmp.getFileName().toString()).endsWith(".parquet.tmp");
            if (tmp.getFileName().toString().startsWith("part-000002")) {
                throw new IOException("simulated interrupt");
            }
        });
        for (int i = 0; i < 10; i++) {
            w.append(rows.get(i));
        }
        for (int i = 10; i < 19; i++) {
            w.append(rows.get(i));
        }
        assertThatThrownBy(() -> w.append(rows.get(19))).hasMessage("simulated interrupt");
        assertThat(names(runs)).containsExactly("part-000001.parquet");
        assertThat(readBack(dir)).hasSize(10);

        // The chunk is still buffered: the next flush publishes it.
        w.setRenameHook(tmp -> { });
        w.flush();
        for (int i = 20; i < 30; i++) {
            w.append(rows.get(i));
        }
        w.close();
        assertThat(names(runs)).containsExactly("part-000001.parquet", "part-000002.parquet", "part-000003.parquet");
        List<Object[]> back = readBack(dir);
        assertThat(back).hasSize(30);
        for (int i = 0; i < 30; i++) {
            assertThat(back.get(i)).containsExactly(rows.get(i));
        }
    }

    @Test
    void aKilledWritersTemporaryFileIsIgnoredAndCleanedOnResume() throws Exception {
        Path runs = dir.resolve("runs");
        List<Object[]> rows = Fixtures.runs(25, 9);
        Fixtures.writeParquet(db, runs, Fixtures.RUNS, rows.subList(0, 20), 10);
        // What a JVM killed in the middle of a COPY leaves behind.
        Files.writeString(runs.resolve("part-000003.parquet.tmp"), "PAR1 truncated");
        assertThat(readBack(dir)).hasSize(20);

        try (ParquetChunkWriter w = ParquetChunkWriter.open(db, runs, Fixtures.RUNS, 10)) {
            assertThat(names(runs)).containsExactly("part-000001.parquet", "part-000002.parquet");
            for (Object[] row : rows.subList(20, 25)) {
                w.append(row);
            }
        }
        assertThat(names(runs)).containsExactly("part-000001.parquet", "part-000002.parquet", "part-000003.parquet");
        assertThat(readBack(dir)).hasSize(25);
    }

    @Test
    void aBadValueIsRefusedBeforeTheRowStarts() throws Exception {
        List<Column> schema = List.of(Column.bigint("point"), Column.integer("replicate"), Column.dbl("x"));
        Path runs = dir.resolve("runs");
        try (ParquetChunkWriter w = ParquetChunkWriter.open(db, runs, schema, 100)) {
            w.append(1L, 0, 0.5);
            assertThatThrownBy(() -> w.append(2L, 1L, 0.5)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("replicate");
            assertThatThrownBy(() -> w.append(2L, 1)).isInstanceOf(IllegalArgumentException.class);
            w.append(2, 1, 3);
        }
        List<Object[]> back = readBack(dir);
        assertThat(back).hasSize(2);
        assertThat(back.get(1)).containsExactly(2L, 1, 3.0);
    }

    @Test
    void anEmptyWriterWritesNoPart() throws Exception {
        Path runs = dir.resolve("runs");
        try (ParquetChunkWriter w = ParquetChunkWriter.open(db, runs, Fixtures.RUNS, 10)) {
            w.flush();
            assertThat(w.parts()).isEmpty();
        }
        assertThat(names(runs)).isEmpty();
        assertThat(ResultsTables.register(db, dir)).doesNotContain("runs");
    }

    @Test
    void refusesBadSchemas() {
        Path runs = dir.resolve("runs");
        assertThatThrownBy(() -> ParquetChunkWriter.open(db, runs, List.of(Column.dbl("x"), Column.dbl("X")), 10))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> ParquetChunkWriter.open(db, runs, List.of(), 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ParquetChunkWriter.open(db, runs, Fixtures.RUNS, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
