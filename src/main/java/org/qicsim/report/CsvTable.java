package org.qicsim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.qicsim.results.UserInputException;

/**
 * A CSV file of a results folder read whole as text cells (RFC 4180: quoted cells may hold
 * {@code ,}, {@code "} and line breaks). Numbers are parsed on demand; an empty cell is missing
 * ({@code NaN}). Used only for the summary tables a report shows, which are small; the per-run
 * tables are read row by row through {@link #rows()} as well, which is fine for a run or compare
 * folder (a sweep's run rows are Parquet and are not read).
 */
public final class CsvTable {
    private final String name;
    private final List<String> header;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<List<String>> rows;

    private CsvTable(String name, List<String> header, List<List<String>> rows) {
        this.name = name;
        this.header = List.copyOf(header);
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i), i);
        }
        this.rows = rows;
    }

    /** Reads {@code file}; {@code name} is how messages name it (its path in the folder). */
    public static CsvTable read(Path file, String name) throws IOException {
        List<List<String>> records = parse(Files.readString(file, StandardCharsets.UTF_8), name);
        if (records.isEmpty()) {
            throw new UserInputException(name + ": empty file, expected a header row");
        }
        List<String> header = records.get(0);
        List<List<String>> rows = new ArrayList<>(records.subList(1, records.size()));
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).size() != header.size()) {
                throw new UserInputException(name + ":" + (r + 2) + ": " + rows.get(r).size() + " cells, the header has "
                        + header.size());
            }
        }
        return new CsvTable(name, header, rows);
    }

    /** Parses CSV text into records of cells. */
    static List<List<String>> parse(String text, String name) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || cell.length() > 0) {
                    record.add(cell.toString());
                    records.add(record);
                }
                record = new ArrayList<>();
                cell.setLength(0);
                any = false;
                line++;
            } else {
                cell.append(c);
                any = true;
            }
        }
        if (quoted) {
            throw new UserInputException(name + ":" + line + ": a quoted cell is not closed");
        }
        if (any || cell.length() > 0) {
            record.add(cell.toString());
            records.add(record);
        }
        return records;
    }

    public String name() {
        return name;
    }

    public List<String> header() {
        return header;
    }

    public boolean has(String column) {
        return index.containsKey(column);
    }

    public int size() {
        return rows.size();
    }

    public List<Row> rows() {
        List<Row> all = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            all.add(new Row(r));
        }
        return Collections.unmodifiableList(all);
    }

    public List<Row> rows(Predicate<Row> filter) {
        List<Row> kept = new ArrayList<>();
        for (Row row : rows()) {
            if (filter.test(row)) {
                kept.add(row);
            }
        }
        return kept;
    }

    /** The rows whose {@code column} holds exactly {@code value} (a compare design's rows by point), same name. */
    public CsvTable where(String column, String value) {
        Integer c = index.get(column);
        List<List<String>> kept = new ArrayList<>();
        if (c != null) {
            for (List<String> row : rows) {
                if (value.equals(row.get(c))) {
                    kept.add(row);
                }
            }
        }
        return new CsvTable(name, header, kept);
    }

    /** Fails with a message naming the file and the missing columns unless every one is present. */
    public CsvTable require(String... columns) {
        List<String> missing = new ArrayList<>();
        for (String c : columns) {
            if (!has(c)) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            throw new UserInputException(name + ": missing column" + (missing.size() == 1 ? "" : "s") + " "
                    + String.join(", ", missing) + " (the header is " + String.join(",", header) + ")");
        }
        return this;
    }

    /** One data row. */
    public final class Row {
        private final int r;

        private Row(int r) {
            this.r = r;
        }

        /** The cell's text, or "" when the column does not exist. */
        public String text(String column) {
            Integer c = index.get(column);
            return c == null ? "" : rows.get(r).get(c);
        }

        /**
         * The cell as a number; NaN when empty, absent or not a number (a results file writes
         * missing values as empty cells; other text is treated as missing rather than failing).
         */
        public double number(String column) {
            String t = text(column).trim();
            if (t.isEmpty()) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
    }
}
