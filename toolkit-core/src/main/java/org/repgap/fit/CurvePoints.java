package org.repgap.fit;

import java.util.Arrays;
import org.repgap.InvalidInputException;

/**
 * Points ready for fitting: inputs {@code x} (one row per point, one column per input), their
 * logarithms, responses {@code y} and weights {@code w} (all 1 unless weighting is asked for).
 * Arrays are copied on the way in and never exposed for writing outside this package.
 *
 * @param x    inputs, {@code x[i][k]}
 * @param y    responses
 * @param w    non-negative finite weights, same length as {@code y}
 */
public record CurvePoints(double[][] x, double[] y, double[] w, double[][] logx, double[] logy) {

    public CurvePoints {
        if (x.length != y.length || w.length != y.length) {
            throw new IllegalArgumentException("x, y and w must have the same length");
        }
    }

    /** Points with unit weights. */
    public static CurvePoints of(double[][] x, double[] y) {
        double[] w = new double[y.length];
        Arrays.fill(w, 1.0);
        return of(x, y, w);
    }

    /** Points with the given weights; checks that every value is finite. */
    public static CurvePoints of(double[][] x, double[] y, double[] w) {
        int n = y.length;
        double[][] xc = new double[n][];
        double[][] lx = new double[n][];
        double[] ly = new double[n];
        for (int i = 0; i < n; i++) {
            xc[i] = x[i].clone();
            lx[i] = new double[xc[i].length];
            for (int k = 0; k < xc[i].length; k++) {
                if (!Double.isFinite(xc[i][k])) {
                    throw InvalidInputException.of("point %d: x = %s is not a finite number", i + 1, xc[i][k]);
                }
                lx[i][k] = xc[i][k] > 0 ? Math.log(xc[i][k]) : Double.NaN;
            }
            if (!Double.isFinite(y[i])) {
                throw InvalidInputException.of("point %d: y = %s is not a finite number", i + 1, y[i]);
            }
            if (!(w[i] >= 0) || !Double.isFinite(w[i])) {
                throw InvalidInputException.of("point %d: weight %s must be finite and >= 0", i + 1, w[i]);
            }
            ly[i] = y[i] > 0 ? Math.log(y[i]) : Double.NaN;
        }
        return new CurvePoints(xc, y.clone(), w.clone(), lx, ly);
    }

    /** One-input points. */
    public static CurvePoints ofColumn(double[] x, double[] y) {
        double[][] xs = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            xs[i] = new double[] {x[i]};
        }
        return of(xs, y);
    }

    /** Number of points. */
    public int size() {
        return y.length;
    }

    /** Number of inputs per point (0 when empty). */
    public int inputs() {
        return x.length == 0 ? 0 : x[0].length;
    }

    /** The points at the given indices (repeats allowed), in that order. */
    public CurvePoints subset(int[] idx) {
        double[][] xs = new double[idx.length][];
        double[] ys = new double[idx.length];
        double[] ws = new double[idx.length];
        double[][] lx = new double[idx.length][];
        double[] ly = new double[idx.length];
        for (int j = 0; j < idx.length; j++) {
            xs[j] = x[idx[j]];
            ys[j] = y[idx[j]];
            ws[j] = w[idx[j]];
            lx[j] = logx[idx[j]];
            ly[j] = logy[idx[j]];
        }
        return new CurvePoints(xs, ys, ws, lx, ly);
    }

    /** Smallest and largest value of input {@code k}. */
    public double[] range(int k) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] r : x) {
            lo = Math.min(lo, r[k]);
            hi = Math.max(hi, r[k]);
        }
        return new double[] {lo, hi};
    }

    /** Smallest and largest response. */
    public double[] yRange() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new double[] {lo, hi};
    }
}
