package org.repgap.plots.io;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The few law formulas needed to draw fitted laws from their parameters (THEORY.md section 6), as
 * plain functions; fitting them is the core's business.
 * <ul>
 *   <li>{@code rg}: {@code L = C n^(-2/d)}, parameters {@code C}, {@code d};</li>
 *   <li>{@code power}: {@code L = A n^(-alpha)}, parameters {@code A}, {@code alpha};</li>
 *   <li>{@code power+offset}: {@code L = E + A n^(-alpha)}, parameters {@code E}, {@code A}, {@code alpha}.</li>
 * </ul>
 * Parameter names match case-insensitively; {@code constant} is accepted for {@code C}/{@code A} and
 * {@code offset} for {@code E}.
 */
public final class LawCurves {
    private LawCurves() {
    }

    /** Whether {@code law} is one this class can evaluate. */
    public static boolean known(String law) {
        String l = normal(law);
        return l.equals("rg") || l.equals("power") || l.equals("power+offset");
    }

    /**
     * The law evaluated at {@code x}, or empty when the law is unknown or a parameter is missing or
     * not finite.
     */
    public static Optional<double[]> evaluate(String law, Map<String, Double> params, double[] x) {
        String l = normal(law);
        double[] y = new double[x.length];
        switch (l) {
            case "rg": {
                double c = param(params, "c", "constant", "a");
                double d = param(params, "d");
                if (!Double.isFinite(c) || !(d > 0)) {
                    return Optional.empty();
                }
                for (int i = 0; i < x.length; i++) {
                    y[i] = c * Math.pow(x[i], -2.0 / d);
                }
                return Optional.of(y);
            }
            case "power":
            case "power+offset": {
                double a = param(params, "a", "constant", "c");
                double alpha = param(params, "alpha", "exponent");
                double e = l.equals("power") ? 0 : param(params, "e", "offset");
                if (!Double.isFinite(a) || !Double.isFinite(alpha) || !Double.isFinite(e)) {
                    return Optional.empty();
                }
                for (int i = 0; i < x.length; i++) {
                    y[i] = e + a * Math.pow(x[i], -alpha);
                }
                return Optional.of(y);
            }
            default:
                return Optional.empty();
        }
    }

    /** The dimension a law implies: {@code d} for {@code rg}, {@code 2/alpha} for the power laws; NaN otherwise. */
    public static double impliedD(String law, Map<String, Double> params) {
        String l = normal(law);
        if (l.equals("rg")) {
            return param(params, "d");
        }
        if (l.equals("power") || l.equals("power+offset")) {
            double alpha = param(params, "alpha", "exponent");
            return alpha > 0 ? 2 / alpha : Double.NaN;
        }
        return Double.NaN;
    }

    private static String normal(String law) {
        return law == null ? "" : law.trim().toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "+");
    }

    private static double param(Map<String, Double> params, String... names) {
        for (String n : names) {
            for (Map.Entry<String, Double> e : params.entrySet()) {
                if (e.getKey().equalsIgnoreCase(n) && e.getValue() != null) {
                    return e.getValue();
                }
            }
        }
        return Double.NaN;
    }
}
