package org.qicsim.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's charts, drawn as SVG text. Each method returns {@code null} when there is nothing
 * finite to draw (the caller then says so in words), so a folder of missing values still renders.
 */
final class Charts {
    private static final double W = 720;
    private static final double LEFT = 84;
    private static final double RIGHT = 20;

    private Charts() {
    }

    /** A line with an optional band (NaN where absent). */
    record Series(String name, String colour, String dash, double[] x, double[] y, double[] low, double[] high) {
    }

    /** Lines over x with shaded bands: trajectories, acceptability curves, calibration diagnostics. */
    static String lines(String id, String title, String description, List<Series> series, Style xStyle,
            String xLabel, Style yStyle, String yLabel, boolean yFromZero, double[] yDomain) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.y()[i])) {
                    xs.add(s.x()[i]);
                    ys.add(s.y()[i]);
                }
                if (s.low() != null && Double.isFinite(s.low()[i]) && Double.isFinite(s.high()[i])) {
                    ys.add(s.low()[i]);
                    ys.add(s.high()[i]);
                }
            }
        }
        if (ys.isEmpty()) {
            return null;
        }
        double legendRows = Math.ceil(series.size() / 2.0);
        double top = 16 + legendRows * 18;
        double h = 330 + legendRows * 18;
        double bottom = h - 50;
        Svg svg = new Svg(id, W, h, title, description);
        Scale x = Scale.of(xs, false, LEFT, W - RIGHT);
        Scale y = yDomain != null ? Scale.fixed(yDomain[0], yDomain[1], yDomain[2], bottom, top)
                : Scale.of(ys, yFromZero, bottom, top);
        svg.xAxis(x, bottom, top, xStyle, xLabel).yAxis(y, LEFT, W - RIGHT, yStyle, yLabel);
        for (Series s : series) {
            if (s.low() == null) {
                continue;
            }
            int n = s.x().length;
            List<Double> px = new ArrayList<>();
            List<Double> py = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (Double.isFinite(s.low()[i]) && Double.isFinite(s.high()[i])) {
                    px.add(x.px(s.x()[i]));
                    py.add(y.px(s.high()[i]));
                }
            }
            for (int i = n - 1; i >= 0; i--) {
                if (Double.isFinite(s.low()[i]) && Double.isFinite(s.high()[i])) {
                    px.add(x.px(s.x()[i]));
                    py.add(y.px(s.low()[i]));
                }
            }
            svg.polygon(toArray(px), toArray(py), s.colour(), 0.18);
        }
        for (Series s : series) {
            double[] px = new double[s.x().length];
            double[] py = new double[s.x().length];
            for (int i = 0; i < px.length; i++) {
                px[i] = x.px(s.x()[i]);
                py[i] = Double.isFinite(s.y()[i]) ? y.px(s.y()[i]) : Double.NaN;
            }
            svg.polyline(px, py, s.colour(), 2.2, s.dash());
        }
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            svg.legend(LEFT + (i % 2) * 310, 16 + (i / 2) * 18, s.colour(), s.name(), false, s.dash());
        }
        return svg.toString();
    }

    /**
     * A funnel plot (Spiegelhalter 2005): each site's rate against its patients, the pooled rate,
     * and the 95% and 99.8% binomial limits {@code p ± z·√(p(1−p)/n)} (see {@link FunnelPlot}).
     */
    static String funnel(String id, String title, String description, double[] patients, double[] rates,
            boolean[] filled, double pooled, String xLabel) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < rates.length; i++) {
            if (Double.isFinite(rates[i]) && Double.isFinite(patients[i]) && patients[i] > 0) {
                xs.add(patients[i]);
                ys.add(rates[i]);
            }
        }
        if (ys.isEmpty() || !Double.isFinite(pooled)) {
            return null;
        }
        double h = 340;
        double top = 34;
        double bottom = h - 50;
        double maxN = xs.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double minN = Math.max(1, xs.stream().mapToDouble(Double::doubleValue).min().orElse(1) * 0.8);
        xs.add(0.0);
        ys.add(Math.max(0, FunnelPlot.limit(pooled, minN, FunnelPlot.Z998, -1)));
        ys.add(Math.min(1, FunnelPlot.limit(pooled, minN, FunnelPlot.Z998, +1)));
        Svg svg = new Svg(id, W, h, title, description);
        Scale x = Scale.of(xs, true, LEFT, W - RIGHT);
        Scale y = Scale.of(ys, false, bottom, top);
        svg.xAxis(x, bottom, top, Style.COUNT, xLabel).yAxis(y, LEFT, W - RIGHT, Style.RATE, "Adverse-event rate");
        int steps = 80;
        for (double z : new double[] {FunnelPlot.Z95, FunnelPlot.Z998}) {
            for (int side : new int[] {-1, 1}) {
                double[] px = new double[steps + 1];
                double[] py = new double[steps + 1];
                for (int k = 0; k <= steps; k++) {
                    double n = minN + (x.max - minN) * k / steps;
                    px[k] = x.px(n);
                    double l = FunnelPlot.limit(pooled, n, z, side);
                    py[k] = l < y.min || l > y.max ? Double.NaN : y.px(l);
                }
                svg.polyline(px, py, z == FunnelPlot.Z95 ? "#888888" : "#444444", 1.2,
                        z == FunnelPlot.Z95 ? "5 4" : null);
            }
        }
        svg.line(x.px(Math.max(x.min, 0)), y.px(pooled), x.px(x.max), y.px(pooled), "#222222", 1.2, "2 3");
        for (int i = 0; i < rates.length; i++) {
            if (Double.isFinite(rates[i]) && Double.isFinite(patients[i]) && patients[i] > 0) {
                svg.circle(x.px(patients[i]), y.px(rates[i]), 4, filled[i] ? Svg.colour(0) : "#ffffff",
                        Svg.colour(0));
            }
        }
        svg.legend(LEFT, 16, Svg.colour(0), "member site", true, null)
                .legend(LEFT + 120, 16, "#222222", "pooled rate", false, "2 3")
                .legend(LEFT + 240, 16, "#888888", "95% limits", false, "5 4")
                .legend(LEFT + 360, 16, "#444444", "99.8% limits", false, null);
        svg.circle(LEFT + 489, 12, 4, "#ffffff", Svg.colour(0)).text(LEFT + 498, 16, "not a member", "start", 11,
                "#222222", 0);
        return svg.toString();
    }

    /**
     * One row of a forest plot: an estimate, its 95% confidence interval, optionally a prediction
     * interval and a target band (the pattern scorecard), all NaN where absent.
     */
    record Row(String label, double estimate, double ciLow, double ciHigh, double piLow, double piHigh,
            double bandLow, double bandHigh, String colour) {
        Row(String label, double estimate, double ciLow, double ciHigh, double piLow, double piHigh, String colour) {
            this(label, estimate, ciLow, ciHigh, piLow, piHigh, Double.NaN, Double.NaN, colour);
        }
    }

    /**
     * A forest plot: a row per estimate, a thick line for the confidence interval, a thin one with
     * end ticks for the prediction interval, a grey box for a band. With {@code ownScales} each row
     * has its own scale (rows of different metrics), printed at its ends.
     */
    static String forest(String id, String title, String description, List<Row> rows, Style style, String axisLabel,
            boolean ownScales, boolean zeroLine) {
        List<Double> all = new ArrayList<>();
        for (Row r : rows) {
            for (double v : new double[] {r.estimate(), r.ciLow(), r.ciHigh(), r.piLow(), r.piHigh(), r.bandLow(),
                r.bandHigh()}) {
                if (Double.isFinite(v)) {
                    all.add(v);
                }
            }
        }
        if (all.isEmpty()) {
            return null;
        }
        double labelWidth = 250;
        double rowH = 30;
        double top = 34;
        double h = top + rows.size() * rowH + (ownScales ? 20 : 56);
        double left = labelWidth;
        double right = W - (ownScales ? 90 : RIGHT);
        Svg svg = new Svg(id, W, h, title, description);
        Scale shared = Scale.of(all, zeroLine, left, right);
        double bottom = top + rows.size() * rowH;
        if (!ownScales) {
            svg.xAxis(shared, bottom, top - 8, style, axisLabel);
            if (zeroLine && shared.min <= 0 && shared.max >= 0) {
                svg.line(shared.px(0), top - 8, shared.px(0), bottom, "#222222", 1, "3 3");
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double cy = top + i * rowH + rowH / 2;
            Scale s = shared;
            if (ownScales) {
                List<Double> own = new ArrayList<>();
                for (double v : new double[] {r.estimate(), r.ciLow(), r.ciHigh(), r.piLow(), r.piHigh(), r.bandLow(),
                    r.bandHigh()}) {
                    own.add(v);
                }
                s = Scale.of(own, false, left, right);
                svg.line(left, cy + 10, right, cy + 10, Svg.LIGHT, 1, null);
                svg.text(left - 4, cy + 14, s.label(s.min, style), "end", 9, Svg.GREY, 0);
                svg.text(right + 4, cy + 14, s.label(s.max, style), "start", 9, Svg.GREY, 0);
            }
            svg.text(8, cy + 4, shorten(r.label(), ownScales ? 34 : 40), "start", 12, "#222222", 0);
            if (Double.isFinite(r.bandLow()) && Double.isFinite(r.bandHigh())) {
                svg.rect(s.px(r.bandLow()), cy - 9, s.px(r.bandHigh()) - s.px(r.bandLow()), 18, "#999999", 0.25);
            }
            if (Double.isFinite(r.piLow()) && Double.isFinite(r.piHigh())) {
                svg.line(s.px(r.piLow()), cy, s.px(r.piHigh()), cy, r.colour(), 1.2, null);
                svg.line(s.px(r.piLow()), cy - 5, s.px(r.piLow()), cy + 5, r.colour(), 1.2, null);
                svg.line(s.px(r.piHigh()), cy - 5, s.px(r.piHigh()), cy + 5, r.colour(), 1.2, null);
            }
            if (Double.isFinite(r.ciLow()) && Double.isFinite(r.ciHigh())) {
                svg.line(s.px(r.ciLow()), cy, s.px(r.ciHigh()), cy, r.colour(), 4, null);
            }
            if (Double.isFinite(r.estimate())) {
                svg.circle(s.px(r.estimate()), cy, 5.5, r.colour(), "#ffffff");
            } else {
                svg.text(left + 4, cy + 4, "not available", "start", 11, Svg.GREY, 0);
            }
        }
        return svg.toString();
    }

    /** Replicate points of one design on the cost-effectiveness plane, and their mean. */
    record Cloud(String name, String colour, double[] x, double[] y, double meanX, double meanY) {
    }

    /** The cost-effectiveness plane: events averted across, incremental cost up, axes through zero. */
    static String plane(String id, String title, String description, List<Cloud> clouds, String xLabel,
            String yLabel) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (Cloud c : clouds) {
            for (int i = 0; i < c.x().length; i++) {
                if (Double.isFinite(c.x()[i]) && Double.isFinite(c.y()[i])) {
                    xs.add(c.x()[i]);
                    ys.add(c.y()[i]);
                }
            }
            if (Double.isFinite(c.meanX()) && Double.isFinite(c.meanY())) {
                xs.add(c.meanX());
                ys.add(c.meanY());
            }
        }
        if (xs.isEmpty()) {
            return null;
        }
        double legendRows = Math.ceil(clouds.size() / 2.0);
        double top = 22 + legendRows * 18;
        double h = 380 + legendRows * 18;
        double bottom = h - 50;
        Svg svg = new Svg(id, W, h, title, description);
        Scale x = Scale.of(xs, true, LEFT, W - RIGHT);
        Scale y = Scale.of(ys, true, bottom, top);
        svg.xAxis(x, bottom, top, Style.COUNT, xLabel).yAxis(y, LEFT, W - RIGHT, Style.MONEY, yLabel);
        svg.line(x.px(0), top, x.px(0), bottom, "#222222", 1, null).line(LEFT, y.px(0), W - RIGHT, y.px(0), "#222222", 1,
                null);
        svg.text(W - RIGHT - 4, top + 12, "more effective, more costly", "end", 10, Svg.GREY, 0);
        svg.text(W - RIGHT - 4, bottom - 6, "dominant: more effective, cheaper", "end", 10, Svg.GREY, 0);
        svg.text(LEFT + 4, top + 12, "dominated: less effective, more costly", "start", 10, Svg.GREY, 0);
        for (Cloud c : clouds) {
            for (int i = 0; i < c.x().length; i++) {
                if (Double.isFinite(c.x()[i]) && Double.isFinite(c.y()[i])) {
                    svg.circle(x.px(c.x()[i]), y.px(c.y()[i]), 3, c.colour(), c.colour());
                }
            }
        }
        for (Cloud c : clouds) {
            if (Double.isFinite(c.meanX()) && Double.isFinite(c.meanY())) {
                svg.diamond(x.px(c.meanX()), y.px(c.meanY()), 8, "#000000").diamond(x.px(c.meanX()), y.px(c.meanY()),
                        6, c.colour());
            }
        }
        for (int i = 0; i < clouds.size(); i++) {
            svg.legend(LEFT + (i % 2) * 310, 16 + (i / 2) * 18, clouds.get(i).colour(), clouds.get(i).name(), true, null);
        }
        return svg.toString();
    }

    /** One bar: its category (a row), its series (colour), value and interval (NaN when absent). */
    record Bar(String category, String series, double value, double low, double high) {
    }

    /** Horizontal bars grouped by category, one colour per series, with interval whiskers. */
    static String bars(String id, String title, String description, List<Bar> bars, Style style, String axisLabel) {
        Map<String, List<Bar>> byCategory = new LinkedHashMap<>();
        List<String> series = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        for (Bar b : bars) {
            byCategory.computeIfAbsent(b.category(), k -> new ArrayList<>()).add(b);
            if (!series.contains(b.series())) {
                series.add(b.series());
            }
            for (double v : new double[] {b.value(), b.low(), b.high()}) {
                if (Double.isFinite(v)) {
                    all.add(v);
                }
            }
        }
        if (all.isEmpty()) {
            return null;
        }
        double barH = 14;
        double groupH = series.size() * barH + 12;
        double top = 36;
        double left = 250;
        double h = top + byCategory.size() * groupH + 56;
        double bottom = top + byCategory.size() * groupH;
        Svg svg = new Svg(id, W, h, title, description);
        Scale x = Scale.of(all, true, left, W - RIGHT);
        svg.xAxis(x, bottom, top - 8, style, axisLabel);
        int g = 0;
        for (Map.Entry<String, List<Bar>> e : byCategory.entrySet()) {
            double y0 = top + g * groupH + 6;
            svg.text(8, y0 + series.size() * barH / 2 + 4, shorten(e.getKey(), 40), "start", 12, "#222222", 0);
            for (Bar b : e.getValue()) {
                int si = series.indexOf(b.series());
                double y = y0 + si * barH;
                String colour = Svg.colour(si);
                if (Double.isFinite(b.value())) {
                    double a = x.px(Math.min(0, b.value()));
                    double z = x.px(Math.max(0, b.value()));
                    svg.rect(a, y + 1, z - a, barH - 2, colour, 0.85);
                }
                if (Double.isFinite(b.low()) && Double.isFinite(b.high())) {
                    double cy = y + barH / 2;
                    svg.line(x.px(b.low()), cy, x.px(b.high()), cy, "#222222", 1.3, null);
                    svg.line(x.px(b.low()), cy - 4, x.px(b.low()), cy + 4, "#222222", 1.3, null);
                    svg.line(x.px(b.high()), cy - 4, x.px(b.high()), cy + 4, "#222222", 1.3, null);
                }
            }
            g++;
        }
        if (x.min < 0) {
            svg.line(x.px(0), top - 8, x.px(0), bottom, "#222222", 1, null);
        }
        for (int i = 0; i < series.size(); i++) {
            svg.rect(left + i * 170, 8, 12, 12, Svg.colour(i), 0.85).text(left + i * 170 + 18, 18, series.get(i),
                    "start", 11, "#222222", 0);
        }
        return svg.toString();
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static double[] toArray(List<Double> values) {
        double[] a = new double[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        return a;
    }
}
