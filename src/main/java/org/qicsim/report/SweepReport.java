package org.qicsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report of a sweep folder: which factors matter (Sobol indices or Morris elementary effects
 * from {@code sensitivity.csv}) and the best design points ({@code points.csv} with their factor
 * values from {@code design.csv}). A sweep's run rows are Parquet and are not read here.
 */
final class SweepReport {
    private static final int TOP_POINTS = 10;

    private SweepReport() {
    }

    static Page render(ResultsDir dir, JsonNode manifest) throws IOException {
        String design = manifest == null ? "" : manifest.path("design").asText("");
        int points = manifest == null ? 0 : manifest.path("points").asInt();
        int reps = manifest == null ? 0 : manifest.path("replications").asInt();
        Page page = new Page("Sweep: " + (design.isEmpty() ? "design of experiments" : design + " design"),
                "qicsim sweep folder " + dir.dir().toAbsolutePath().normalize().getFileName() + " · " + points
                        + " design points × " + reps + " replicates");
        List<String> factors = new ArrayList<>();
        if (manifest != null) {
            manifest.path("factors").forEach(f -> factors.add(f.asText()));
        }
        page.summary(Html.escape("This sweep varied " + factors.size() + " factor" + (factors.size() == 1 ? "" : "s")
                + (factors.isEmpty() ? "" : " (" + String.join(", ", factors) + ")") + " over " + points
                + " design points, each run for " + reps + " replicate" + (reps == 1 ? "" : "s")
                + " under common random numbers."));
        if (dir.has("sensitivity.csv")) {
            sensitivity(dir, page);
        }
        if (dir.has("points.csv")) {
            points(dir, page);
        } else {
            page.summary(Html.escape("This folder has no points.csv: no per-point results to show."));
        }
        return page;
    }

    private static void sensitivity(ResultsDir dir, Page page) throws IOException {
        CsvTable s = dir.csv("sensitivity.csv").require("metric", "factor");
        boolean sobol = s.has("ST");
        page.section(sobol ? "Which factors matter: Sobol indices" : "Which factors matter: Morris screening",
                sobol ? "The first-order index (S1) is the share of the variance of a result explained by a factor "
                        + "alone; the total-order index (ST) adds its interactions with the others. A factor whose "
                        + "total index is near zero can be fixed anywhere in its range without changing the result. "
                        + "Lines: 95% bootstrap intervals."
                        : "μ* is the mean absolute change in a result when a factor moves one step across its range "
                        + "(larger: more influential); σ, the spread of those changes, is large when the factor acts "
                        + "non-linearly or through interactions with other factors.");
        Map<String, List<CsvTable.Row>> byMetric = new LinkedHashMap<>();
        for (CsvTable.Row r : s.rows()) {
            byMetric.computeIfAbsent(r.text("metric"), k -> new ArrayList<>()).add(r);
        }
        for (var e : byMetric.entrySet()) {
            String metric = e.getKey();
            List<Charts.Bar> bars = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            CsvTable.Row top = null;
            String rankColumn = sobol ? "ST" : "muStar";
            for (CsvTable.Row r : e.getValue()) {
                String factor = r.text("factor");
                String[] key = {"metric", metric, "factor", factor};
                List<String> row = new ArrayList<>();
                row.add(Html.escape(factor));
                if (sobol) {
                    bars.add(new Charts.Bar(factor, "first order S1", r.number("S1"), r.number("S1ciLow"),
                            r.number("S1ciHigh")));
                    bars.add(new Charts.Bar(factor, "total order ST", r.number("ST"), r.number("STciLow"),
                            r.number("STciHigh")));
                    for (String c : new String[] {"S1", "ST"}) {
                        row.add(Html.num(r.number(c), Style.INDEX, Source.csv("sensitivity.csv", c, key)) + "<br>("
                                + Html.interval(r.number(c + "ciLow"), r.number(c + "ciHigh"), Style.INDEX,
                                        Source.csv("sensitivity.csv", c + "ciLow", key),
                                        Source.csv("sensitivity.csv", c + "ciHigh", key)) + ")");
                    }
                } else {
                    bars.add(new Charts.Bar(factor, "μ*", r.number("muStar"), Double.NaN, Double.NaN));
                    bars.add(new Charts.Bar(factor, "σ", r.number("sigma"), Double.NaN, Double.NaN));
                    Style style = Style.ofMetric(metric);
                    for (String c : new String[] {"mu", "muStar", "sigma"}) {
                        row.add(Html.num(r.number(c), style == Style.COUNT ? Style.GENERAL : style,
                                Source.csv("sensitivity.csv", c, key)));
                    }
                }
                rows.add(row);
                if (Double.isFinite(r.number(rankColumn))
                        && (top == null || r.number(rankColumn) > top.number(rankColumn))) {
                    top = r;
                }
            }
            Style axis = sobol ? Style.INDEX : Style.ofMetric(metric) == Style.COUNT ? Style.GENERAL
                    : Style.ofMetric(metric);
            page.body().raw("<h3>" + Html.escape(Labels.metric(metric)) + "</h3>\n");
            String svg = Charts.bars(page.chartId(), (sobol ? "Sobol indices of " : "Morris screening of ")
                    + Labels.metric(metric), "Bars per factor for " + Labels.metric(metric) + ".", bars, axis,
                    sobol ? "Index (share of variance)" : "Elementary effect on " + Labels.metric(metric));
            List<String> header = sobol ? List.of("Factor", "S1 (95% CI)", "ST (95% CI)")
                    : List.of("Factor", "μ", "μ*", "σ");
            page.figure(svg, sobol ? "Bars: index estimates; lines: 95% bootstrap intervals." : "Bars: μ* and σ.",
                    new Html().table((sobol ? "Sobol indices: " : "Morris screening: ") + Labels.metric(metric), header,
                            rows).toString());
            if (top != null) {
                String[] key = {"metric", metric, "factor", top.text("factor")};
                page.summary("For " + Html.escape(Labels.metric(metric)) + ", <strong>" + Html.escape(top.text("factor"))
                        + "</strong> matters most (" + (sobol ? "total-order index " : "μ* ")
                        + Html.num(top.number(rankColumn), sobol ? Style.INDEX : axis,
                                Source.csv("sensitivity.csv", rankColumn, key))
                        + (sobol ? ", 95% CI " + Html.interval(top.number("STciLow"), top.number("STciHigh"),
                                Style.INDEX, Source.csv("sensitivity.csv", "STciLow", key),
                                Source.csv("sensitivity.csv", "STciHigh", key)) : "") + ").");
            }
        }
        page.endSection();
    }

    private static void points(ResultsDir dir, Page page) throws IOException {
        CsvTable p = dir.csv("points.csv").require("point", "metric", "mean", "ciLow", "ciHigh");
        List<String> metrics = new ArrayList<>();
        for (CsvTable.Row r : p.rows()) {
            if (!metrics.contains(r.text("metric"))) {
                metrics.add(r.text("metric"));
            }
        }
        if (metrics.isEmpty()) {
            return;
        }
        String metric = metrics.contains("eventsAverted") ? "eventsAverted" : metrics.get(0);
        boolean lowerIsBetter = Style.ofMetric(metric) == Style.RATE || metric.startsWith("cost");
        List<CsvTable.Row> rows = p.rows(r -> r.text("metric").equals(metric));
        Comparator<CsvTable.Row> byMean = Comparator.comparingDouble(r -> Double.isNaN(r.number("mean"))
                ? Double.NEGATIVE_INFINITY : (lowerIsBetter ? -r.number("mean") : r.number("mean")));
        rows.sort(byMean.reversed().thenComparingDouble(r -> r.number("point")));
        List<CsvTable.Row> top = rows.subList(0, Math.min(TOP_POINTS, rows.size()));
        CsvTable design = dir.has("design.csv") ? dir.csv("design.csv") : null;
        List<String> factorColumns = new ArrayList<>();
        if (design != null) {
            for (String h : design.header()) {
                if (h.contains(".")) {
                    factorColumns.add(h);
                }
            }
        }
        page.section("The best design points for " + Labels.metric(metric),
                "The " + top.size() + " design points with the " + (lowerIsBetter ? "lowest" : "highest") + " mean "
                        + Labels.metric(metric) + " over their replicates, with 95% confidence intervals and the "
                        + "factor values that define each point. Points whose intervals overlap cannot be told apart "
                        + "with this many replicates.");
        Style style = Style.ofMetric(metric);
        List<Charts.Row> forest = new ArrayList<>();
        List<List<String>> cells = new ArrayList<>();
        for (CsvTable.Row r : top) {
            String point = r.text("point");
            forest.add(new Charts.Row("point " + point, r.number("mean"), r.number("ciLow"), r.number("ciHigh"),
                    Double.NaN, Double.NaN, Svg.colour(0)));
            List<String> row = new ArrayList<>();
            row.add("point " + Html.escape(point));
            row.add(Html.num(r.number("mean"), style, Source.csv("points.csv", "mean", "point", point, "metric", metric))
                    + "<br>(" + Html.interval(r.number("ciLow"), r.number("ciHigh"), style,
                            Source.csv("points.csv", "ciLow", "point", point, "metric", metric),
                            Source.csv("points.csv", "ciHigh", "point", point, "metric", metric)) + ")");
            CsvTable.Row d = null;
            if (design != null) {
                for (CsvTable.Row candidate : design.rows()) {
                    if (candidate.text("point").equals(point)) {
                        d = candidate;
                    }
                }
            }
            for (String f : factorColumns) {
                String text = d == null ? "" : d.text(f);
                double v = d == null ? Double.NaN : d.number(f);
                row.add(Double.isFinite(v) ? Html.num(v, Style.GENERAL, Source.csv("design.csv", f, "point", point))
                        : Html.escape(text));
            }
            cells.add(row);
        }
        List<String> header = new ArrayList<>(List.of("Point", Labels.metric(metric) + " (95% CI)"));
        header.addAll(factorColumns);
        String svg = Charts.forest(page.chartId(), "Best points by " + Labels.metric(metric),
                "Mean and 95% interval of " + Labels.metric(metric) + " at the best design points.", forest, style,
                Labels.metric(metric), false, false);
        page.figure(svg, "Dot: mean over replicates; line: 95% confidence interval.",
                new Html().table("Best design points (points.csv, design.csv)", header, cells).toString(), true);
        page.endSection();
        CsvTable.Row best = top.get(0);
        page.summary("The best point for " + Html.escape(Labels.metric(metric)) + " is point "
                + Html.escape(best.text("point")) + ": " + Html.num(best.number("mean"), style,
                        Source.csv("points.csv", "mean", "point", best.text("point"), "metric", metric))
                + " (95% CI " + Html.interval(best.number("ciLow"), best.number("ciHigh"), style,
                        Source.csv("points.csv", "ciLow", "point", best.text("point"), "metric", metric),
                        Source.csv("points.csv", "ciHigh", "point", best.text("point"), "metric", metric)) + ").");
    }
}
