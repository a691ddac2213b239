package org.qicsim.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report of a patterns folder: the scorecard of published patterns ({@code scorecard.csv}):
 * each pattern's estimate and 95% interval against the band the evidence allows, and its verdict.
 */
final class ScorecardReport {
    private ScorecardReport() {
    }

    static Page render(ResultsDir dir) throws IOException {
        CsvTable s = dir.csv("scorecard.csv").require("id", "set", "title", "metric", "estimate", "ciLow", "ciHigh",
                "bandLow", "bandHigh", "verdict", "reason");
        Page page = new Page("Published patterns: scorecard", "qicsim patterns folder "
                + dir.dir().toAbsolutePath().normalize().getFileName());
        int pass = 0;
        int fail = 0;
        int other = 0;
        for (CsvTable.Row r : s.rows()) {
            switch (r.text("verdict")) {
                case "pass" -> pass++;
                case "fail" -> fail++;
                default -> other++;
            }
        }
        page.summary(Html.escape("Of " + s.size() + " published patterns, the model reproduces " + pass + ", fails "
                + fail + ", and " + other + " cannot be expressed in the model."));
        page.section("Pattern scorecard",
                "Each row is a pattern reported in published evaluations of collaboratives (PATTERNS.md). The grey "
                        + "box is the band the evidence allows; the dot and line are the model's estimate and its 95% "
                        + "confidence interval. A pattern passes when the interval lies inside the band. Each row has "
                        + "its own scale, printed at its ends, because the patterns measure different things. These "
                        + "verdicts are findings about the model, not tests it must pass.");
        List<Charts.Row> forest = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (CsvTable.Row r : s.rows()) {
            String id = r.text("id");
            String verdict = r.text("verdict");
            String colour = verdict.equals("pass") ? "#009E73" : verdict.equals("fail") ? "#D55E00" : Svg.GREY;
            forest.add(new Charts.Row(id + " " + r.text("title"), r.number("estimate"), r.number("ciLow"),
                    r.number("ciHigh"), Double.NaN, Double.NaN, r.number("bandLow"), r.number("bandHigh"), colour));
            List<String> row = new ArrayList<>();
            row.add(Html.escape(id));
            row.add(Html.escape(r.text("set")));
            row.add(Html.escape(r.text("title")));
            row.add(Html.escape(r.text("metric")));
            row.add(Html.num(r.number("estimate"), Style.GENERAL, Source.csv("scorecard.csv", "estimate", "id", id))
                    + "<br>(" + Html.interval(r.number("ciLow"), r.number("ciHigh"), Style.GENERAL,
                            Source.csv("scorecard.csv", "ciLow", "id", id), Source.csv("scorecard.csv", "ciHigh", "id", id))
                    + ")");
            row.add(Html.interval(r.number("bandLow"), r.number("bandHigh"), Style.GENERAL,
                    Source.csv("scorecard.csv", "bandLow", "id", id), Source.csv("scorecard.csv", "bandHigh", "id", id)));
            row.add("<span class=\"verdict-" + Html.escape(verdict.toLowerCase(Locale.ROOT).replace(' ', '-')) + "\">"
                    + Html.escape(verdict) + "</span>");
            row.add(Html.escape(r.text("reason")));
            rows.add(row);
        }
        String svg = Charts.forest(page.chartId(), "Pattern scorecard",
                "Each pattern's estimate and 95% interval against its evidence band.", forest, Style.GENERAL, "", true,
                false);
        page.figure(svg, "Green: pass; orange: fail; grey: not expressible. Grey box: the evidence band.",
                new Html().table("Scorecard (scorecard.csv)", List.of("Pattern", "Set", "Title", "Metric",
                        "Estimate (95% CI)", "Band", "Verdict", "Reason"), rows).toString(), true);
        page.endSection();
        return page;
    }
}
