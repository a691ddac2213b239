package org.qicsim.results.duckdb;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qicsim.results.UserInputException;

/**
 * The one reader of results folders: registers DuckDB views {@code design}, {@code runs},
 * {@code points}, {@code timeseries}, {@code sites} and {@code sensitivity} over whatever a {@code run},
 * {@code compare}, {@code attribute} or {@code sweep} folder holds, so every query sees the same tables whatever
 * wrote them; and {@code choices}, the participants' choices in a workshop site round's folder.
 *
 * <p>For each table T a folder offers, in order of preference, Parquet parts
 * {@code T/part-*.parquet} (a sweep's streamed tables), {@code T.parquet}, or {@code T.csv}, at the
 * top of the folder. A table the folder lacks is not registered, so a query naming it fails with
 * DuckDB's own "does not exist" error. Every folder kind has the same tables with the same columns,
 * at the top of the folder ({@code run}: point 0; {@code compare}: point k for its k-th design; a
 * sweep: its design points; {@code attribute}: mask + 1 for each combination of features). A compare
 * folder of the older layout (run rows in {@code designs/<k>-<name>/}), or an attribute folder of the
 * older layout (runs.csv numbered by {@code design}), is refused with what to do.
 *
 * <p>CSV is read with {@code header=true}, {@code all_varchar=false}, types sniffed from the whole
 * file ({@code sample_size=-1}, so a value late in a large file cannot contradict the sniffed type),
 * empty cells as NULL, and files of one table unified by column name. Two corrections keep CSV
 * folders answering like Parquet ones: {@code runSeed} (hexadecimal) is always text, even when
 * every seed happens to be all digits; and a column with no value at all (say, a metric that was
 * empty in every run) is read as DOUBLE rather than the sniffer's VARCHAR, so aggregates over it
 * give NULL instead of a type error.
 */
public final class ResultsTables {

    /** The tables a results folder may offer, in registration order. */
    public static final List<String> TABLES = List.of("design", "runs", "points", "timeseries", "sites",
            "sensitivity", "choices");

    private static final Pattern PART = Pattern.compile("part-(\\d+)\\.parquet");
    /** Columns that are text whatever they look like (MODEL.md §9: the run seed is hexadecimal). */
    private static final List<String> TEXT_COLUMNS = List.of("runSeed");

    private ResultsTables() {
    }

    private enum Format { CSV, PARQUET }

    /** Where one table of a folder lives. */
    private record Source(Format format, List<Path> files) {
    }

    /**
     * Registers (replacing any earlier registration) the views {@code folder} offers.
     *
     * @return the registered table names, in {@link #TABLES} order
     * @throws NoSuchFileException if {@code folder} is not a directory
     */
    public static List<String> register(DuckDb db, Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "not a results folder");
        }
        List<String> registered = new ArrayList<>();
        for (String table : TABLES) {
            List<Source> sources = new ArrayList<>();
            addSource(sources, folder, table);
            if (table.equals("runs") && sources.isEmpty()) {
                refuseOldCompareLayout(folder);
            }
            if (table.equals("runs")) {
                refuseOldAttributeLayout(folder);
            }
            try {
                db.execute("DROP VIEW IF EXISTS " + Sql.identifier(table));
                String select = !sources.isEmpty() ? select(db, sources) : null;
                if (select != null) {
                    db.execute("CREATE VIEW " + Sql.identifier(table) + " AS " + select);
                    registered.add(table);
                }
            } catch (SQLException e) {
                throw new IOException("cannot read table " + table + " of " + folder + ": " + e.getMessage(), e);
            }
        }
        return registered;
    }

    /**
     * A compare folder written before every command kept one layout holds its run rows in
     * {@code designs/<k>-<name>/}, not at the top: refused with what to do, rather than answered as
     * if it had no runs.
     */
    private static void refuseOldCompareLayout(Path folder) throws IOException {
        Path designs = folder.resolve("designs");
        if (!Files.isDirectory(designs)) {
            return;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(designs, Files::isDirectory)) {
            for (Path d : dirs) {
                if (Files.isRegularFile(d.resolve("runs.csv")) || Files.isDirectory(d.resolve("runs"))) {
                    throw new UserInputException(folder + " is a compare folder in the layout of qicsim before "
                            + "one layout for every command: its run rows are in designs/<k>-<name>/runs.csv rather "
                            + "than in the folder's runs table. Run the comparison again (its manifest.json holds "
                            + "the command line), or read the old files directly, e.g. in DuckDB: SELECT * FROM "
                            + "read_csv('" + designs + "/*/runs.csv', union_by_name=true)");
                }
            }
        }
    }

    /**
     * An attribute folder written before attribute kept the one layout numbers its runs.csv rows by
     * a {@code design} column (the feature mask) and has no {@code design} or {@code points} table:
     * refused with what to do, rather than answered with a table lacking {@code point}.
     */
    private static void refuseOldAttributeLayout(Path folder) throws IOException {
        Path runs = folder.resolve("runs.csv");
        if (!Files.isRegularFile(runs)) {
            return;
        }
        String header;
        try (BufferedReader in = Files.newBufferedReader(runs, StandardCharsets.UTF_8)) {
            header = in.readLine();
        }
        if (header != null && header.startsWith("design,")) {
            throw new UserInputException(folder + " is an attribute folder in the layout of qicsim before one "
                    + "layout for every command: its runs.csv numbers runs by design (the feature mask) rather than "
                    + "by point, and it has no design or points table. qicsim report still reads it; to query it, "
                    + "run the attribution again (its manifest.json holds the command line), or read the old file "
                    + "directly, e.g. in DuckDB: SELECT design + 1 AS point, * FROM read_csv('" + runs + "')");
        }
    }

    private static void addSource(List<Source> sources, Path folder, String table) throws IOException {
        List<Path> parts = parts(folder.resolve(table));
        if (!parts.isEmpty()) {
            sources.add(new Source(Format.PARQUET, parts));
            return;
        }
        Path parquet = folder.resolve(table + ".parquet");
        if (Files.isRegularFile(parquet)) {
            sources.add(new Source(Format.PARQUET, List.of(parquet)));
            return;
        }
        Path csv = folder.resolve(table + ".csv");
        // A zero-byte CSV (a writer killed before its header) holds no table.
        if (Files.isRegularFile(csv) && Files.size(csv) > 0) {
            sources.add(new Source(Format.CSV, List.of(csv)));
        }
    }

    /** Complete Parquet parts of {@code dir} in part-number order (temporary files never match). */
    public static List<Path> parts(Path dir) throws IOException {
        List<Path> parts = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return parts;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                if (PART.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p)) {
                    parts.add(p);
                }
            }
        }
        parts.sort(Comparator.comparingLong((Path p) -> partNumber(p)).thenComparing(Path::toString));
        return parts;
    }

    private static long partNumber(Path p) {
        Matcher m = PART.matcher(p.getFileName().toString());
        m.matches();
        String digits = m.group(1);
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    /** The SELECT over one table's files (one source: the folder's parts, Parquet file or CSV file). */
    private static String select(DuckDb db, List<Source> sources) throws IOException, SQLException {
        if (sources.get(0).format() == Format.CSV) {
            return csvSelect(db, sources);
        }
        return "SELECT * FROM read_parquet(" + Sql.list(files(sources)) + ", union_by_name=true)";
    }

    private static List<Path> files(List<Source> sources) {
        List<Path> files = new ArrayList<>();
        for (Source s : sources) {
            files.addAll(s.files());
        }
        return files;
    }

    private static String csvSelect(DuckDb db, List<Source> sources) throws IOException, SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        for (Source s : sources) {
            for (Path f : s.files()) {
                for (String column : header(f)) {
                    if (TEXT_COLUMNS.contains(column)) {
                        types.put(column, "VARCHAR");
                    }
                }
            }
        }
        String select = csvSelect(sources, types);
        List<String> emptyText = new ArrayList<>();
        try (Statement st = db.connection().createStatement()) {
            List<String> textColumns = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("DESCRIBE " + select)) {
                while (rs.next()) {
                    String name = rs.getString("column_name");
                    if ("VARCHAR".equals(rs.getString("column_type")) && !types.containsKey(name)) {
                        textColumns.add(name);
                    }
                }
            }
            if (!textColumns.isEmpty()) {
                StringBuilder counts = new StringBuilder("SELECT ");
                for (int i = 0; i < textColumns.size(); i++) {
                    counts.append(i == 0 ? "" : ", ").append("count(").append(Sql.identifier(textColumns.get(i))).append(')');
                }
                try (ResultSet rs = st.executeQuery(counts + " FROM (" + select + ")")) {
                    rs.next();
                    for (int i = 0; i < textColumns.size(); i++) {
                        if (rs.getLong(i + 1) == 0) {
                            emptyText.add(textColumns.get(i));
                        }
                    }
                }
            }
        }
        if (emptyText.isEmpty()) {
            return select;
        }
        for (String column : emptyText) {
            types.put(column, "DOUBLE");
        }
        return csvSelect(sources, types);
    }

    private static String csvSelect(List<Source> sources, Map<String, String> types) {
        StringBuilder sb = new StringBuilder("SELECT *");
        sb.append(" FROM read_csv(").append(Sql.list(files(sources)))
                .append(", header=true, all_varchar=false, nullstr='', sample_size=-1, union_by_name=true");
        if (!types.isEmpty()) {
            sb.append(", types={");
            int i = 0;
            for (Map.Entry<String, String> t : types.entrySet()) {
                sb.append(i++ == 0 ? "" : ", ").append(Sql.literal(t.getKey())).append(": ").append(Sql.literal(t.getValue()));
            }
            sb.append('}');
        }
        return sb.append(')').toString();
    }

    /** Column names from a CSV file's header row (quoted names unquoted). */
    static List<String> header(Path csv) throws IOException {
        String line;
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            line = in.readLine();
        }
        List<String> names = new ArrayList<>();
        if (line == null) {
            return names;
        }
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                names.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        names.add(cell.toString());
        return names;
    }
}
