package org.qicsim.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cost-effectiveness: the plane of each replicate's incremental cost against its events averted
 * (from {@code runs.csv}: both are differences from the no-collaborative counterfactual, costs and
 * events discounted alike), and, when the folder has them, {@code cea.csv} (incremental cost, events
 * averted, ICER or quadrant, net monetary benefit) and {@code ceac.csv} (the acceptability curve).
 */
final class CostEffectiveness {
    private CostEffectiveness() {
    }

    static void plane(ResultsDir dir, Page page, List<DesignData> designs) throws IOException {
        page.section("Cost-effectiveness plane",
                "Each dot is one replicate of a design: across, the adverse events it averted compared with no "
                        + "collaborative; up, what it cost beyond no collaborative (payer and hospitals, discounted). "
                        + "Dots to the right and below the horizontal axis save money and avert events (dominant); "
                        + "to the left and above they cost more and avert fewer (dominated). The diamond is the "
                        + "design's mean; the slope from the origin to it is the cost per event averted.");
        List<Charts.Cloud> clouds = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (DesignData d : designs) {
            if (!d.has("runs.csv")) {
                continue;
            }
            CsvTable runs = d.csv("runs.csv");
            List<CsvTable.Row> all = runs.rows();
            double[] x = new double[all.size()];
            double[] y = new double[all.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = all.get(i).number("eventsAvertedDiscounted");
                y[i] = all.get(i).number("costTotal");
            }
            clouds.add(new Charts.Cloud(d.name, Svg.colour(d.position - 1), x, y,
                    d.metric("eventsAvertedDiscounted", "mean"), d.metric("costTotal", "mean")));
            List<String> row = new ArrayList<>();
            row.add(Html.escape(d.name));
            for (String m : new String[] {"eventsAvertedDiscounted", "costTotal"}) {
                Style style = Style.ofMetric(m);
                row.add(Html.num(d.metric(m, "mean"), style, d.metricSource(m, "mean")) + "<br>("
                        + Html.interval(d.metric(m, "ciLow"), d.metric(m, "ciHigh"), style, d.metricSource(m, "ciLow"),
                                d.metricSource(m, "ciHigh")) + ")");
            }
            var cost = d.summary == null ? null : d.summary.get("costPerEventAverted");
            if (cost != null && cost.isObject()) {
                String f = d.file("summary.json");
                row.add(Html.num(ResultsDir.number(cost.get("mean")), Style.MONEY,
                        Source.json(f, "costPerEventAverted", "mean")) + "<br>("
                        + Html.interval(ResultsDir.number(cost.get("ciLow")), ResultsDir.number(cost.get("ciHigh")),
                                Style.MONEY, Source.json(f, "costPerEventAverted", "ciLow"),
                                Source.json(f, "costPerEventAverted", "ciHigh")) + ")");
            } else {
                row.add(cost == null ? "" : Html.escape(cost.asText()));
            }
            rows.add(row);
        }
        if (clouds.isEmpty()) {
            page.body().note("No runs.csv: no replicates to place on the plane.");
        } else {
            String svg = Charts.plane(page.chartId(), "Cost-effectiveness plane",
                    "Incremental total cost against events averted (discounted) for every replicate of each design.",
                    clouds, "Adverse events averted (discounted)", "Incremental cost (payer + hospitals)");
            page.figure(svg, "Each dot a replicate; diamonds, design means.", new Html().table(
                    "Events averted, cost and cost per event averted: mean (95% CI)",
                    List.of("Design", "Events averted (discounted)", "Incremental total cost", "Cost per event averted"),
                    rows).toString());
        }
        page.endSection();
    }

    /** The {@code cea.csv} table and the {@code ceac.csv} curves, when the folder has them. */
    static void tables(ResultsDir dir, Page page) throws IOException {
        if (dir.has("cea.csv")) {
            cea(dir, page);
        }
        if (dir.has("ceac.csv")) {
            ceac(dir, page);
        }
    }

    private static void cea(ResultsDir dir, Page page) throws IOException {
        CsvTable cea = dir.csv("cea.csv").require("design", "comparator", "perspective", "incrementalCost",
                "eventsAverted", "icer", "quadrant", "wtp", "nmb");
        page.section("Cost-effectiveness against each comparator",
                "The incremental cost-effectiveness ratio (ICER) is the extra cost per extra adverse event "
                        + "averted. When a design costs more and averts fewer events it is dominated, and when it "
                        + "costs less and averts more it is dominant; the ratio then means nothing and the quadrant "
                        + "is given instead. The net monetary benefit values each event averted at the "
                        + "willingness to pay and subtracts the extra cost: above zero, the design is worth its cost "
                        + "at that price.");
        List<Charts.Row> forest = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (CsvTable.Row r : cea.rows()) {
            String[] key = {"design", r.text("design"), "comparator", r.text("comparator"), "perspective",
                r.text("perspective")};
            String label = r.text("design") + " vs " + r.text("comparator") + " (" + r.text("perspective") + ")";
            List<String> row = new ArrayList<>();
            row.add(Html.escape(label));
            row.add(triple(r, "incrementalCost", Style.MONEY, key));
            row.add(triple(r, "eventsAverted", Style.COUNT, key));
            String quadrant = r.text("quadrant");
            row.add(Double.isFinite(r.number("icer")) ? triple(r, "icer", Style.MONEY, key)
                    : Html.escape(quadrant.isEmpty() ? "not defined" : quadrant));
            row.add(Html.escape(quadrant));
            row.add(Html.num(r.number("wtp"), Style.MONEY, Source.csv("cea.csv", "wtp", key)));
            row.add(triple(r, "nmb", Style.MONEY, key));
            rows.add(row);
            forest.add(new Charts.Row(label, r.number("nmb"), r.number("nmbLow"), r.number("nmbHigh"), Double.NaN,
                    Double.NaN, Svg.colour(rows.size() - 1)));
        }
        String svg = Charts.forest(page.chartId(), "Net monetary benefit",
                "Net monetary benefit of each design against its comparator at the willingness to pay, with 95% "
                        + "intervals.", forest, Style.MONEY, "Net monetary benefit", false, true);
        page.figure(svg, "Net monetary benefit at the willingness to pay in the table: dot, mean; line, 95% interval.",
                new Html().table("Cost-effectiveness (cea.csv): estimate (95% interval)", List.of("Design vs comparator",
                        "Incremental cost", "Events averted", "ICER", "Quadrant", "Willingness to pay",
                        "Net monetary benefit"), rows).toString(), true);
        page.endSection();
    }

    private static String triple(CsvTable.Row r, String column, Style style, String[] key) {
        String low = column.equals("icer") ? "icerLow" : column + "Low";
        String high = column.equals("icer") ? "icerHigh" : column + "High";
        return Html.num(r.number(column), style, Source.csv("cea.csv", column, key)) + "<br>("
                + Html.interval(r.number(low), r.number(high), style, Source.csv("cea.csv", low, key),
                        Source.csv("cea.csv", high, key)) + ")";
    }

    private static void ceac(ResultsDir dir, Page page) throws IOException {
        CsvTable ceac = dir.csv("ceac.csv").require("design", "comparator", "perspective", "wtp",
                "probabilityCostEffective");
        page.section("Cost-effectiveness acceptability curve",
                "For each willingness to pay per adverse event averted, the share of replicate (or posterior) "
                        + "draws in which the design's net monetary benefit against its comparator is positive: "
                        + "how sure a funder can be that the design is worth its cost at that price.");
        Map<String, List<CsvTable.Row>> curves = new LinkedHashMap<>();
        for (CsvTable.Row r : ceac.rows()) {
            curves.computeIfAbsent(r.text("design") + " vs " + r.text("comparator") + " (" + r.text("perspective") + ")",
                    k -> new ArrayList<>()).add(r);
        }
        List<Charts.Series> series = new ArrayList<>();
        int i = 0;
        for (var e : curves.entrySet()) {
            List<CsvTable.Row> rs = e.getValue();
            double[] x = new double[rs.size()];
            double[] y = new double[rs.size()];
            for (int k = 0; k < x.length; k++) {
                x[k] = rs.get(k).number("wtp");
                y[k] = rs.get(k).number("probabilityCostEffective");
            }
            series.add(new Charts.Series(e.getKey(), Svg.colour(i++), null, x, y, null, null));
        }
        String svg = Charts.lines(page.chartId(), "Cost-effectiveness acceptability curve",
                "Probability that each design is cost-effective against its comparator, by willingness to pay.",
                series, Style.MONEY, "Willingness to pay per event averted", Style.PERCENT,
                "Probability cost-effective", true, new double[] {0, 1, 0.2});
        // At most 12 rows: every k-th willingness to pay of the first curve's grid.
        List<CsvTable.Row> first = curves.values().iterator().next();
        int every = Math.max(1, (int) Math.ceil(first.size() / 12.0));
        List<String> header = new ArrayList<>(List.of("Willingness to pay"));
        header.addAll(curves.keySet());
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < first.size(); k += every) {
            String wtp = first.get(k).text("wtp");
            List<String> row = new ArrayList<>();
            CsvTable.Row f = first.get(k);
            row.add(Html.num(f.number("wtp"), Style.MONEY, Source.csv("ceac.csv", "wtp", "design", f.text("design"),
                    "comparator", f.text("comparator"), "perspective", f.text("perspective"), "wtp", wtp)));
            for (List<CsvTable.Row> curve : curves.values()) {
                CsvTable.Row match = null;
                for (CsvTable.Row r : curve) {
                    if (r.text("wtp").equals(wtp)) {
                        match = r;
                    }
                }
                row.add(match == null ? "" : Html.num(match.number("probabilityCostEffective"), Style.PERCENT,
                        Source.csv("ceac.csv", "probabilityCostEffective", "design", match.text("design"), "comparator",
                                match.text("comparator"), "perspective", match.text("perspective"), "wtp", wtp)));
            }
            rows.add(row);
        }
        page.figure(svg, "Probability cost-effective by willingness to pay per event averted.",
                new Html().table("Probability cost-effective (ceac.csv)", header, rows).toString());
        page.endSection();
    }
}
