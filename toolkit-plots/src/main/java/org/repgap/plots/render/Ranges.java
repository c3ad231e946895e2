package org.repgap.plots.render;

/**
 * Axis ranges from the data of a panel: the extent of every finite value (positive ones only on a
 * log axis) widened by 5 % of the span on each side (in log10 space on a log axis), matplotlib's
 * default margins. Histogram bars keep their base at zero.
 */
public final class Ranges {
    private static final double MARGIN = 0.05;

    private Ranges() {
    }

    /** The x range of {@code plot}: its fixed bounds, or the data extent with margins. */
    public static double[] x(Plot plot) {
        return resolve(plot, true);
    }

    /** The y range of {@code plot}: its fixed bounds, or the data extent with margins. */
    public static double[] y(Plot plot) {
        return resolve(plot, false);
    }

    private static double[] resolve(Plot plot, boolean xAxis) {
        AxisSpec axis = xAxis ? plot.x() : plot.y();
        if (axis.fixed()) {
            return new double[] {axis.min(), axis.max()};
        }
        if (!xAxis && !plot.yCategories().isEmpty()) {
            return new double[] {-0.6, plot.yCategories().size() - 0.4};
        }
        Extent e = new Extent(axis.log());
        boolean barsBase = false;
        for (Layer layer : plot.layers()) {
            if (layer instanceof Layer.Line l) {
                e.add(xAxis ? l.x() : l.y());
            } else if (layer instanceof Layer.Points p) {
                e.add(xAxis ? p.x() : p.y());
            } else if (layer instanceof Layer.ErrorBars b) {
                if (b.horizontal() == xAxis) {
                    e.add(b.low());
                    e.add(b.high());
                } else {
                    e.add(b.at());
                }
            } else if (layer instanceof Layer.Band b) {
                if (xAxis) {
                    e.add(b.x());
                } else {
                    e.add(b.low());
                    e.add(b.high());
                }
            } else if (layer instanceof Layer.RefLine r) {
                if (r.vertical() == xAxis) {
                    e.add(r.value());
                }
            } else if (layer instanceof Layer.Bars b) {
                if (xAxis) {
                    e.add(b.left());
                    e.add(b.right());
                } else {
                    e.add(b.height());
                    e.add(0);
                    barsBase = !axis.log();
                }
            }
        }
        double[] r = e.withMargins();
        if (barsBase && r[0] < 0 && e.lo >= 0) {
            // bars stand on the axis; a hair below zero so that XChart still places its 0 tick
            r[0] = -1e-6 * r[1];
        }
        if (!Double.isNaN(axis.min())) {
            r[0] = axis.min();
        }
        if (!Double.isNaN(axis.max())) {
            r[1] = axis.max();
        }
        if (!(r[0] < r[1])) {
            r[1] = axis.log() ? r[0] * 10 : r[0] + 1;
        }
        return r;
    }

    /** Running extent of finite (and, on a log axis, positive) values. */
    private static final class Extent {
        final boolean log;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;

        Extent(boolean log) {
            this.log = log;
        }

        void add(double... vs) {
            for (double v : vs) {
                if (Double.isFinite(v) && (!log || v > 0)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }

        double[] withMargins() {
            if (lo > hi) {
                return log ? new double[] {1, 10} : new double[] {0, 1};
            }
            if (log) {
                double a = Math.log10(lo);
                double b = Math.log10(hi);
                double pad = b > a ? MARGIN * (b - a) : 0.3;
                return new double[] {Math.pow(10, a - pad), Math.pow(10, b + pad)};
            }
            double pad = hi > lo ? MARGIN * (hi - lo) : Math.max(Math.abs(lo) * 0.1, 0.5);
            return new double[] {lo - pad, hi + pad};
        }
    }
}
