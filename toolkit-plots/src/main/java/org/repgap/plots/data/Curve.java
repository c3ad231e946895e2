package org.repgap.plots.data;

import java.util.Objects;

/**
 * A named series of points, x increasing (not enforced: lines join points in the given order).
 * Arrays are copied in and out.
 */
public record Curve(String label, double[] x, double[] y) {
    public Curve {
        Objects.requireNonNull(label, "label");
        x = x.clone();
        y = y.clone();
        Checks.sameLength("curve '" + label + "'", x, y);
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }
}
