package org.repgap.fit;

import java.util.ArrayList;
import java.util.List;

/** Small helpers to build multi-start grids. */
final class Grids {
    private Grids() {
    }

    /** {@code k >= 2} values from {@code lo} to {@code hi}, evenly spaced. */
    static double[] linear(double lo, double hi, int k) {
        double[] v = new double[k];
        for (int i = 0; i < k; i++) {
            v[i] = lo + (hi - lo) * i / (k - 1);
        }
        return v;
    }

    /** {@code k >= 2} values from {@code lo > 0} to {@code hi}, evenly spaced in log. */
    static double[] geometric(double lo, double hi, int k) {
        double[] v = linear(Math.log(lo), Math.log(hi), k);
        for (int i = 0; i < k; i++) {
            v[i] = Math.exp(v[i]);
        }
        return v;
    }

    /**
     * The Cartesian product: for each combination, a vector of length {@code size} with
     * {@code axes[j]} values written at {@code positions[j]} (other entries 0). The last axis varies fastest.
     */
    static List<double[]> product(int size, int[] positions, double[]... axes) {
        List<double[]> out = new ArrayList<>();
        int[] idx = new int[axes.length];
        while (true) {
            double[] p = new double[size];
            for (int j = 0; j < axes.length; j++) {
                p[positions[j]] = axes[j][idx[j]];
            }
            out.add(p);
            int j = axes.length - 1;
            while (j >= 0 && ++idx[j] == axes[j].length) {
                idx[j] = 0;
                j--;
            }
            if (j < 0) {
                return out;
            }
        }
    }

    /**
     * A Latin hypercube of {@code count} vectors of length {@code size} (McKay, Beckman & Conover
     * 1979, doi:10.1080/00401706.1979.10489755): coordinate {@code positions[j]} takes one value in
     * each of {@code count} equal strata of {@code [lo[j], hi[j]]} (evenly in log when {@code log[j]}),
     * at a uniform point of the stratum, with the strata permuted independently per coordinate.
     * Other entries are 0. Deterministic for a given {@code seed}.
     */
    static List<double[]> latinHypercube(int size, int count, long seed, int[] positions, double[] lo, double[] hi,
                                         boolean[] log) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        List<double[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(new double[size]);
        }
        for (int j = 0; j < positions.length; j++) {
            int[] perm = org.repgap.stats.Shuffle.permutation(count, rng);
            double a = log[j] ? Math.log(lo[j]) : lo[j];
            double b = log[j] ? Math.log(hi[j]) : hi[j];
            for (int i = 0; i < count; i++) {
                double v = a + (b - a) * (perm[i] + rng.nextDouble()) / count;
                out.get(i)[positions[j]] = log[j] ? Math.exp(v) : v;
            }
        }
        return out;
    }

    /** Geometric mean of the smallest and largest value of input {@code k}. */
    static double typicalX(CurvePoints data, int k) {
        double[] r = data.range(k);
        return r[0] > 0 ? Math.sqrt(r[0] * r[1]) : Math.max(Math.abs(r[1]), 1);
    }
}
