package org.qicsim.report;

import java.util.Locale;

/**
 * An inline SVG chart under construction: a fixed view box that scales to the page width, a
 * title and description for screen readers ({@code role="img"}), and drawing primitives. Colours
 * are the Okabe–Ito palette, distinguishable with the common colour-vision deficiencies.
 */
final class Svg {
    static final String[] PALETTE = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
        "#F0E442"};
    static final String GREY = "#6b6b6b";
    static final String LIGHT = "#d9d9d9";

    final double width;
    final double height;
    private final StringBuilder body = new StringBuilder(8 * 1024);
    private final String title;
    private final String description;
    private final String id;

    /** {@code id} must be unique in the page: it links the chart to its title and description. */
    Svg(String id, double width, double height, String title, String description) {
        this.id = id;
        this.width = width;
        this.height = height;
        this.title = title;
        this.description = description;
    }

    static String colour(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth, String dash) {
        body.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
                .append(n(strokeWidth)).append('"');
        if (dash != null) {
            body.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        body.append("/>\n");
        return this;
    }

    Svg rect(double x, double y, double w, double h, String fill, double opacity) {
        body.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"")
                .append(n(Math.max(0, w))).append("\" height=\"").append(n(Math.max(0, h))).append("\" fill=\"")
                .append(fill).append("\" fill-opacity=\"").append(opacity).append("\"/>\n");
        return this;
    }

    Svg circle(double cx, double cy, double r, String fill, String stroke) {
        body.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append("\" fill=\"").append(fill).append("\" stroke=\"").append(stroke).append("\"/>\n");
        return this;
    }

    Svg diamond(double cx, double cy, double r, String fill) {
        return polygon(new double[] {cx, cx + r, cx, cx - r}, new double[] {cy - r, cy, cy + r, cy}, fill, 1.0);
    }

    /** A polyline through the finite points; gaps (NaN) break it into pieces. */
    Svg polyline(double[] xs, double[] ys, String stroke, double strokeWidth, String dash) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                pen = false;
                continue;
            }
            d.append(pen ? " L" : " M").append(n(xs[i])).append(' ').append(n(ys[i]));
            pen = true;
        }
        if (d.length() == 0) {
            return this;
        }
        body.append("<path d=\"").append(d.toString().trim()).append("\" fill=\"none\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"").append(n(strokeWidth)).append('"');
        if (dash != null) {
            body.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        body.append("/>\n");
        return this;
    }

    Svg polygon(double[] xs, double[] ys, String fill, double opacity) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                points.append(n(xs[i])).append(',').append(n(ys[i])).append(' ');
            }
        }
        if (points.length() > 0) {
            body.append("<polygon points=\"").append(points.toString().trim()).append("\" fill=\"").append(fill)
                    .append("\" fill-opacity=\"").append(opacity).append("\"/>\n");
        }
        return this;
    }

    /** Text; {@code anchor} start, middle or end; {@code rotate} turns it about its anchor (degrees). */
    Svg text(double x, double y, String text, String anchor, double size, String fill, double rotate) {
        body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"")
                .append(anchor).append("\" font-size=\"").append(n(size)).append("\" fill=\"").append(fill).append('"');
        if (rotate != 0) {
            body.append(" transform=\"rotate(").append(n(rotate)).append(' ').append(n(x)).append(' ').append(n(y))
                    .append(")\"");
        }
        body.append('>').append(Html.escape(text)).append("</text>\n");
        return this;
    }

    /** A horizontal axis at pixel row {@code y}: ticks, grid lines up to {@code top}, labels and a title. */
    Svg xAxis(Scale scale, double y, double top, Style style, String label) {
        for (double t : scale.ticks()) {
            double x = scale.px(t);
            line(x, top, x, y, "#eeeeee", 1, null);
            line(x, y, x, y + 4, GREY, 1, null);
            text(x, y + 16, scale.label(t, style), "middle", 11, "#333333", 0);
        }
        line(scale.px(scale.min), y, scale.px(scale.max), y, GREY, 1, null);
        text((scale.px(scale.min) + scale.px(scale.max)) / 2, y + 34, label, "middle", 12, "#222222", 0);
        return this;
    }

    /** A vertical axis at pixel column {@code x}: ticks, grid lines across to {@code right}, labels and a title. */
    Svg yAxis(Scale scale, double x, double right, Style style, String label) {
        for (double t : scale.ticks()) {
            double y = scale.px(t);
            line(x, y, right, y, "#eeeeee", 1, null);
            line(x - 4, y, x, y, GREY, 1, null);
            text(x - 7, y + 4, scale.label(t, style), "end", 11, "#333333", 0);
        }
        line(x, scale.px(scale.min), x, scale.px(scale.max), GREY, 1, null);
        double mid = (scale.px(scale.min) + scale.px(scale.max)) / 2;
        text(x - 58, mid, label, "middle", 12, "#222222", -90);
        return this;
    }

    /** A legend entry: a swatch (line or dot) and its label. */
    Svg legend(double x, double y, String colour, String label, boolean dot, String dash) {
        if (dot) {
            circle(x + 9, y - 4, 4, colour, colour);
        } else {
            line(x, y - 4, x + 18, y - 4, colour, 2.5, dash);
        }
        return text(x + 24, y, label, "start", 11, "#222222", 0);
    }

    @Override
    public String toString() {
        String titleId = id + "-title";
        String descId = id + "-desc";
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 " + n(width) + " " + n(height)
                + "\" role=\"img\" aria-labelledby=\"" + titleId + " " + descId + "\" font-family=\"system-ui, "
                + "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif\">\n<title id=\"" + titleId + "\">"
                + Html.escape(title) + "</title>\n<desc id=\"" + descId + "\">" + Html.escape(description)
                + "</desc>\n" + body + "</svg>\n";
    }
}
