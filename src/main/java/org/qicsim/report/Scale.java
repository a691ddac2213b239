package org.qicsim.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A linear axis: a data interval widened to round ticks (1, 2 or 5 × 10^k), mapped to pixels. */
final class Scale {
    final double min;
    final double max;
    final double step;
    private final double from;
    private final double to;

    private Scale(double min, double max, double step, double from, double to) {
        this.min = min;
        this.max = max;
        this.step = step;
        this.from = from;
        this.to = to;
    }

    /**
     * A scale covering every finite value (and {@code 0} when {@code withZero}), about five ticks,
     * mapped onto pixels {@code from} (at the minimum) to {@code to}.
     */
    static Scale of(Iterable<Double> values, boolean withZero, double from, double to) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (withZero) {
            lo = Math.min(lo, 0);
            hi = Math.max(hi, 0);
        }
        if (!Double.isFinite(lo)) {
            lo = 0;
            hi = 1;
        }
        if (hi - lo <= Math.abs(hi) * 1e-12) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        double raw = (hi - lo) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        double step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
        double min = Math.floor(lo / step) * step;
        double max = Math.ceil(hi / step) * step;
        return new Scale(min, max, step, from, to);
    }

    static Scale fixed(double min, double max, double step, double from, double to) {
        return new Scale(min, max, step, from, to);
    }

    /** The pixel of {@code value} (values outside the domain are clamped to its ends). */
    double px(double value) {
        double v = Math.max(min, Math.min(max, value));
        return from + (v - min) / (max - min) * (to - from);
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        int count = (int) Math.round((max - min) / step);
        for (int i = 0; i <= count; i++) {
            // Round away the floating-point residue of min + i·step.
            ticks.add(new BigDecimal(min + i * step).setScale(12, RoundingMode.HALF_EVEN).doubleValue());
        }
        return ticks;
    }

    /** A tick label with as many decimals as the step needs, in the style's unit. */
    String label(double value, Style style) {
        double big = Math.max(Math.abs(min), Math.abs(max));
        if ((style == Style.MONEY || style == Style.COUNT || style == Style.GENERAL) && big >= 10_000) {
            // Long tick labels collide: thousands and millions as k and M.
            double unit = big >= 1_000_000 ? 1_000_000 : 1_000;
            String suffix = unit == 1_000_000 ? "M" : "k";
            Scale shrunk = new Scale(min / unit, max / unit, step / unit, from, to);
            String text = shrunk.label(value / unit, Style.INDEX);
            String sign = text.startsWith("−") ? "−" : "";
            String digits = sign.isEmpty() ? text : text.substring(1);
            return sign + (style == Style.MONEY ? "$" : "") + digits + suffix;
        }
        double scaled = style == Style.RATE || style == Style.PERCENT ? value * 100 : value;
        double scaledStep = style == Style.RATE || style == Style.PERCENT ? step * 100 : step;
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(scaledStep) + 1e-9));
        DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        String s = f.format(Math.abs(scaled) < scaledStep * 1e-9 ? 0 : Math.abs(scaled));
        String sign = scaled < 0 && !s.matches("[0.,]*") ? "−" : "";
        return switch (style) {
            case RATE, PERCENT -> sign + s + "%";
            case MONEY -> sign + "$" + s;
            default -> sign + s;
        };
    }
}
