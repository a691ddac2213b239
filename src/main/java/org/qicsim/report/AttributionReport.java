package org.qicsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report of an attribute folder: each of the five features' Shapley value and main effect on
 * every metric, with intervals ({@code attribution.csv}), the interaction share, the 32 designs
 * ({@code designs.csv}) and cost-effectiveness ({@code cea.csv}, {@code ceac.csv}).
 */
final class AttributionReport {
    private static final int MAX_DESIGN_ROWS = 40;

    private AttributionReport() {
    }

    static Page render(ResultsDir dir, JsonNode manifest) throws IOException {
        JsonNode summary = dir.has("summary.json") ? dir.json("summary.json") : null;
        String scenario = summary == null ? "" : summary.path("scenario").asText("");
        Page page = new Page("Which feature did it" + (scenario.isEmpty() ? "" : ": " + scenario),
                "qicsim attribute folder " + dir.dir().toAbsolutePath().normalize().getFileName()
                        + " · the five features switched on and off in all 32 combinations, paired replicates");
        if (dir.has("attribution.csv")) {
            attribution(dir, page);
        } else {
            page.summary(Html.escape("This folder has no attribution.csv."));
        }
        if (dir.has("designs.csv")) {
            designs(dir, page);
        }
        CostEffectiveness.tables(dir, page);
        return page;
    }

    private static void attribution(ResultsDir dir, Page page) throws IOException {
        CsvTable a = dir.csv("attribution.csv").require("metric", "feature", "quantity", "estimate", "ciLow", "ciHigh");
        boolean pi = a.has("piLow") && a.has("piHigh");
        page.section("Which feature produced the effect",
                "The Shapley value shares a result among the five features fairly: it averages what each feature "
                        + "adds over every order in which the features could be switched on, so the five values add "
                        + "up to the difference between all features on and all off. The main effect is the change "
                        + "from switching one feature on with the others off. The interaction share is the part of "
                        + "the result that comes only from features acting together. Lines: 95% confidence "
                        + "intervals, bootstrapped jointly over replicates" + (pi ? "; the prediction interval adds "
                        + "parameter uncertainty from a posterior" : "") + ".");
        Map<String, List<CsvTable.Row>> byMetric = new LinkedHashMap<>();
        for (CsvTable.Row r : a.rows()) {
            byMetric.computeIfAbsent(r.text("metric"), k -> new ArrayList<>()).add(r);
        }
        for (var e : byMetric.entrySet()) {
            String metric = e.getKey();
            Style style = Style.ofMetric(metric);
            Map<String, Map<String, CsvTable.Row>> byFeature = new LinkedHashMap<>();
            CsvTable.Row interaction = null;
            for (CsvTable.Row r : e.getValue()) {
                if (r.text("quantity").equals("interactionShare")) {
                    interaction = r;
                } else {
                    byFeature.computeIfAbsent(r.text("feature"), k -> new LinkedHashMap<>()).put(r.text("quantity"), r);
                }
            }
            List<Charts.Bar> bars = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            CsvTable.Row top = null;
            for (var f : byFeature.entrySet()) {
                List<String> row = new ArrayList<>();
                row.add(Html.escape(f.getKey()));
                for (String q : new String[] {"shapley", "main"}) {
                    CsvTable.Row r = f.getValue().get(q);
                    if (r == null) {
                        row.add("");
                        continue;
                    }
                    bars.add(new Charts.Bar(f.getKey(), q.equals("shapley") ? "Shapley value" : "main effect",
                            r.number("estimate"), r.number("ciLow"), r.number("ciHigh")));
                    row.add(cell(r, metric, f.getKey(), q, style, pi));
                    if (q.equals("shapley") && Double.isFinite(r.number("estimate"))
                            && (top == null || r.number("estimate") > top.number("estimate"))) {
                        top = r;
                    }
                }
                rows.add(row);
            }
            if (interaction != null) {
                rows.add(List.of("interaction share", cell(interaction, metric, "all", "interactionShare", Style.PERCENT,
                        pi), ""));
            }
            page.body().raw("<h3>" + Html.escape(Labels.metric(metric)) + "</h3>\n");
            String svg = Charts.bars(page.chartId(), "Shapley values and main effects on " + Labels.metric(metric),
                    "Each feature's Shapley value and main effect on " + Labels.metric(metric) + " with 95% intervals.",
                    bars, style, Labels.metric(metric));
            page.figure(svg, "Bars: estimates; lines: 95% confidence intervals.", new Html().table(
                    "Attribution of " + Labels.metric(metric) + ": estimate (95% CI" + (pi ? "; prediction interval"
                            : "") + ")", List.of("Feature", "Shapley value", "Main effect"), rows).toString());
            if (top != null) {
                String feature = top.text("feature");
                StringBuilder s = new StringBuilder("For " + Html.escape(Labels.metric(metric)) + ", <strong>"
                        + Html.escape(feature) + "</strong> contributes most: Shapley value "
                        + Html.num(top.number("estimate"), style, source(metric, feature, "shapley", "estimate"))
                        + " (95% CI " + Html.interval(top.number("ciLow"), top.number("ciHigh"), style,
                                source(metric, feature, "shapley", "ciLow"), source(metric, feature, "shapley", "ciHigh"))
                        + ")");
                if (interaction != null && Double.isFinite(interaction.number("estimate"))) {
                    s.append("; interactions between features account for ")
                            .append(Html.num(interaction.number("estimate"), Style.PERCENT,
                                    source(metric, "all", "interactionShare", "estimate")))
                            .append(" of the effect");
                }
                page.summary(s.append('.').toString());
            }
        }
        page.endSection();
    }

    private static Source source(String metric, String feature, String quantity, String column) {
        return Source.csv("attribution.csv", column, "metric", metric, "feature", feature, "quantity", quantity);
    }

    private static String cell(CsvTable.Row r, String metric, String feature, String quantity, Style style,
            boolean pi) {
        String html = Html.num(r.number("estimate"), style, source(metric, feature, quantity, "estimate")) + "<br>("
                + Html.interval(r.number("ciLow"), r.number("ciHigh"), style, source(metric, feature, quantity, "ciLow"),
                        source(metric, feature, quantity, "ciHigh")) + ")";
        if (pi && !(r.text("piLow").isEmpty() && r.text("piHigh").isEmpty())) {
            html += "<br>PI " + Html.interval(r.number("piLow"), r.number("piHigh"), style,
                    source(metric, feature, quantity, "piLow"), source(metric, feature, quantity, "piHigh"));
        }
        return html;
    }

    /** designs.csv as it is (its columns belong to the attribute command), at most 40 rows. */
    private static void designs(ResultsDir dir, Page page) throws IOException {
        CsvTable d = dir.csv("designs.csv");
        page.section("The designs",
                "Every on/off combination of the five features that was run, as listed in designs.csv.");
        List<List<String>> rows = new ArrayList<>();
        List<CsvTable.Row> all = d.rows();
        for (int i = 0; i < Math.min(MAX_DESIGN_ROWS, all.size()); i++) {
            CsvTable.Row r = all.get(i);
            List<String> row = new ArrayList<>();
            for (int c = 0; c < d.header().size(); c++) {
                String column = d.header().get(c);
                String text = r.text(column);
                double v = r.number(column);
                if (c == 0 || !Double.isFinite(v) || !text.matches("[-+0-9.eE]+")) {
                    row.add(Html.escape(text));
                } else {
                    row.add(Html.num(v, Style.ofMetric(column), Source.csv("designs.csv", column, "_row",
                            String.valueOf(i + 1))));
                }
            }
            rows.add(row);
        }
        page.body().table("Designs (designs.csv)" + (all.size() > MAX_DESIGN_ROWS ? ", first " + MAX_DESIGN_ROWS
                + " of " + all.size() : ""), d.header(), rows);
        page.endSection();
    }
}
