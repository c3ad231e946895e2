package org.repgap.plots.render;

import java.awt.geom.Rectangle2D;

/**
 * Data to canvas coordinates for one panel: the axes box and the axis ranges, linear or log10.
 * Values that cannot be placed (non-finite, or non-positive on a log axis) map to NaN.
 */
public record Transform(Rectangle2D box, double xMin, double xMax, boolean xLog, double yMin, double yMax, boolean yLog) {

    /** Canvas x of data x. */
    public double x(double v) {
        double t = xLog ? (v > 0 ? Math.log10(v) : Double.NaN) : v;
        double a = xLog ? Math.log10(xMin) : xMin;
        double b = xLog ? Math.log10(xMax) : xMax;
        return box.getMinX() + (t - a) / (b - a) * box.getWidth();
    }

    /** Canvas y of data y (canvas y grows downwards). */
    public double y(double v) {
        double t = yLog ? (v > 0 ? Math.log10(v) : Double.NaN) : v;
        double a = yLog ? Math.log10(yMin) : yMin;
        double b = yLog ? Math.log10(yMax) : yMax;
        return box.getMaxY() - (t - a) / (b - a) * box.getHeight();
    }

    /** Canvas y of data y, with values at or below zero on a log axis pinned just below the box. */
    public double yClamped(double v) {
        if (yLog && !(v > 0) && !Double.isNaN(v)) {
            return box.getMaxY() + 1;
        }
        return y(v);
    }

    /** Canvas x of data x, with values at or below zero on a log axis pinned just left of the box. */
    public double xClamped(double v) {
        if (xLog && !(v > 0) && !Double.isNaN(v)) {
            return box.getMinX() - 1;
        }
        return x(v);
    }
}
