package org.qicsim.report;

import java.util.List;

/**
 * A small HTML writer: escaped text, numbers with their source (see the package description) and
 * tables. Elements are appended in document order; nothing here reads files.
 */
final class Html {
    private final StringBuilder out = new StringBuilder(64 * 1024);

    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * A number as {@code <span class="num" data-value=… data-source=…>text</span>}: the exact value
     * (Java's shortest round-trip form, {@code NaN} when missing) and where it was read.
     */
    static String num(double value, Style style, Source source) {
        return "<span class=\"num\" data-value=\"" + value + "\" data-source=\"" + escape(source.toString()) + "\">"
                + escape(style.format(value)) + "</span>";
    }

    /** An interval {@code low to high} of two sourced numbers, or "n/a" when both are missing. */
    static String interval(double low, double high, Style style, Source lowSource, Source highSource) {
        return num(low, style, lowSource) + " to " + num(high, style, highSource);
    }

    Html raw(String html) {
        out.append(html);
        return this;
    }

    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    Html paragraph(String html) {
        out.append("<p>").append(html).append("</p>\n");
        return this;
    }

    /** A note for the reader in a muted paragraph. */
    Html note(String text) {
        out.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
        return this;
    }

    /**
     * A table: {@code header} cells are text; each row's cells are HTML (numbers already wrapped by
     * {@link #num}); the first cell of a row is its header cell.
     */
    Html table(String caption, List<String> header, List<List<String>> rows) {
        out.append("<div class=\"table-wrap\"><table class=\"numbers\">\n<caption>").append(escape(caption))
                .append("</caption>\n<thead><tr>");
        for (String h : header) {
            out.append("<th scope=\"col\">").append(escape(h)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            out.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                if (i == 0) {
                    out.append("<th scope=\"row\">").append(row.get(i)).append("</th>");
                } else {
                    out.append("<td>").append(row.get(i)).append("</td>");
                }
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table></div>\n");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
