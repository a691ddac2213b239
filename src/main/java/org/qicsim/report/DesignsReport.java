package org.qicsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.qicsim.analysis.Estimate;

/**
 * The report of a {@code run} folder (one design) or a {@code compare} folder (designs paired by
 * common random numbers): the summary sentences, the adverse-event rate over time against the
 * counterfactual, the differences between designs, the cost-effectiveness plane, and funnel plots
 * of the sites at baseline and at the end.
 */
final class DesignsReport {
    /** Differences drawn as forest plots; every key metric is in the table. */
    private static final List<String> FOREST_METRICS = List.of("eventsAverted", "finalRate", "costTotal", "netSavings");
    private static final List<String> KEY_METRICS = List.of("finalRate", "relativeEffect", "eventsAverted",
            "eventsAvertedPer1000", "costTotal", "netSavings", "retention");

    private final ResultsDir dir;
    private final Page page;
    private final List<DesignData> designs;
    private final boolean compare;
    private final boolean paired;

    private DesignsReport(ResultsDir dir, Page page, List<DesignData> designs, boolean compare, boolean paired) {
        this.dir = dir;
        this.page = page;
        this.designs = designs;
        this.compare = compare;
        this.paired = paired;
    }

    static Page render(ResultsDir dir, FolderKind kind, JsonNode manifest) throws IOException {
        List<DesignData> designs = new ArrayList<>();
        boolean compare = kind == FolderKind.COMPARE;
        if (compare) {
            int k = 1;
            for (String folder : dir.designFolders()) {
                designs.add(new DesignData(dir, k++, folder + "/"));
            }
        } else {
            designs.add(new DesignData(dir, 1, ""));
        }
        boolean paired = manifest == null || !manifest.path("paired").isBoolean() || manifest.path("paired").asBoolean();
        String title = compare ? "Comparison of " + designs.size() + " collaborative design"
                + (designs.size() == 1 ? "" : "s") : "Results of " + (designs.isEmpty() ? "a run" : designs.get(0).name);
        int reps = designs.isEmpty() || designs.get(0).summary == null ? 0
                : designs.get(0).summary.path("replications").asInt();
        String subtitle = "qicsim " + kind.label() + " folder " + dir.dir().toAbsolutePath().normalize().getFileName()
                + " · " + reps + " replicate" + (reps == 1 ? "" : "s") + (compare ? (paired
                        ? " per design, paired by common random numbers" : " per design, UNPAIRED (different worlds)")
                        : ", each paired with its no-collaborative counterfactual");
        Page page = new Page(title, subtitle);
        DesignsReport report = new DesignsReport(dir, page, designs, compare, paired);
        report.summary();
        report.trajectories();
        if (compare) {
            report.differences();
        }
        report.keyMetrics();
        CostEffectiveness.plane(dir, page, designs);
        CostEffectiveness.tables(dir, page);
        report.funnels();
        return page;
    }

    private void summary() throws IOException {
        if (designs.isEmpty()) {
            page.summary(Html.escape("This folder holds no designs."));
            return;
        }
        for (DesignData d : designs) {
            if (d.summary == null) {
                page.summary(Html.escape(d.name + ": summary.json is missing."));
                continue;
            }
            if (d.metric("eventsAverted", "mean") == 0 && d.metric("eventsAverted", "sd") == 0) {
                // Every replicate equals its counterfactual: the design is no collaborative at all.
                page.summary("<strong>" + Html.escape(d.name) + "</strong> averts no events in any replicate: it is "
                        + "the same as no collaborative. Its adverse-event rate over the last year is "
                        + Html.num(d.metric("finalRate", "mean"), Style.RATE, d.metricSource("finalRate", "mean")) + ".");
                continue;
            }
            StringBuilder s = new StringBuilder();
            s.append("<strong>").append(Html.escape(d.name)).append("</strong> averts ")
                    .append(Html.num(d.metric("eventsAverted", "mean"), Style.COUNT,
                            d.metricSource("eventsAverted", "mean")))
                    .append(" adverse events compared with no collaborative (95% CI ")
                    .append(Html.interval(d.metric("eventsAverted", "ciLow"), d.metric("eventsAverted", "ciHigh"),
                            Style.COUNT, d.metricSource("eventsAverted", "ciLow"),
                            d.metricSource("eventsAverted", "ciHigh")))
                    .append(predictionClause(d, "eventsAverted", Style.COUNT)).append(")");
            JsonNode cost = d.summary.get("costPerEventAverted");
            Source costSource = Source.json(d.file("summary.json"), "costPerEventAverted", "mean");
            if (cost != null && cost.isObject() && Double.isFinite(ResultsDir.number(cost.get("mean")))) {
                s.append(" at ").append(Html.num(ResultsDir.number(cost.get("mean")), Style.MONEY, costSource))
                        .append(" per event averted (95% CI ")
                        .append(Html.interval(ResultsDir.number(cost.get("ciLow")), ResultsDir.number(cost.get("ciHigh")),
                                Style.MONEY, Source.json(d.file("summary.json"), "costPerEventAverted", "ciLow"),
                                Source.json(d.file("summary.json"), "costPerEventAverted", "ciHigh")))
                        .append(")");
            } else if (cost != null && cost.isTextual()) {
                s.append("; it does not avert events on average, so it has no cost per event averted (")
                        .append(Html.escape(cost.asText())).append(")");
            }
            s.append(". Over the last year the adverse-event rate is ")
                    .append(Html.num(d.metric("finalRate", "mean"), Style.RATE, d.metricSource("finalRate", "mean")))
                    .append(" against ")
                    .append(Html.num(d.metric("cfFinalRate", "mean"), Style.RATE, d.metricSource("cfFinalRate", "mean")))
                    .append(" without the collaborative.");
            page.summary(s.toString());
        }
        if (compare && designs.size() > 1 && dir.has("compare.csv")) {
            CsvTable c = dir.csv("compare.csv");
            DesignData first = designs.get(0);
            for (DesignData d : designs.subList(1, designs.size())) {
                CsvTable.Row row = compareRow(c, d.position, "eventsAverted");
                if (row == null) {
                    continue;
                }
                String key = String.valueOf(d.position);
                double diff = row.number("diffMean");
                boolean fewer = diff < 0;
                String sign = fewer ? "-" : "";
                String lowCol = fewer ? "diffCiHigh" : "diffCiLow";
                String highCol = fewer ? "diffCiLow" : "diffCiHigh";
                StringBuilder s = new StringBuilder();
                s.append("<strong>").append(Html.escape(d.name)).append("</strong> averts ")
                        .append(Html.num(fewer ? -diff : diff, Style.COUNT,
                                Source.csv("compare.csv", sign + "diffMean", "design", key, "metric", "eventsAverted")))
                        .append(fewer ? " fewer" : " more").append(" events than <strong>")
                        .append(Html.escape(first.name)).append("</strong> (")
                        .append(paired ? "paired " : "unpaired ").append("95% CI ")
                        .append(Html.interval(fewer ? -row.number(lowCol) : row.number(lowCol),
                                fewer ? -row.number(highCol) : row.number(highCol), Style.COUNT,
                                Source.csv("compare.csv", sign + lowCol, "design", key, "metric", "eventsAverted"),
                                Source.csv("compare.csv", sign + highCol, "design", key, "metric", "eventsAverted")))
                        .append(fewer ? " fewer" : " more").append(")");
                double lo = row.number("diffCiLow");
                double hi = row.number("diffCiHigh");
                if (lo <= 0 && hi >= 0) {
                    s.append("; the interval includes no difference, so more replicates are needed to tell them apart");
                }
                s.append('.');
                page.summary(s.toString());
            }
        }
        if (!paired) {
            page.summary(Html.escape("These designs have different worlds, so they are compared unpaired (Welch "
                    + "intervals) and their differences are less precise."));
        }
    }

    private static String predictionClause(DesignData d, String metric, Style style) {
        if (!d.hasMetricField(metric, "piLow")) {
            return "";
        }
        return "; 95% prediction interval " + Html.interval(d.metric(metric, "piLow"), d.metric(metric, "piHigh"), style,
                d.metricSource(metric, "piLow"), d.metricSource(metric, "piHigh"));
    }

    private static CsvTable.Row compareRow(CsvTable c, int design, String metric) {
        for (CsvTable.Row row : c.rows()) {
            if (row.text("design").equals(String.valueOf(design)) && row.text("metric").equals(metric)) {
                return row;
            }
        }
        return null;
    }

    private void trajectories() throws IOException {
        page.section("Adverse-event rate over time",
                "Each line is the pooled adverse-event rate of all hospitals, month by month, averaged over the "
                        + "replicates; the shaded band is the 95% confidence interval of that average. The dashed "
                        + "line is the same hospitals without any collaborative (the counterfactual), under the same "
                        + "random numbers, so the gap between the lines is the collaborative's effect.");
        List<Charts.Series> series = new ArrayList<>();
        List<TreeMap<Integer, Estimate>> rates = new ArrayList<>();
        List<TreeMap<Integer, Estimate>> counterfactuals = new ArrayList<>();
        List<DesignData> shown = new ArrayList<>();
        for (DesignData d : designs) {
            if (!d.has("timeseries.csv")) {
                continue;
            }
            shown.add(d);
            rates.add(d.monthly("trueRate"));
            counterfactuals.add(d.monthly("cfTrueRate"));
        }
        if (shown.isEmpty()) {
            page.body().note("No timeseries.csv in this folder: no trajectories to draw.");
            page.endSection();
            return;
        }
        for (int i = 0; i < shown.size(); i++) {
            series.add(series(shown.get(i).name, Svg.colour(i), null, rates.get(i)));
        }
        int counterfactualCount = paired ? 1 : shown.size();
        for (int i = 0; i < counterfactualCount; i++) {
            String label = paired ? "no collaborative (counterfactual)" : shown.get(i).name + " without collaborative";
            series.add(series(label, paired ? "#000000" : Svg.colour(i), "6 4", counterfactuals.get(i)));
        }
        String svg = Charts.lines(page.chartId(), "Adverse-event rate by month",
                "Pooled adverse-event rate by month for each design and without a collaborative, with 95% bands.",
                series, Style.COUNT, "Month", Style.RATE, "Adverse-event rate", false, null);
        TreeSet<Integer> months = new TreeSet<>();
        for (int m : rates.get(0).keySet()) {
            if (m % 12 == 0) {
                months.add(m);
            }
        }
        months.add(rates.get(0).lastKey());
        List<String> header = new ArrayList<>(List.of("Month"));
        shown.forEach(d -> header.add(d.name + " (95% CI)"));
        for (int i = 0; i < counterfactualCount; i++) {
            header.add((paired ? "no collaborative" : shown.get(i).name + " without") + " (95% CI)");
        }
        List<List<String>> rows = new ArrayList<>();
        for (int m : months) {
            List<String> row = new ArrayList<>();
            row.add(String.valueOf(m));
            for (int i = 0; i < shown.size(); i++) {
                row.add(estimateCell(shown.get(i), "trueRate", m, rates.get(i).get(m)));
            }
            for (int i = 0; i < counterfactualCount; i++) {
                row.add(estimateCell(shown.get(i), "cfTrueRate", m,
                        counterfactuals.get(i).get(m)));
            }
            rows.add(row);
        }
        Html table = new Html().table("Adverse-event rate every 12 months (mean over replicates)", header, rows);
        page.figure(svg, "Adverse-event rate by month; shaded: 95% confidence interval of the mean over replicates.",
                table.toString());
        page.endSection();
    }

    private static Charts.Series series(String name, String colour, String dash, TreeMap<Integer, Estimate> monthly) {
        int n = monthly.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        int i = 0;
        for (var e : monthly.entrySet()) {
            x[i] = e.getKey();
            y[i] = e.getValue().mean();
            lo[i] = e.getValue().ciLow();
            hi[i] = e.getValue().ciHigh();
            i++;
        }
        return new Charts.Series(name, colour, dash, x, y, lo, hi);
    }

    private static String estimateCell(DesignData d, String column, int month, Estimate e) {
        if (e == null) {
            return "";
        }
        String file = d.file("timeseries.csv");
        String[] keys = d.rowKeys("timeseries.csv", "month", String.valueOf(month));
        return Html.num(e.mean(), Style.RATE, Source.csv(file, "mean(" + column + ")", keys)) + "<br>("
                + Html.interval(e.ciLow(), e.ciHigh(), Style.RATE, Source.csv(file, "ciLow(" + column + ")", keys),
                        Source.csv(file, "ciHigh(" + column + ")", keys)) + ")";
    }

    private void differences() throws IOException {
        page.section("Differences between designs",
                "Each row is a design's difference from " + designs.get(0).name + " (the first design), with its 95% "
                        + "confidence interval" + (paired ? ", paired replicate by replicate (both designs ran on the "
                        + "same simulated hospitals and random numbers)" : " (Welch, unpaired)") + ". An interval "
                        + "that crosses the dashed zero line means the data cannot tell the two designs apart. "
                        + "A thin line with end ticks, when shown, is the 95% prediction interval (parameter "
                        + "uncertainty from a posterior).");
        if (designs.size() < 2 || !dir.has("compare.csv")) {
            page.body().note("Only one design: there are no differences between designs to show.");
            page.endSection();
            return;
        }
        CsvTable c = dir.csv("compare.csv");
        boolean pi = c.has("diffPiLow") && c.has("diffPiHigh");
        for (String metric : FOREST_METRICS) {
            Style style = Style.ofMetric(metric);
            List<Charts.Row> rows = new ArrayList<>();
            List<List<String>> cells = new ArrayList<>();
            for (DesignData d : designs.subList(1, designs.size())) {
                CsvTable.Row r = compareRow(c, d.position, metric);
                if (r == null) {
                    continue;
                }
                String label = d.name + " − " + designs.get(0).name;
                rows.add(new Charts.Row(label, r.number("diffMean"), r.number("diffCiLow"), r.number("diffCiHigh"),
                        pi ? r.number("diffPiLow") : Double.NaN, pi ? r.number("diffPiHigh") : Double.NaN,
                        Svg.colour(d.position - 1)));
                String key = String.valueOf(d.position);
                List<String> row = new ArrayList<>();
                row.add(Html.escape(label));
                row.add(Html.num(r.number("diffMean"), style, Source.csv("compare.csv", "diffMean", "design", key,
                        "metric", metric)));
                row.add(Html.interval(r.number("diffCiLow"), r.number("diffCiHigh"), style,
                        Source.csv("compare.csv", "diffCiLow", "design", key, "metric", metric),
                        Source.csv("compare.csv", "diffCiHigh", "design", key, "metric", metric)));
                if (pi) {
                    row.add(Html.interval(r.number("diffPiLow"), r.number("diffPiHigh"), style,
                            Source.csv("compare.csv", "diffPiLow", "design", key, "metric", metric),
                            Source.csv("compare.csv", "diffPiHigh", "design", key, "metric", metric)));
                }
                cells.add(row);
            }
            if (rows.isEmpty()) {
                continue;
            }
            page.body().raw("<h3>" + Html.escape(Labels.metric(metric)) + "</h3>\n");
            List<String> header = new ArrayList<>(List.of("Difference", "Mean", "95% CI"));
            if (pi) {
                header.add("95% prediction interval");
            }
            String svg = Charts.forest(page.chartId(), "Difference in " + Labels.metric(metric),
                    "Forest plot of each design's difference from " + designs.get(0).name + " in "
                            + Labels.metric(metric) + ".", rows, style, "Difference in " + Labels.metric(metric),
                    false, true);
            page.figure(svg, "Difference from " + designs.get(0).name + " in " + Labels.metric(metric)
                    + ": dot, mean; thick line, 95% confidence interval" + (pi ? "; thin line, 95% prediction interval"
                            : "") + ".", new Html().table(Labels.metric(metric) + ": difference from "
                                    + designs.get(0).name, header, cells).toString());
        }
        page.endSection();
    }

    private void keyMetrics() {
        page.section("Key results by design",
                "Each design's mean over the replicates with its 95% confidence interval (the uncertainty from "
                        + "simulating a finite number of replicates). Events averted and costs are measured against "
                        + "the same hospitals without a collaborative.");
        boolean pi = false;
        for (DesignData d : designs) {
            for (String m : KEY_METRICS) {
                pi |= d.hasMetricField(m, "piLow");
            }
        }
        List<String> header = new ArrayList<>(List.of("Result"));
        for (DesignData d : designs) {
            header.add(d.name + " (95% CI" + (pi ? "; prediction interval" : "") + ")");
        }
        List<List<String>> rows = new ArrayList<>();
        for (String m : KEY_METRICS) {
            Style style = Style.ofMetric(m);
            List<String> row = new ArrayList<>();
            row.add(Html.escape(Labels.metric(m)));
            for (DesignData d : designs) {
                String cell = Html.num(d.metric(m, "mean"), style, d.metricSource(m, "mean")) + "<br>("
                        + Html.interval(d.metric(m, "ciLow"), d.metric(m, "ciHigh"), style, d.metricSource(m, "ciLow"),
                                d.metricSource(m, "ciHigh")) + ")";
                if (d.hasMetricField(m, "piLow")) {
                    cell += "<br>PI " + Html.interval(d.metric(m, "piLow"), d.metric(m, "piHigh"), style,
                            d.metricSource(m, "piLow"), d.metricSource(m, "piHigh"));
                }
                row.add(cell);
            }
            rows.add(row);
        }
        page.body().table("Key results: mean (95% confidence interval)", header, rows);
        page.body().note("Every metric of every design is in summary.json" + (compare ? " and compare.csv" : "")
                + "; the columns are described in results/README.md.");
        page.endSection();
    }

    private void funnels() throws IOException {
        page.section("Hospitals at baseline and at the end (funnel plots)",
                "Each dot is one hospital in one simulated replicate: its adverse-event rate as measured over a year "
                        + "against its number of patients that year. Small hospitals scatter more by chance, so the "
                        + "limits widen to the left like a funnel; a hospital outside the 99.8% limits is unlikely "
                        + "to differ by chance alone. Compare the spread at baseline (the year before the "
                        + "collaborative) with the last year.");
        for (DesignData d : designs) {
            if (!d.has("sites.csv")) {
                continue;
            }
            CsvTable sites = d.csv("sites.csv");
            double replicate = Double.POSITIVE_INFINITY;
            for (CsvTable.Row r : sites.rows()) {
                replicate = Math.min(replicate, r.number("replicate"));
            }
            if (!Double.isFinite(replicate)) {
                continue;
            }
            String rep = String.valueOf((long) replicate);
            List<CsvTable.Row> rows = sites.rows(r -> r.text("replicate").equals(rep));
            double[] patients = new double[rows.size()];
            boolean[] member = new boolean[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                patients[i] = rows.get(i).number("volume") * 12;
                member[i] = rows.get(i).text("member").equals("true");
            }
            page.body().raw("<h3>" + Html.escape(d.name) + " (replicate " + rep + ")</h3>\n");
            List<String> header = new ArrayList<>(List.of("Sites in replicate " + rep));
            List<List<String>> table = new ArrayList<>();
            List<String> svgs = new ArrayList<>();
            List<String> columns = new ArrayList<>();
            for (String when : new String[] {"baseline", "final"}) {
                String column = when + "MeasuredRate";
                double[] rates = column(rows, column);
                if (!anyFinite(rates)) {
                    column = when + "TrueRate";
                    rates = column(rows, column);
                }
                columns.add(column);
                double pooled = FunnelPlot.pooled(patients, rates);
                String title = (when.equals("baseline") ? "Baseline year" : "Last year") + ", " + d.name;
                svgs.add(Charts.funnel(page.chartId(), title, "Funnel plot of " + rows.size() + " hospitals' "
                        + Labels.column(column) + " against patients a year, with 95% and 99.8% limits.", patients,
                        rates, member, pooled, "Patients a year (12 × monthly volume)"));
                header.add(when.equals("baseline") ? "Baseline year" : "Last year");
            }
            String file = d.file("sites.csv");
            List<String> countRow = new ArrayList<>(List.of("Hospitals"));
            for (int i = 0; i < columns.size(); i++) {
                countRow.add(Html.num(rows.size(), Style.COUNT, Source.csv(file, "count()",
                        d.rowKeys("sites.csv", "replicate", rep))));
            }
            table.add(countRow);
            List<String> pooledRow = new ArrayList<>(List.of("Pooled rate (patient-weighted)"));
            for (String c : columns) {
                double[] rates = column(rows, c);
                pooledRow.add(Html.num(FunnelPlot.pooled(patients, rates), Style.RATE,
                        Source.csv(file, "wmean(" + c + ",volume)", d.rowKeys("sites.csv", "replicate", rep))));
            }
            table.add(pooledRow);
            for (String[] limit : new String[][] {{"above", "99.8", "Above the 99.8% limit (worse)"},
                {"below", "99.8", "Below the 99.8% limit (better)"}, {"above", "95", "Above the 95% limit"},
                {"below", "95", "Below the 95% limit"}}) {
                List<String> row = new ArrayList<>(List.of(Html.escape(limit[2])));
                for (String c : columns) {
                    double[] rates = column(rows, c);
                    double pooled = FunnelPlot.pooled(patients, rates);
                    int count = FunnelPlot.outside(patients, rates, pooled,
                            limit[1].equals("95") ? FunnelPlot.Z95 : FunnelPlot.Z998, limit[0].equals("above") ? 1 : -1);
                    row.add(Html.num(count, Style.COUNT, Source.csv(file, "funnel(" + c + ",volume," + limit[0] + ","
                            + limit[1] + ")", d.rowKeys("sites.csv", "replicate", rep))));
                }
                table.add(row);
            }
            String tableHtml = new Html().table(d.name + ": hospitals outside the funnel limits", header, table)
                    .toString();
            page.body().raw("<div class=\"figure\">\n");
            for (int i = 0; i < svgs.size(); i++) {
                String caption = (i == 0 ? "Baseline year" : "Last year") + ": " + Labels.column(columns.get(i))
                        + " of each hospital; filled dots are members of the collaborative.";
                page.body().raw(svgs.get(i) == null ? "<p class=\"note\">Nothing to draw: every rate is missing.</p>\n"
                        : "<figure>\n" + svgs.get(i) + "<figcaption>" + Html.escape(caption)
                                + "</figcaption>\n</figure>\n");
            }
            page.body().raw(tableHtml).raw("</div>\n");
        }
        page.endSection();
    }

    private static double[] column(List<CsvTable.Row> rows, String column) {
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rows.get(i).number(column);
        }
        return v;
    }

    private static boolean anyFinite(double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                return true;
            }
        }
        return false;
    }
}
