package org.qicsim.patterns;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.qicsim.results.CsvWriter;
import org.qicsim.results.ResultsFolder;

/**
 * The scorecard of a {@code qicsim patterns} run: {@code scorecard.csv} with exactly the columns of
 * {@link PatternResult#COLUMNS} (empty cells where a value does not apply), {@code scorecard.json}
 * with the same content (null for empty), one subfolder per pattern with its run tables, and the
 * printed table, one line per pattern.
 */
public final class Scorecard {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Scorecard() {
    }

    /** Writes scorecard.csv, scorecard.json and each pattern's {@code <id>/<table>.csv} into the folder. */
    public static void write(ResultsFolder folder, List<PatternResult> results) throws IOException {
        try (CsvWriter csv = folder.csv("scorecard.csv", PatternResult.COLUMNS)) {
            for (PatternResult r : results) {
                csv.cell(r.id()).cell(r.set().yamlName()).cell(r.title()).cell(r.metric());
                for (double v : new double[] {r.estimate(), r.ciLow(), r.ciHigh(), r.bandLow(), r.bandHigh()}) {
                    if (Double.isNaN(v)) {
                        csv.missing();
                    } else {
                        csv.cell(v);
                    }
                }
                csv.cell(r.verdict().text()).cell(r.reason()).endRow();
            }
        }
        ArrayNode array = MAPPER.createArrayNode();
        for (PatternResult r : results) {
            ObjectNode o = array.addObject();
            o.put("id", r.id());
            o.put("set", r.set().yamlName());
            o.put("title", r.title());
            o.put("metric", r.metric());
            number(o, "estimate", r.estimate());
            number(o, "ciLow", r.ciLow());
            number(o, "ciHigh", r.ciHigh());
            number(o, "bandLow", r.bandLow());
            number(o, "bandHigh", r.bandHigh());
            o.put("verdict", r.verdict().text());
            o.put("reason", r.reason());
        }
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        Files.writeString(folder.resolve("scorecard.json"), MAPPER.writer(pretty).writeValueAsString(array) + "\n",
                StandardCharsets.UTF_8);
        for (PatternResult r : results) {
            for (Table t : r.tables()) {
                try (CsvWriter csv = folder.csv(r.id() + "/" + t.name() + ".csv", t.header())) {
                    for (List<Object> row : t.rows()) {
                        for (Object cell : row) {
                            if (cell == null || (cell instanceof Double d && Double.isNaN(d))) {
                                csv.missing();
                            } else {
                                csv.cellOf(cell);
                            }
                        }
                        csv.endRow();
                    }
                }
            }
        }
    }

    private static void number(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }

    /** The printed scorecard: a header, then one line per pattern with its verdict and reason. */
    public static void print(PrintWriter out, List<PatternResult> results) {
        out.printf(Locale.ROOT, "%-30s %-11s %10s  %-23s  %-23s  %s%n", "pattern", "set", "estimate", "95% CI", "band",
                "verdict");
        for (PatternResult r : results) {
            out.printf(Locale.ROOT, "%-30s %-11s %10s  %-23s  %-23s  %s%s%n", r.id(), r.set().yamlName(), num(r.estimate()),
                    interval(r.ciLow(), r.ciHigh()), interval(r.bandLow(), r.bandHigh()), r.verdict().text(),
                    r.reason().isEmpty() ? "" : " — " + r.reason());
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4g", v);
    }

    private static String interval(double lo, double hi) {
        if (Double.isNaN(lo) && Double.isNaN(hi)) {
            return "";
        }
        return "[" + (Double.isNaN(lo) ? "-inf" : num(lo)) + ", " + (Double.isNaN(hi) ? "inf" : num(hi)) + "]";
    }

}
