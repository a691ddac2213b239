package org.qicsim.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How a number is written in a report. Text uses {@code ,} for thousands, {@code .} for decimals
 * and U+2212 for minus, whatever the machine's locale, so a reader (and a test) can parse it back:
 * strip {@code $ , %} and read the rest, dividing by 100 after {@code %}.
 */
public enum Style {
    /** Adverse-event rates: percent with two decimals ({@code 10.37%}). */
    RATE,
    /** Shares, relative effects, probabilities: percent with one decimal ({@code 14.8%}). */
    PERCENT,
    /** Events and counts: whole numbers with thousands separators ({@code 1,346}). */
    COUNT,
    /** Money in US dollars, whole dollars ({@code $15,508}; MODEL.md: money is in US dollars). */
    MONEY,
    /** Indices (Sobol, Shapley shares): three decimals. */
    INDEX,
    /** Anything else: four significant digits. */
    GENERAL;

    /** The text of {@code value}, or {@code n/a} when it is not finite. */
    public String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "−∞";
        }
        String text = switch (this) {
            case RATE -> fixed(value * 100, 2) + "%";
            case PERCENT -> fixed(value * 100, 1) + "%";
            case COUNT -> fixed(value, 0);
            case MONEY -> value < 0 ? "-$" + fixed(-value, 0) : "$" + fixed(value, 0);
            case INDEX -> fixed(value, 3);
            case GENERAL -> significant(value, 4);
        };
        return text.startsWith("-") ? "−" + text.substring(1) : text;
    }

    private static String fixed(double value, int decimals) {
        DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        String s = f.format(value);
        // "-0" and "-0.00" read as zero.
        return s.matches("-[0.,]*") ? s.substring(1) : s;
    }

    private static String significant(double value, int digits) {
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        if (rounded.abs().compareTo(BigDecimal.valueOf(1000)) >= 0) {
            return fixed(rounded.doubleValue(), 0);
        }
        return rounded.stripTrailingZeros().toPlainString();
    }

    /** The style a metric of {@code runs.csv} / {@code summary.json} is written in, from its name. */
    public static Style ofMetric(String metric) {
        String m = metric.toLowerCase(Locale.ROOT);
        if (m.endsWith("rate")) {
            return RATE;
        }
        if (m.startsWith("cost") || m.contains("savings") || m.contains("payment") || m.contains("nmb")
                || m.contains("icer") || m.contains("paidtonoise") || m.startsWith("incrementalcost")) {
            return MONEY;
        }
        if (m.startsWith("eventsaverted") && !m.endsWith("per1000")) {
            return COUNT;
        }
        if (m.contains("share") || m.contains("relative") || m.equals("retention") || m.contains("precision")
                || m.contains("accuracy") || m.contains("probability") || m.startsWith("responseshares")) {
            return PERCENT;
        }
        if (m.equals("imitations")) {
            return COUNT;
        }
        return GENERAL;
    }
}
