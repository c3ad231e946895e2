package org.repgap.plots.results;

import java.util.Locale;

/** Number formatting and grids shared by the adapters. */
final class Labels {
    private Labels() {
    }

    /** Three significant digits, trailing zeros dropped, a true minus sign; {@code ?} when not finite. */
    static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return "?";
        }
        return String.format(Locale.ROOT, "%.3g", v).replaceAll("(\\.[0-9]*?)0+$", "$1").replaceAll("\\.$", "").replace('-', '\u2212');
    }

    /** {@code m} log-spaced values from {@code a} to {@code b}; just {@code {a, b}} unless {@code 0 < a < b}. */
    static double[] logspace(double a, double b, int m) {
        if (!(a > 0) || !(b > a)) {
            return new double[] {a, b};
        }
        double[] x = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = a * Math.pow(b / a, i / (m - 1.0));
        }
        return x;
    }

    static double orNaN(Double v) {
        return v == null ? Double.NaN : v;
    }
}
