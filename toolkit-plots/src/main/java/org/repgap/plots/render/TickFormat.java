package org.repgap.plots.render;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.function.Function;

/**
 * Tick labels as a careful matplotlib user would have them: a true minus sign, no trailing zeros,
 * and on log axes powers of ten with Unicode superscripts ({@code 10⁻³}, not {@code 1E-3}).
 */
public final class TickFormat {
    private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private static final char MINUS = '\u2212';
    private static final char SUPERSCRIPT_MINUS = '\u207B';

    private TickFormat() {
    }

    /** {@code 10^k} with a superscript exponent: {@code power(-3)} is {@code "10⁻³"}. */
    public static String power(int k) {
        return "10" + superscript(k);
    }

    /** The digits of {@code k} as Unicode superscripts. */
    public static String superscript(int k) {
        String s = Integer.toString(k);
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(c == '-' ? SUPERSCRIPT_MINUS : SUPERSCRIPT_DIGITS.charAt(c - '0'));
        }
        return b.toString();
    }

    /**
     * A plain number with at most 10 significant digits and no trailing zeros, with a true minus;
     * very large or small magnitudes as {@code m×10ᵏ}.
     */
    public static String number(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e5 || a < 1e-3) {
            int k = (int) Math.floor(Math.log10(a) + 1e-9);
            double m = v / Math.pow(10, k);
            String ms = plain(m);
            return ("1".equals(ms) ? "" : "−1".equals(ms) ? "−" : ms + "×") + power(k);
        }
        return plain(v);
    }

    private static String plain(double v) {
        String s = new BigDecimal(v).round(new MathContext(10)).stripTrailingZeros().toPlainString();
        return s.replace('-', MINUS);
    }

    /** Tick labels for a linear axis. */
    public static Function<Double, String> linear() {
        return v -> number(v);
    }

    /**
     * Tick labels for a log axis spanning [{@code min}, {@code max}] whose ticks fall at
     * {@code m·10^k}, {@code m = 1..9}. With two or more powers of ten in range only those are
     * labelled ({@code 10ᵏ}); with fewer, the ticks at m = 1, 2, 5 (also 3 below one decade, all of
     * them below half a decade) are labelled as plain numbers so that the axis always carries at
     * least two labels.
     */
    public static Function<Double, String> log(double min, double max) {
        double lo = Math.log10(min);
        double hi = Math.log10(max);
        int decades = (int) (Math.floor(hi + 1e-9) - Math.ceil(lo - 1e-9)) + 1;
        boolean all = hi - lo < 0.5;
        boolean threes = hi - lo < 1;
        return v -> {
            if (!(v > 0)) {
                return "";
            }
            double k = Math.log10(v);
            long r = Math.round(k);
            boolean decade = Math.abs(k - r) < 1e-6;
            if (decades >= 2) {
                return decade ? power((int) r) : "";
            }
            int e = (int) Math.floor(k + 1e-9);
            long m = Math.round(v / Math.pow(10, e));
            return all || m == 1 || m == 2 || m == 5 || (threes && m == 3) ? number(v) : "";
        };
    }
}
