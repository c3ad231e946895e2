package org.repgap.plots.render;

import java.awt.Color;
import java.util.Objects;

/**
 * One drawable layer of a panel, in data coordinates. Layers are painted in list order, clipped to
 * the axes, so bands and shaded regions go first. A layer with a non-null {@code label} gets a legend
 * entry. Arrays are copied on construction; non-finite values (and non-positive ones on a log axis)
 * break a line or drop a point rather than failing.
 */
public sealed interface Layer {

    /** The legend label, or {@code null} for none. */
    String label();

    /** A polyline through ({@code x[i]}, {@code y[i]}), drawn as one path so dashes run on. */
    record Line(String label, double[] x, double[] y, SeriesStyle style) implements Layer {
        public Line {
            x = x.clone();
            y = y.clone();
            sameLength(x, y, "Line");
            Objects.requireNonNull(style, "style");
        }
    }

    /** Markers at ({@code x[i]}, {@code y[i]}). */
    record Points(String label, double[] x, double[] y, SeriesStyle style) implements Layer {
        public Points {
            x = x.clone();
            y = y.clone();
            sameLength(x, y, "Points");
            Objects.requireNonNull(style, "style");
        }
    }

    /**
     * Error bars from {@code low[i]} to {@code high[i]} at position {@code at[i]}: vertical bars (an
     * interval in y at x = at) or, when {@code horizontal}, horizontal ones (an interval in x at y = at).
     * Asymmetric by construction; on a log axis an end at or below zero is drawn to the axis edge.
     */
    record ErrorBars(double[] at, double[] low, double[] high, Color color, boolean horizontal) implements Layer {
        public ErrorBars {
            at = at.clone();
            low = low.clone();
            high = high.clone();
            sameLength(at, low, "ErrorBars");
            sameLength(at, high, "ErrorBars");
            Objects.requireNonNull(color, "color");
        }

        @Override
        public String label() {
            return null;
        }
    }

    /**
     * A shaded band between {@code low[i]} and {@code high[i]} over {@code x[i]} (x increasing): the
     * polygon x forward along the upper edge, then back along the lower one.
     */
    record Band(String label, double[] x, double[] low, double[] high, Color color, double alpha) implements Layer {
        public Band {
            x = x.clone();
            low = low.clone();
            high = high.clone();
            sameLength(x, low, "Band");
            sameLength(x, high, "Band");
            Objects.requireNonNull(color, "color");
            if (!(alpha > 0 && alpha <= 1)) {
                throw new IllegalArgumentException("Band alpha must be in (0, 1], got " + alpha);
            }
        }
    }

    /** A shaded span across the axes: {@code from <= x <= to} (or y when {@code horizontal}). */
    record Span(String label, double from, double to, boolean horizontal, Color color, double alpha) implements Layer {
        public Span {
            Objects.requireNonNull(color, "color");
        }
    }

    /** A reference line across the axes at {@code value}: vertical (x = value) or horizontal (y = value). */
    record RefLine(String label, double value, boolean vertical, SeriesStyle style) implements Layer {
        public RefLine {
            Objects.requireNonNull(style, "style");
        }
    }

    /** Histogram bars: [{@code left[i]}, {@code right[i]}] by [0, {@code height[i]}]. */
    record Bars(String label, double[] left, double[] right, double[] height, Color color) implements Layer {
        public Bars {
            left = left.clone();
            right = right.clone();
            height = height.clone();
            sameLength(left, right, "Bars");
            sameLength(left, height, "Bars");
            Objects.requireNonNull(color, "color");
        }
    }

    /**
     * Text at a fraction of the axes box ({@code fx}, {@code fy} in [0, 1] from the lower left),
     * anchored by its left ({@code align} = 0), centre (0.5) or right (1) end.
     */
    record Note(String text, double fx, double fy, double align) implements Layer {
        public Note {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String label() {
            return null;
        }
    }

    private static void sameLength(double[] a, double[] b, String what) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(what + ": arrays differ in length, " + a.length + " and " + b.length);
        }
    }
}
