package org.qicsim.results.duckdb;

import java.util.List;

/** Renders a {@link QueryTable} as plain aligned text: header, rule, rows, row count. */
final class TextTable {
    private TextTable() {
    }

    static String render(QueryTable t) {
        int n = t.columns().size();
        StringBuilder sb = new StringBuilder();
        if (n > 0) {
            int[] width = new int[n];
            for (int c = 0; c < n; c++) {
                width[c] = t.columns().get(c).length();
                for (List<String> row : t.rows()) {
                    width[c] = Math.max(width[c], show(row.get(c)).length());
                }
            }
            for (int c = 0; c < n; c++) {
                pad(sb, t.columns().get(c), width[c], t.numeric().get(c), c == n - 1);
            }
            sb.append('\n');
            for (int c = 0; c < n; c++) {
                sb.append(c > 0 ? "  " : "").append("-".repeat(width[c]));
            }
            sb.append('\n');
            for (List<String> row : t.rows()) {
                for (int c = 0; c < n; c++) {
                    pad(sb, show(row.get(c)), width[c], t.numeric().get(c), c == n - 1);
                }
                sb.append('\n');
            }
        }
        long total = t.totalRows();
        if (t.truncated()) {
            sb.append('(').append(t.rows().size()).append(" of ").append(total)
                    .append(" rows shown; write them all with --csv FILE)\n");
        } else {
            sb.append('(').append(total).append(total == 1 ? " row)\n" : " rows)\n");
        }
        return sb.toString();
    }

    private static String show(String cell) {
        return cell == null ? "NULL" : cell.replace("\n", "\\n");
    }

    private static void pad(StringBuilder sb, String text, int width, boolean right, boolean last) {
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
            sb.append("  ");
        }
        String fill = " ".repeat(width - text.length());
        if (right) {
            sb.append(fill).append(text);
        } else {
            sb.append(text);
            if (!last) {
                sb.append(fill);
            }
        }
    }
}
