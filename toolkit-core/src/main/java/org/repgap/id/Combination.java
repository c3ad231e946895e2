package org.repgap.id;

import java.util.Arrays;

/**
 * How pointwise estimates {@code m_i} combine into one dimension: arithmetic mean (Levina and
 * Bickel 2004), median, or the MacKay and Ghahramani (2005) inverse averaging
 * {@code d = 1 / mean_i(1/m_i)} ({@code mle}, MLE only). NaN values propagate, as in the peers.
 */
public enum Combination {
    MEAN, MEDIAN, MLE;

    /** Name as on the command line and in JSON. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses {@code mean}, {@code median} or {@code mle}. */
    public static Combination parse(String s) {
        for (Combination c : values()) {
            if (c.label().equalsIgnoreCase(s == null ? "" : s.trim())) {
                return c;
            }
        }
        throw org.repgap.InvalidInputException.of("combination '%s': expected mean, median or mle", s);
    }

    /** Mean of {@code values[rows[i]]}. */
    static double mean(double[] values, int[] rows) {
        double s = 0;
        for (int r : rows) {
            s += values[r];
        }
        return s / rows.length;
    }

    /** Median of {@code values[rows[i]]}: the average of the two middle values for an even count (numpy). */
    static double median(double[] values, int[] rows) {
        double[] v = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            v[i] = values[rows[i]];
        }
        return median(v);
    }

    /** Median of the values (sorted in place; NaN sorts last, as in numpy, and a NaN middle yields NaN). */
    static double median(double[] v) {
        Arrays.sort(v);
        int m = v.length;
        if (m == 0) {
            return Double.NaN;
        }
        if (Double.isNaN(v[m - 1])) {
            return Double.NaN;
        }
        return (m % 2 == 1) ? v[m / 2] : 0.5 * (v[m / 2 - 1] + v[m / 2]);
    }

    /** The identity {@code 0..n-1}. */
    static int[] all(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    /** Combines {@code values[rows]} by mean or median (not {@link #MLE}, which needs the estimator's sums). */
    double combine(double[] values, int[] rows) {
        return switch (this) {
            case MEAN -> mean(values, rows);
            case MEDIAN -> median(values, rows);
            case MLE -> throw new IllegalStateException("the mle combination needs the estimator's log-ratio sums");
        };
    }
}
