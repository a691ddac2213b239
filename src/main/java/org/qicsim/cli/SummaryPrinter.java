package org.qicsim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.qicsim.analysis.Estimate;
import org.qicsim.analysis.PredictionInterval;
import org.qicsim.experiment.Comparison;
import org.qicsim.experiment.DesignSummary;
import org.qicsim.model.RunResult;

/** Formats summaries for stdout: a metric per line, mean and 95% CI, readable on one screen. */
final class SummaryPrinter {
    private SummaryPrinter() {
    }

    static void design(PrintWriter out, DesignSummary summary) {
        design(out, summary, false);
    }

    /**
     * One design's summary; with {@code predictionIntervals} (replicates ran parameter draws) each
     * line also shows the 95% prediction interval over replicates, labelled {@code PI}.
     */
    static void design(PrintWriter out, DesignSummary summary, boolean predictionIntervals) {
        out.printf(Locale.ROOT, "%s (%d replicates), mean [95%% CI of the mean]%s%n", summary.design().name(),
                summary.metric("finalRate").n(), predictionIntervals ? PI_LEGEND : "");
        for (String metric : RunResult.METRICS) {
            out.printf(Locale.ROOT, "  %-26s %s%n", metric, predictionIntervals ? withPi(summary.metric(metric))
                    : estimate(summary.metric(metric)));
        }
        out.printf(Locale.ROOT, "  %-26s %s%n", "costPerEventAverted", costEffectiveness(summary));
    }

    /** What {@code PI} means, after a header. */
    static final String PI_LEGEND = "  PI [95% prediction interval over replicates, parameter draws included]";

    /** An estimate followed by {@code PI [low, high]}. */
    static String withPi(Estimate e) {
        var pi = PredictionInterval.of(e);
        return estimate(e) + (Double.isNaN(pi.piLow()) ? "" : "  PI [" + number(pi.piLow()) + ", "
                + number(pi.piHigh()) + "]");
    }

    static void comparison(PrintWriter out, Comparison c) {
        comparison(out, c, false);
    }

    /** As above; {@code predictionIntervals} adds each estimate's and difference's 95% prediction interval. */
    static void comparison(PrintWriter out, Comparison c, boolean predictionIntervals) {
        out.println(c.paired() ? "Paired comparison (common random numbers; differences from design 1)"
                : "UNPAIRED comparison (different worlds; Welch intervals for differences from design 1)");
        if (predictionIntervals) {
            out.println("mean [95% CI of the mean]" + PI_LEGEND + "; each replicate ran one parameter draw, the same "
                    + "for every design");
        }
        int nameWidth = c.summaries().stream().mapToInt(s -> s.design().name().length()).max().orElse(10);
        for (String metric : Comparison.KEY_METRICS) {
            out.println(metric);
            List<String> cells = new ArrayList<>();
            for (DesignSummary s : c.summaries()) {
                cells.add(predictionIntervals ? withPi(s.metric(metric)) : estimate(s.metric(metric)));
            }
            int width = cells.stream().mapToInt(String::length).max().orElse(10);
            for (int k = 0; k < c.summaries().size(); k++) {
                Estimate diff = c.difference(k, metric);
                String line = String.format(Locale.ROOT, "  %d %-" + nameWidth + "s  %-" + width + "s", k + 1,
                        c.summaries().get(k).design().name(), cells.get(k));
                out.println(diff == null ? line.stripTrailing() : line + "  diff "
                        + (predictionIntervals ? withPi(diff) : estimate(diff)));
            }
        }
        out.println("costPerEventAverted");
        for (int k = 0; k < c.summaries().size(); k++) {
            DesignSummary s = c.summaries().get(k);
            out.printf(Locale.ROOT, "  %d %-" + nameWidth + "s  %s%n", k + 1, s.design().name(), costEffectiveness(s));
        }
    }

    static String costEffectiveness(DesignSummary s) {
        if (s.dominated()) {
            return "dominated (no events averted on average)";
        }
        var r = s.costPerEventAverted();
        return number(r.ratio()) + " [" + number(r.ciLow()) + ", " + number(r.ciHigh()) + "]";
    }

    static String estimate(Estimate e) {
        if (e == null || e.n() == 0) {
            return "-";
        }
        if (Double.isNaN(e.ciLow())) {
            return number(e.mean());
        }
        return number(e.mean()) + " [" + number(e.ciLow()) + ", " + number(e.ciHigh()) + "]";
    }

    /** Four significant digits, thousands grouped for large values. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (Math.abs(v) >= 10000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
