package org.qicsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report page: a heading, the plain-language summary first, then sections of a chart, a short
 * explanation and the chart's numbers in a table, and the provenance footer. One file with its
 * styles inline and no script, so it opens offline, prints, and reads in a screen reader.
 */
final class Page {
    private static final String CSS = """
            :root { color-scheme: light; }
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
                   color: #1a1a1a; background: #fff; max-width: 1180px; margin: 0 auto; padding: 1.5rem;
                   line-height: 1.45; }
            h1 { font-size: 1.7rem; margin-bottom: .2rem; }
            h2 { font-size: 1.3rem; margin-top: 2.2rem; border-bottom: 2px solid #0072B2; padding-bottom: .2rem; }
            h3 { font-size: 1.05rem; margin-top: 1.4rem; }
            .subtitle { color: #555; margin-top: 0; }
            .summary { background: #f3f7fb; border-left: 5px solid #0072B2; padding: .6rem 1.2rem; }
            .summary li { margin: .35rem 0; }
            .figure { display: flex; flex-wrap: wrap; gap: 1.2rem; align-items: flex-start; }
            .figure > figure { flex: 1 1 560px; margin: 0; }
            .figure > .table-wrap { flex: 1 1 380px; }
            .figure.wide { display: block; }
            .figure.wide > figure { max-width: 820px; }
            td:not(:has(.num)) { text-align: left; }
            svg.chart { width: 100%; height: auto; display: block; }
            figcaption { font-size: .9rem; color: #444; margin-top: .3rem; }
            .table-wrap { overflow-x: auto; }
            table { border-collapse: collapse; font-size: .86rem; margin: .4rem 0 1rem; }
            caption { text-align: left; font-weight: 600; padding-bottom: .3rem; }
            th, td { border-bottom: 1px solid #ddd; padding: .25rem .55rem; text-align: right; vertical-align: top; }
            th[scope=row], thead th:first-child { text-align: left; }
            thead th { border-bottom: 2px solid #999; }
            .num { white-space: nowrap; }
            .note { color: #555; font-size: .9rem; }
            .verdict-pass { color: #00603d; font-weight: 600; }
            .verdict-fail { color: #a33a00; font-weight: 600; }
            footer { margin-top: 3rem; border-top: 1px solid #ccc; font-size: .82rem; color: #444; }
            footer table { font-size: .8rem; }
            footer th, footer td { text-align: left; }
            @media print {
              body { max-width: none; padding: 0; }
              h2 { break-after: avoid; }
              figure, table, .figure { break-inside: avoid; }
              .summary { border: 1px solid #999; }
            }
            """;

    private final String title;
    private final String subtitle;
    private final List<String> summary = new ArrayList<>();
    private final Html body = new Html();
    private int charts;

    Page(String title, String subtitle) {
        this.title = title;
        this.subtitle = subtitle;
    }

    /** A unique id for the next chart. */
    String chartId() {
        charts++;
        return "chart" + charts;
    }

    /** A sentence of the plain-language summary (HTML: numbers wrapped by {@link Html#num}). */
    void summary(String sentenceHtml) {
        summary.add(sentenceHtml);
    }

    Html body() {
        return body;
    }

    /** A section heading and its short explanation for a reader new to the chart. */
    void section(String heading, String explanation) {
        body.raw("<section>\n<h2>" + Html.escape(heading) + "</h2>\n");
        if (explanation != null) {
            body.paragraph(Html.escape(explanation));
        }
    }

    void endSection() {
        body.raw("</section>\n");
    }

    /**
     * A chart beside its table; when the chart has nothing to draw ({@code svg} null) a sentence says
     * so and the table still shows what there is.
     */
    void figure(String svg, String caption, String tableHtml) {
        figure(svg, caption, tableHtml, false);
    }

    /** As {@link #figure(String, String, String)}; {@code wide} puts a wide table below the chart. */
    void figure(String svg, String caption, String tableHtml, boolean wide) {
        body.raw(wide ? "<div class=\"figure wide\">\n" : "<div class=\"figure\">\n");
        if (svg != null) {
            body.raw("<figure>\n" + svg + "<figcaption>" + Html.escape(caption) + "</figcaption>\n</figure>\n");
        } else {
            body.raw("<p class=\"note\">Nothing to draw: every value is missing.</p>\n");
        }
        body.raw(tableHtml);
        body.raw("</div>\n");
    }

    String render(JsonNode manifest) {
        Html page = new Html();
        page.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"generator\" content=\"qicsim report\">\n<title>")
                .text(title).raw("</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n<header>\n<h1>").text(title)
                .raw("</h1>\n<p class=\"subtitle\">").text(subtitle).raw("</p>\n</header>\n<main>\n")
                .raw("<section class=\"summary\" aria-labelledby=\"summary-heading\">\n"
                        + "<h2 id=\"summary-heading\">In brief</h2>\n<ul>\n");
        for (String s : summary) {
            page.raw("<li>").raw(s).raw("</li>\n");
        }
        page.raw("</ul>\n</section>\n").raw(body.toString()).raw("</main>\n");
        page.raw(provenance(manifest));
        page.raw("</body>\n</html>\n");
        return page.toString();
    }

    /** The footer: who made these results, how, when, from what (manifest.json). */
    private static String provenance(JsonNode manifest) {
        Html f = new Html();
        f.raw("<footer class=\"provenance\">\n<h2>Provenance</h2>\n");
        if (manifest == null || !manifest.isObject()) {
            f.note("This folder has no manifest.json: its provenance is unknown.");
            return f.raw("</footer>\n").toString();
        }
        f.paragraph("From <code>manifest.json</code>: the build, machine, command and seeds that produced these "
                + "results, so that they can be reproduced.");
        f.raw("<table>\n<tbody>\n");
        for (Map.Entry<String, JsonNode> field : manifest.properties()) {
            JsonNode v = field.getValue();
            String text;
            if (field.getKey().equals("commandLine") && v.isArray()) {
                List<String> args = new ArrayList<>();
                v.forEach(a -> args.add(a.asText()));
                text = "qicsim " + String.join(" ", args);
            } else if (v.isValueNode()) {
                text = v.isNull() ? "—" : v.asText();
            } else if (v.isArray() && v.size() <= 20 && allValues(v)) {
                List<String> items = new ArrayList<>();
                v.forEach(a -> items.add(a.asText()));
                text = String.join(", ", items);
            } else {
                continue; // nested records (sweep sessions) stay in manifest.json
            }
            f.raw("<tr><th scope=\"row\">").text(field.getKey()).raw("</th><td>").text(text).raw("</td></tr>\n");
        }
        f.raw("</tbody>\n</table>\n</footer>\n");
        return f.toString();
    }

    private static boolean allValues(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isValueNode()) {
                return false;
            }
        }
        return true;
    }
}
