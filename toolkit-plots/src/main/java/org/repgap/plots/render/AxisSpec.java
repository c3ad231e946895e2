package org.repgap.plots.render;

/**
 * One axis of a panel: linear or logarithmic (base 10), and its range; a NaN bound is computed from
 * the data with a 5 % margin (in log space on a log axis), as matplotlib does.
 */
public record AxisSpec(boolean log, double min, double max) {
    public AxisSpec {
        if (log && (min <= 0 || max <= 0)) {
            throw new IllegalArgumentException("log axis bounds must be positive, got " + min + ", " + max);
        }
        if (!Double.isNaN(min) && !Double.isNaN(max) && !(min < max)) {
            throw new IllegalArgumentException("axis min must be below max, got " + min + ", " + max);
        }
    }

    /** A linear axis ranged from the data. */
    public static AxisSpec linear() {
        return new AxisSpec(false, Double.NaN, Double.NaN);
    }

    /** A log axis ranged from the data. */
    public static AxisSpec logarithmic() {
        return new AxisSpec(true, Double.NaN, Double.NaN);
    }

    /** This axis with a fixed range. */
    public AxisSpec withRange(double lo, double hi) {
        return new AxisSpec(log, lo, hi);
    }

    /** This axis with a fixed lower bound. */
    public AxisSpec withMin(double lo) {
        return new AxisSpec(log, lo, max);
    }

    /** Whether both bounds are fixed. */
    public boolean fixed() {
        return !Double.isNaN(min) && !Double.isNaN(max);
    }
}
