package org.qicsim.scenario.tree;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Text forms of doubles. Java 17's {@code Double.toString} is not always the shortest decimal that
 * reads back to the same double (JDK-4511638, fixed only in Java 19), and canonical forms are
 * hashed, so the shortest form is computed here.
 */
public final class Numbers {

    private Numbers() {
    }

    /**
     * The shortest decimal that parses back to {@code d}, as a YAML float: always with a decimal
     * point ({@code 30000.0}, {@code 0.131}), and in the YAML 1.1 exponent form
     * {@code 1.0e+20} outside [1e-7, 1e16). Non-finite values use YAML's {@code .inf}/{@code .nan}.
     */
    public static String yaml(double d) {
        if (Double.isNaN(d)) {
            return ".nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? ".inf" : "-.inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(d);
        int exponent = shortest.precision() - shortest.scale() - 1;
        if (exponent >= -7 && exponent < 16) {
            String plain = shortest.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String digits = shortest.unscaledValue().abs().toString();
        String mantissa = digits.charAt(0) + "." + (digits.length() > 1 ? digits.substring(1) : "0");
        return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }

    /** The shortest decimal for messages: {@code 1} rather than {@code 1.0}, {@code 1e+07} for large values. */
    public static String plain(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
            return Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "∞" : "-∞") : "0";
        }
        BigDecimal shortest = shortest(d);
        int exponent = shortest.precision() - shortest.scale() - 1;
        if (exponent >= -7 && exponent < 16) {
            return shortest.toPlainString();
        }
        String digits = shortest.unscaledValue().abs().toString();
        String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
        return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }

    /** The decimal with fewest significant digits whose nearest double is {@code d} (finite, non-zero). */
    static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision <= 17; precision++) {
            // The nearest decimal of this many digits lies within d's rounding interval whenever any does.
            BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == d) {
                return rounded.stripTrailingZeros();
            }
        }
        return exact.round(MathContext.DECIMAL64).stripTrailingZeros();
    }
}
