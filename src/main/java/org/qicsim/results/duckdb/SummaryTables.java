package org.qicsim.results.duckdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The {@code points} and {@code design} tables of {@code run} and {@code compare} folders, which
 * have no such files: their {@code summary.json} (MODEL.md §9) is the per-point summary, so it is
 * read here into a small table with the columns a sweep's {@code points} table has
 * ({@code point, metric, mean, sd, ciLow, ciHigh, n}), and the summary's identity fields make the
 * {@code design} table ({@code point, scenario, scenarioHash, worldHash, masterSeed,
 * replications}). A run folder is point 0; a compare folder's design {@code <k>-<name>} is point k
 * and adds the leading {@code design} column every compare table has.
 *
 * <p>Numbers are copied exactly as the JSON holds them (JSON null is SQL NULL), so a query over
 * {@code points} answers with the numbers of {@code summary.json}. {@code costPerEventAverted}
 * becomes the row of that name: ratio as {@code mean}, its bootstrap interval, {@code sd} and
 * {@code n} NULL, and every value NULL when it is "dominated".
 */
final class SummaryTables {
    static final String SUMMARY = "summary.json";
    private static final String COST = "costPerEventAverted";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SummaryTables() {
    }

    /** One design's summary: its compare design name (null in a run folder) and point. */
    private record Summary(String design, int point, JsonNode json) {
    }

    /**
     * A SELECT giving {@code table} from the folder's summaries, or null when the table is not
     * one of theirs or there are none.
     *
     * @param designs a compare folder's design folders by name, in order; empty for a run folder
     */
    static String select(DuckDb db, String table, Path folder, Map<String, Path> designs)
            throws IOException, SQLException {
        if (!table.equals("points") && !table.equals("design")) {
            return null;
        }
        List<Summary> summaries = read(folder, designs);
        if (summaries.isEmpty()) {
            return null;
        }
        boolean compare = !designs.isEmpty();
        String scratch = "qicsim_summary_" + table;
        List<Column> columns = new ArrayList<>();
        if (compare) {
            columns.add(Column.varchar("design"));
        }
        columns.add(Column.integer("point"));
        if (table.equals("points")) {
            columns.addAll(List.of(Column.varchar("metric"), Column.dbl("mean"), Column.dbl("sd"), Column.dbl("ciLow"),
                    Column.dbl("ciHigh"), Column.integer("n")));
        } else {
            columns.addAll(List.of(Column.varchar("scenario"), Column.varchar("scenarioHash"),
                    Column.varchar("worldHash"), Column.bigint("masterSeed"), Column.integer("replications")));
        }
        StringBuilder ddl = new StringBuilder();
        StringBuilder names = new StringBuilder();
        for (Column c : columns) {
            ddl.append(ddl.length() == 0 ? "" : ", ").append(Sql.identifier(c.name())).append(' ').append(c.type());
            names.append(names.length() == 0 ? "" : ", ").append(Sql.identifier(c.name()));
        }
        db.execute("CREATE OR REPLACE TABLE " + Sql.identifier(scratch) + " (" + ddl + ")");
        try (DuckDBAppender appender = db.connection().createAppender(DuckDBConnection.DEFAULT_SCHEMA, scratch)) {
            for (Summary s : summaries) {
                if (table.equals("points")) {
                    appendPoints(appender, s, compare);
                } else {
                    appendDesign(appender, s, compare);
                }
            }
        }
        return "SELECT " + names + " FROM " + Sql.identifier(scratch);
    }

    private static List<Summary> read(Path folder, Map<String, Path> designs) throws IOException {
        List<Summary> out = new ArrayList<>();
        if (designs.isEmpty()) {
            Path file = folder.resolve(SUMMARY);
            if (Files.isRegularFile(file)) {
                out.add(new Summary(null, 0, parse(file)));
            }
            return out;
        }
        for (Map.Entry<String, Path> d : designs.entrySet()) {
            Path file = d.getValue().resolve(SUMMARY);
            if (Files.isRegularFile(file)) {
                String name = d.getKey();
                out.add(new Summary(name, Integer.parseInt(name.substring(0, name.indexOf('-'))), parse(file)));
            }
        }
        return out;
    }

    private static JsonNode parse(Path file) throws IOException {
        JsonNode node = JSON.readTree(file.toFile());
        if (node == null || !node.isObject()) {
            throw new IOException(file + " is not a JSON object");
        }
        return node;
    }

    private static void appendPoints(DuckDBAppender a, Summary s, boolean compare) throws SQLException {
        JsonNode metrics = s.json().path("metrics");
        for (var field : metrics.properties()) {
            JsonNode m = field.getValue();
            start(a, s, compare);
            a.append(field.getKey());
            number(a, m.get("mean"));
            number(a, m.get("sd"));
            number(a, m.get("ciLow"));
            number(a, m.get("ciHigh"));
            JsonNode n = m.get("n");
            if (n == null || n.isNull()) {
                a.appendNull();
            } else {
                a.append(n.asInt());
            }
            a.endRow();
        }
        JsonNode cost = s.json().get(COST);
        if (cost != null) {
            start(a, s, compare);
            a.append(COST);
            boolean ratio = cost.isObject();
            number(a, ratio ? cost.get("mean") : null);
            a.appendNull();
            number(a, ratio ? cost.get("ciLow") : null);
            number(a, ratio ? cost.get("ciHigh") : null);
            a.appendNull();
            a.endRow();
        }
    }

    private static void appendDesign(DuckDBAppender a, Summary s, boolean compare) throws SQLException {
        JsonNode j = s.json();
        start(a, s, compare);
        text(a, j.get("scenario"));
        text(a, j.get("scenarioHash"));
        text(a, j.get("worldHash"));
        JsonNode seed = j.get("masterSeed");
        if (seed == null || !seed.isIntegralNumber()) {
            a.appendNull();
        } else {
            a.append(seed.asLong());
        }
        JsonNode reps = j.get("replications");
        if (reps == null || !reps.isIntegralNumber()) {
            a.appendNull();
        } else {
            a.append(reps.asInt());
        }
        a.endRow();
    }

    private static void start(DuckDBAppender a, Summary s, boolean compare) throws SQLException {
        a.beginRow();
        if (compare) {
            a.append(s.design());
        }
        a.append(s.point());
    }

    private static void number(DuckDBAppender a, JsonNode v) throws SQLException {
        if (v == null || !v.isNumber()) {
            a.appendNull();
        } else {
            a.append(v.doubleValue());
        }
    }

    private static void text(DuckDBAppender a, JsonNode v) throws SQLException {
        if (v == null || v.isNull()) {
            a.appendNull();
        } else {
            a.append(v.asText());
        }
    }
}
