package org.qicsim.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.qicsim.model.RunResult;
import org.qicsim.results.CsvWriter;
import org.qicsim.results.ResultsFolder;
import org.qicsim.results.duckdb.DuckDb;
import org.qicsim.results.duckdb.DuckDbUnavailableException;
import org.qicsim.results.duckdb.ParquetChunkWriter;
import org.qicsim.results.duckdb.ResultsTables;

/**
 * Rows as Parquet parts ({@code runs/part-000001.parquet}, …) written through one DuckDB
 * connection with the settings of ARCHITECTURE.md (one thread, 256 MB, spilling to a temporary
 * folder). A commit writes one part per table, {@code timeseries} and {@code sites} before
 * {@code runs}, so part k of every table holds the same runs; a part appears under its final name
 * only once complete. Reopening a folder deletes parts numbered beyond the last {@code runs} part
 * (rows of runs whose commit a killed process never finished), so the numbering stays in step.
 */
final class ParquetRunStore extends RunStore {
    /** DuckDB's spill folder inside the results folder, deleted when the store closes. */
    static final String SPILL = ".duckdb-tmp";
    private final ResultsFolder folder;
    private final Path dir;
    private final RunIndex index;
    private final DuckDb db;
    private final ParquetChunkWriter runs;
    private final ParquetChunkWriter timeseries;
    private final ParquetChunkWriter sites;
    private long lastCommit = System.nanoTime();

    private ParquetRunStore(ResultsFolder folder, Path dir, RunIndex index, boolean monthly, boolean keepSites, DuckDb db)
            throws IOException {
        super(monthly, keepSites);
        this.folder = folder;
        this.dir = dir;
        this.index = index;
        this.db = db;
        if (folder.isReopened()) {
            removeUncommittedParts(dir);
        }
        runs = ParquetChunkWriter.open(db, dir.resolve(StoreTables.RUNS), StoreTables.runs(), Integer.MAX_VALUE);
        timeseries = monthly ? ParquetChunkWriter.open(db, dir.resolve(StoreTables.TIMESERIES),
                StoreTables.timeseries(), Integer.MAX_VALUE) : null;
        sites = keepSites ? ParquetChunkWriter.open(db, dir.resolve(StoreTables.SITES),
                StoreTables.sites(), Integer.MAX_VALUE) : null;
    }

    static ParquetRunStore open(ResultsFolder folder, Path dir, RunIndex index, boolean monthly, boolean sites)
            throws IOException, DuckDbUnavailableException {
        // Spill inside the folder: a killed process leaves nothing outside it, and a resume clears it.
        DuckDb db = DuckDb.openWithSpillIn(folder.resolve(SPILL));
        try {
            return new ParquetRunStore(folder, dir, index, monthly, sites, db);
        } catch (IOException | RuntimeException e) {
            try {
                db.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static void removeUncommittedParts(Path dir) throws IOException {
        long last = lastPart(dir.resolve(StoreTables.RUNS));
        for (String table : List.of(StoreTables.TIMESERIES, StoreTables.SITES)) {
            for (Path part : ResultsTables.parts(dir.resolve(table))) {
                if (number(part) > last) {
                    Files.delete(part);
                }
            }
        }
    }

    private static long lastPart(Path tableDir) throws IOException {
        List<Path> parts = ResultsTables.parts(tableDir);
        return parts.isEmpty() ? 0 : number(parts.get(parts.size() - 1));
    }

    private static long number(Path part) {
        String name = part.getFileName().toString();
        return Long.parseLong(name.substring("part-".length(), name.length() - ".parquet".length()));
    }

    @Override
    public String format() {
        return "parquet";
    }

    @Override
    public BitSet stored() throws IOException {
        BitSet stored = new BitSet();
        if (!ResultsTables.register(db, dir).contains(StoreTables.RUNS)) {
            return stored;
        }
        try (Statement s = db.connection().createStatement();
                ResultSet rs = s.executeQuery("SELECT point, replicate FROM runs")) {
            while (rs.next()) {
                StoredRuns.add(stored, index, rs.getInt(1), rs.getInt(2));
            }
        } catch (SQLException e) {
            throw new IOException("cannot read the stored runs: " + e.getMessage(), e);
        }
        return stored;
    }

    @Override
    void append(String table, Object[] row) throws IOException {
        switch (table) {
            case StoreTables.RUNS -> runs.append(row);
            case StoreTables.TIMESERIES -> timeseries.append(row);
            case StoreTables.SITES -> sites.append(row);
            default -> throw new IllegalArgumentException("no table " + table);
        }
    }

    @Override
    boolean flushIfDue() throws IOException {
        int waiting = Math.max(runs.rowsBuffered(), Math.max(timeseries == null ? 0 : timeseries.rowsBuffered(),
                sites == null ? 0 : sites.rowsBuffered()));
        if (waiting >= ParquetChunkWriter.DEFAULT_CHUNK_ROWS || System.nanoTime() - lastCommit >= commitEveryNanos()) {
            flushAll();
            return true;
        }
        return false;
    }

    @Override
    void flushAll() throws IOException {
        if (timeseries != null) {
            beforeTableFlush(StoreTables.TIMESERIES);
            timeseries.flush();
        }
        if (sites != null) {
            beforeTableFlush(StoreTables.SITES);
            sites.flush();
        }
        beforeTableFlush(StoreTables.RUNS);
        runs.flush();
        lastCommit = System.nanoTime();
    }

    @Override
    public void readRuns(int from, int to, RunRows rows) throws IOException {
        commit();
        if (!ResultsTables.register(db, dir).contains(StoreTables.RUNS)) {
            return;
        }
        StringBuilder sql = new StringBuilder("SELECT point, replicate");
        for (String m : RunResult.METRICS) {
            sql.append(", \"").append(m.replace("\"", "\"\"")).append('"');
        }
        sql.append(" FROM runs WHERE point >= ? AND point < ?");
        double[] metrics = new double[RunResult.METRICS.size()];
        try (PreparedStatement ps = db.connection().prepareStatement(sql.toString())) {
            ps.setInt(1, from);
            ps.setInt(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (int i = 0; i < metrics.length; i++) {
                        double v = rs.getDouble(3 + i);
                        metrics[i] = rs.wasNull() ? Double.NaN : v;
                    }
                    rows.accept(rs.getInt(1), rs.getInt(2), metrics);
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot read the stored runs: " + e.getMessage(), e);
        }
    }

    @Override
    public PointRows points() throws IOException {
        deleteTree(dir.resolve(StoreTables.POINTS));
        Files.deleteIfExists(dir.resolve(StoreTables.POINTS + ".csv"));
        ParquetChunkWriter parquet = ParquetChunkWriter.open(db, dir.resolve(StoreTables.POINTS), StoreTables.points(),
                ParquetChunkWriter.DEFAULT_CHUNK_ROWS);
        CsvWriter csv = CsvWriter.create(dir.resolve(StoreTables.POINTS + ".csv"), StoreTables.names(StoreTables.points()));
        return new PointRows() {
            @Override
            public void row(int point, String metric, double mean, double sd, double ciLow, double ciHigh, Integer n)
                    throws IOException {
                Object[] row = {point, metric, value(mean), value(sd), value(ciLow), value(ciHigh), n};
                parquet.append(row);
                csv.row(row);
            }

            @Override
            public void close() throws IOException {
                try (csv) {
                    parquet.close();
                }
            }
        };
    }

    private static Double value(double v) {
        return Double.isNaN(v) ? null : v;
    }

    @Override
    public void close() throws IOException {
        List<Exception> failures = new ArrayList<>();
        // A failed store drops what waits in DuckDB: closing a writer would flush it.
        for (ParquetChunkWriter w : isFailed() ? new ParquetChunkWriter[0]
                : new ParquetChunkWriter[] {timeseries, sites, runs}) {
            if (w != null) {
                try {
                    w.close();
                } catch (IOException | RuntimeException e) {
                    failures.add(e);
                }
            }
        }
        try {
            db.close();
        } catch (SQLException e) {
            failures.add(e);
        }
        if (!failures.isEmpty()) {
            IOException e = new IOException("closing the sweep's Parquet store: " + failures.get(0).getMessage(),
                    failures.get(0));
            failures.subList(1, failures.size()).forEach(e::addSuppressed);
            throw e;
        }
    }
}
