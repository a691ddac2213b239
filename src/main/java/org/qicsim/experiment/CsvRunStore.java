package org.qicsim.experiment;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.qicsim.model.RunResult;
import org.qicsim.results.CsvWriter;
import org.qicsim.results.Outputs;
import org.qicsim.results.ResultsFolder;
import org.qicsim.results.duckdb.Column;

/**
 * Rows as CSV files in the run layout ({@code runs.csv}, {@code timeseries.csv}, {@code sites.csv},
 * MODEL.md §9 encoding), for machines where DuckDB cannot load. Rows wait in memory and reach the
 * files whole at each commit ({@link RowBuffer}), monthly and site rows before run rows. Reopening a
 * folder drops a line a killed process left half written and the monthly and site rows of runs
 * whose {@code runs} row never made it, so the files again hold exactly the stored runs.
 */
public final class CsvRunStore extends RunStore {
    public static final String RUNS_CSV = StoreTables.RUNS + ".csv";
    /** Characters a file may hold back before a commit is due. */
    private static final int MAX_PENDING = 8 << 20;

    private final ResultsFolder folder;
    /** The folder the tables are in: the results folder, or a design's folder in it. */
    private final Path dir;
    private final RunIndex index;
    private final BitSet stored;
    private final List<RowBuffer> buffers = new ArrayList<>();
    private final CsvWriter runs;
    private final CsvWriter timeseries;
    private final CsvWriter sites;
    private long lastCommit = System.nanoTime();

    private CsvRunStore(ResultsFolder folder, Path dir, RunIndex index, boolean monthly, boolean keepSites)
            throws IOException {
        super(monthly, keepSites);
        this.folder = folder;
        this.dir = dir;
        this.index = index;
        Path runsFile = dir.resolve(RUNS_CSV);
        boolean continuing = folder.isReopened() && CsvWriter.readyToAppend(runsFile, StoreTables.names(StoreTables.runs()));
        stored = continuing ? readStored(runsFile, index) : new BitSet();
        if (folder.isReopened()) {
            keepStoredRuns(dir.resolve(StoreTables.TIMESERIES + ".csv"), StoreTables.timeseries());
            keepStoredRuns(dir.resolve(StoreTables.SITES + ".csv"), StoreTables.sites());
        }
        timeseries = monthly ? writer(StoreTables.TIMESERIES, StoreTables.timeseries()) : null;
        sites = keepSites ? writer(StoreTables.SITES, StoreTables.sites()) : null;
        runs = writer(StoreTables.RUNS, StoreTables.runs());
    }

    static CsvRunStore open(ResultsFolder folder, Path dir, RunIndex index, boolean monthly, boolean sites)
            throws IOException {
        return new CsvRunStore(folder, dir, index, monthly, sites);
    }

    private CsvWriter writer(String table, List<Column> columns) throws IOException {
        Path file = dir.resolve(table + ".csv");
        List<String> header = StoreTables.names(columns);
        boolean hasHeader = folder.isReopened() && CsvWriter.readyToAppend(file, header);
        if (!folder.isReopened() && Files.exists(file)) {
            throw new IOException(file + " exists in a new results folder");
        }
        RowBuffer buffer = new RowBuffer(file);
        buffers.add(buffer);
        CsvWriter csv = hasHeader ? CsvWriter.continuing(buffer, header) : new CsvWriter(buffer, header);
        buffer.flush();
        return csv;
    }

    private static BitSet readStored(Path runsFile, RunIndex index) throws IOException {
        BitSet stored = new BitSet();
        try (BufferedReader in = Files.newBufferedReader(runsFile, StandardCharsets.UTF_8)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int[] key = key(line, runsFile);
                StoredRuns.add(stored, index, key[0], key[1]);
            }
        }
        return stored;
    }

    /** Rewrites {@code file} without rows of runs that are not stored, if it has any. */
    private void keepStoredRuns(Path file, List<Column> columns) throws IOException {
        if (!CsvWriter.readyToAppend(file, StoreTables.names(columns))) {
            return;
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        boolean dropped = false;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header != null) {
                out.write(header);
                out.write('\n');
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int[] key = key(line, file);
                boolean known = index.contains(key[0], key[1]) && stored.get(index.index(key[0], key[1]));
                if (known) {
                    out.write(line);
                    out.write('\n');
                } else {
                    dropped = true;
                }
            }
        }
        if (dropped) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.delete(tmp);
        }
    }

    /** (point, replicate) from the first two cells of a row; a line cut short is dropped before this is called. */
    private static int[] key(String line, Path file) throws IOException {
        int a = line.indexOf(',');
        int b = a < 0 ? -1 : line.indexOf(',', a + 1);
        try {
            return new int[] {Integer.parseInt(line.substring(0, a)), Integer.parseInt(line.substring(a + 1, b))};
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a row of a sweep table: " + line, e);
        }
    }

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public BitSet stored() {
        return (BitSet) stored.clone();
    }

    @Override
    void append(String table, Object[] row) throws IOException {
        switch (table) {
            case StoreTables.RUNS -> runs.row(row);
            case StoreTables.TIMESERIES -> timeseries.row(row);
            case StoreTables.SITES -> sites.row(row);
            default -> throw new IllegalArgumentException("no table " + table);
        }
    }

    @Override
    boolean flushIfDue() throws IOException {
        int waiting = 0;
        for (RowBuffer b : buffers) {
            waiting = Math.max(waiting, b.pending());
        }
        if (waiting >= MAX_PENDING || System.nanoTime() - lastCommit >= commitEveryNanos()) {
            flushAll();
            return true;
        }
        return false;
    }

    @Override
    void flushAll() throws IOException {
        // Buffers were created monthly and site tables first, runs last: flush in that order.
        for (RowBuffer b : buffers) {
            if (faultDue()) {
                b.writeHalf();
            }
            beforeTableFlush(b.name());
            b.flush();
        }
        lastCommit = System.nanoTime();
    }

    @Override
    public void readRuns(int from, int to, RunRows rows) throws IOException {
        flushAll();
        Path file = dir.resolve(RUNS_CSV);
        int n = RunResult.METRICS.size();
        double[] metrics = new double[n];
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cells = line.split(",", -1);
                if (cells.length != 3 + n) {
                    throw new IOException(file + ": a row with " + cells.length + " cells: " + line);
                }
                int point = Integer.parseInt(cells[0]);
                if (point < from || point >= to) {
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    String cell = cells[3 + i];
                    metrics[i] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
                }
                rows.accept(point, Integer.parseInt(cells[1]), metrics);
            }
        }
    }

    @Override
    public PointRows points() throws IOException {
        Path file = dir.resolve(StoreTables.POINTS + ".csv");
        Files.deleteIfExists(file);
        CsvWriter csv = CsvWriter.create(file, StoreTables.names(StoreTables.points()));
        return new PointRows() {
            @Override
            public void row(int point, String metric, double mean, double sd, double ciLow, double ciHigh, Integer n)
                    throws IOException {
                csv.row(point, metric, mean, sd, ciLow, ciHigh, n);
            }

            @Override
            public void close() throws IOException {
                csv.close();
            }
        };
    }

    @Override
    public void close() throws IOException {
        if (isFailed()) {
            // Nothing more reaches the files: closing a writer would flush what waits.
            buffers.forEach(RowBuffer::discard);
        }
        Outputs.closeAll(null, Arrays.asList(timeseries, sites, runs));
    }
}
