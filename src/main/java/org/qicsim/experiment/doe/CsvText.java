package org.qicsim.experiment.doe;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The results CSV conventions (MODEL.md §9) for {@code design.csv}: {@code ,} and {@code \n},
 * empty cell for null, {@link Double#toString} for doubles (locale-free, round-trips exactly),
 * {@code true/false}, and RFC 4180 quoting only when a text cell needs it.
 */
final class CsvText {
    private CsvText() {
    }

    static void row(Writer out, List<Object> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write('\n');
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return Double.toString(d);
        }
        String s = value.toString();
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
