package org.qicsim.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The report of a calibrate folder: the posterior of each parameter against its prior range
 * ({@code posterior-summary.csv}) and the sequence of tolerances ({@code diagnostics.csv}), or, for
 * history matching, the non-implausible share of the prior and the emulators' checks wave by wave.
 */
final class CalibrationReport {
    private CalibrationReport() {
    }

    static Page render(ResultsDir dir) throws IOException {
        Page page = new Page("Calibration: what the evidence says about the parameters",
                "qicsim calibrate folder " + dir.dir().toAbsolutePath().normalize().getFileName());
        if (dir.has("posterior-summary.csv")) {
            posterior(dir, page);
        } else {
            page.summary(Html.escape("This folder has no posterior-summary.csv."));
        }
        if (dir.has("diagnostics.csv")) {
            if (dir.csv("diagnostics.csv").has("wave")) {
                waves(dir, page);
            } else {
                diagnostics(dir, page);
            }
        }
        if (dir.has("posterior.csv")) {
            CsvTable p = dir.csv("posterior.csv");
            page.summary("The posterior sample has " + Html.num(p.size(), Style.COUNT, Source.csv("posterior.csv",
                    "count()")) + " weighted draws (posterior.csv).");
        }
        return page;
    }

    private static void posterior(ResultsDir dir, Page page) throws IOException {
        CsvTable s = dir.csv("posterior-summary.csv").require("parameter", "priorLow", "priorHigh", "mean", "sd", "q025",
                "q50", "q975");
        page.section("Posterior against prior",
                "For each calibrated parameter, the grey box is the range the prior allowed and the line is the "
                        + "95% posterior interval after fitting the published patterns (dot: posterior median). A "
                        + "line much shorter than its box means the evidence pins the parameter down; a line as wide "
                        + "as the box means the evidence says little about it. Each row has its own scale.");
        List<Charts.Row> forest = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        String narrowest = null;
        double narrowestShare = Double.POSITIVE_INFINITY;
        for (CsvTable.Row r : s.rows()) {
            String p = r.text("parameter");
            forest.add(new Charts.Row(p, r.number("q50"), r.number("q025"), r.number("q975"), Double.NaN, Double.NaN,
                    r.number("priorLow"), r.number("priorHigh"), Svg.colour(0)));
            List<String> row = new ArrayList<>();
            row.add(Html.escape(p));
            row.add(Html.interval(r.number("priorLow"), r.number("priorHigh"), Style.GENERAL,
                    Source.csv("posterior-summary.csv", "priorLow", "parameter", p),
                    Source.csv("posterior-summary.csv", "priorHigh", "parameter", p)));
            for (String c : new String[] {"mean", "sd", "q50"}) {
                row.add(Html.num(r.number(c), Style.GENERAL, Source.csv("posterior-summary.csv", c, "parameter", p)));
            }
            row.add(Html.interval(r.number("q025"), r.number("q975"), Style.GENERAL,
                    Source.csv("posterior-summary.csv", "q025", "parameter", p),
                    Source.csv("posterior-summary.csv", "q975", "parameter", p)));
            rows.add(row);
            double share = (r.number("q975") - r.number("q025")) / (r.number("priorHigh") - r.number("priorLow"));
            if (Double.isFinite(share) && share < narrowestShare) {
                narrowestShare = share;
                narrowest = p;
            }
        }
        String svg = Charts.forest(page.chartId(), "Posterior intervals within prior ranges",
                "Each parameter's 95% posterior interval and median within its prior range.", forest, Style.GENERAL,
                "", true, false);
        page.figure(svg, "Grey box: prior range; line: 95% posterior interval; dot: median.", new Html().table(
                "Posterior summary (posterior-summary.csv)", List.of("Parameter", "Prior range", "Mean", "SD", "Median",
                        "95% interval"), rows).toString(), true);
        page.endSection();
        page.summary(Html.escape(s.size() + " parameter" + (s.size() == 1 ? " was" : "s were") + " calibrated"
                + (narrowest == null ? "." : "; the evidence constrains " + narrowest + " most (its 95% posterior "
                        + "interval spans " + Math.round(narrowestShare * 100) + "% of its prior range).")));
    }

    /** The waves of a history-matching calibration (docs/CALIBRATION.md, "The second method"). */
    private static void waves(ResultsDir dir, Page page) throws IOException {
        CsvTable d = dir.csv("diagnostics.csv").require("wave", "points", "trainingPoints", "runs",
                "nonImplausibleFraction", "looWithin3", "looMaxAbs");
        page.section("How history matching narrowed the space",
                "Each wave runs the model at new points of the space not yet ruled out, fits an emulator of every "
                        + "target statistic, and rules out the parameter sets that are implausible: more than 3 "
                        + "standard deviations from the evidence. The leave-one-out errors check each emulator: "
                        + "nearly all should lie within ±3.");
        List<CsvTable.Row> all = d.rows();
        double[] w = new double[all.size()];
        double[] share = new double[all.size()];
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            CsvTable.Row r = all.get(i);
            w[i] = r.number("wave");
            share[i] = r.number("nonImplausibleFraction");
            String wave = r.text("wave");
            List<String> row = new ArrayList<>();
            row.add(Html.escape(wave));
            for (String c : new String[] {"points", "trainingPoints", "runs"}) {
                row.add(Html.num(r.number(c), Style.COUNT, Source.csv("diagnostics.csv", c, "wave", wave)));
            }
            row.add(Html.num(r.number("nonImplausibleFraction"), Style.PERCENT, Source.csv("diagnostics.csv",
                    "nonImplausibleFraction", "wave", wave)));
            row.add(Html.num(r.number("looWithin3"), Style.PERCENT, Source.csv("diagnostics.csv", "looWithin3", "wave",
                    wave)));
            row.add(Html.num(r.number("looMaxAbs"), Style.GENERAL, Source.csv("diagnostics.csv", "looMaxAbs", "wave",
                    wave)));
            rows.add(row);
        }
        String svg = Charts.lines(page.chartId(), "Non-implausible share by wave",
                "Share of the prior's volume not ruled out after each wave.",
                List.of(new Charts.Series("non-implausible share", Svg.colour(0), null, w, share, null, null)),
                Style.COUNT, "Wave", Style.PERCENT, "Non-implausible share", true, null);
        page.figure(svg, "Non-implausible share of the prior by wave.", new Html().table("Diagnostics (diagnostics.csv)",
                List.of("Wave", "Points", "Emulator training points", "Runs so far", "Non-implausible share",
                        "LOO errors within ±3", "Largest |LOO error|"), rows).toString(), true);
        page.endSection();
        if (!all.isEmpty()) {
            CsvTable.Row last = all.get(all.size() - 1);
            String wave = last.text("wave");
            page.summary("History matching ran " + Html.escape(String.valueOf(all.size())) + " wave"
                    + (all.size() == 1 ? "" : "s") + "; after the last, "
                    + Html.num(last.number("nonImplausibleFraction"), Style.PERCENT, Source.csv("diagnostics.csv",
                            "nonImplausibleFraction", "wave", wave)) + " of the prior's volume was not ruled out.");
        }
    }

    private static void diagnostics(ResultsDir dir, Page page) throws IOException {
        CsvTable d = dir.csv("diagnostics.csv").require("generation", "epsilon", "particles", "evaluations",
                "acceptanceRate", "ess");
        page.section("How the search converged",
                "Approximate Bayesian computation keeps simulated parameter sets whose outputs lie within a "
                        + "tolerance (ε) of the evidence, and tightens the tolerance generation by generation. The "
                        + "effective sample size (ESS) says how many independent draws the weighted particles are "
                        + "worth.");
        List<CsvTable.Row> all = d.rows();
        double[] g = new double[all.size()];
        double[] eps = new double[all.size()];
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < g.length; i++) {
            CsvTable.Row r = all.get(i);
            g[i] = r.number("generation");
            eps[i] = r.number("epsilon");
            String gen = r.text("generation");
            List<String> row = new ArrayList<>();
            row.add(Html.escape(gen));
            row.add(Html.num(r.number("epsilon"), Style.GENERAL, Source.csv("diagnostics.csv", "epsilon", "generation",
                    gen)));
            for (String c : new String[] {"particles", "evaluations"}) {
                row.add(Html.num(r.number(c), Style.COUNT, Source.csv("diagnostics.csv", c, "generation", gen)));
            }
            row.add(Html.num(r.number("acceptanceRate"), Style.PERCENT, Source.csv("diagnostics.csv", "acceptanceRate",
                    "generation", gen)));
            row.add(Html.num(r.number("ess"), Style.GENERAL, Source.csv("diagnostics.csv", "ess", "generation", gen)));
            rows.add(row);
        }
        String svg = Charts.lines(page.chartId(), "Tolerance by generation", "Tolerance epsilon in each generation.",
                List.of(new Charts.Series("tolerance ε", Svg.colour(0), null, g, eps, null, null)), Style.COUNT,
                "Generation", Style.GENERAL, "Tolerance ε", true, null);
        page.figure(svg, "Tolerance ε by generation.", new Html().table("Diagnostics (diagnostics.csv)",
                List.of("Generation", "ε", "Particles", "Evaluations", "Acceptance rate", "ESS"), rows).toString(), true);
        page.endSection();
        if (!all.isEmpty()) {
            CsvTable.Row last = all.get(all.size() - 1);
            String gen = last.text("generation");
            page.summary("The search ran " + Html.escape(String.valueOf(all.size())) + " generations; the last reached "
                    + "tolerance " + Html.num(last.number("epsilon"), Style.GENERAL, Source.csv("diagnostics.csv",
                            "epsilon", "generation", gen)) + " with an effective sample size of "
                    + Html.num(last.number("ess"), Style.GENERAL, Source.csv("diagnostics.csv", "ess", "generation", gen))
                    + ".");
        }
    }
}
