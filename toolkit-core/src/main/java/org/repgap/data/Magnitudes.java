package org.repgap.data;

/**
 * The range of magnitudes a point cloud's distances can be computed in. Squared distances of data whose
 * largest magnitude is beyond about {@code 2^511} overflow to infinity (data times 1e160), and below about
 * {@code 2^-511} they underflow towards zero (data times 1e-200): nearest-neighbour estimators then gave null
 * dimensions, lPCA 0 and GRIDE 0.001 (issue 12, defect 4).
 *
 * <p>The one remedy: multiply the points by a power of two that brings their largest magnitude near 1. That is
 * exact (each coordinate keeps its 53 significant bits; only values more than {@code 2^-1022} below the largest,
 * which cannot change a distance, lose bits), so every scale-invariant statistic of the result equals that of
 * the input bit for bit.
 */
public final class Magnitudes {
    private Magnitudes() {
    }

    /** Largest magnitudes (as a power of two) that are left unscaled: squared distances stay far from both ends of double range. */
    public static final int SAFE_EXPONENT = 400;

    /** The largest {@code |x_ij|} of the points, 0 for all-zero data. */
    public static double largest(PointCloud x) {
        double max = 0;
        for (double t : x.values()) {
            max = Math.max(max, Math.abs(t));
        }
        return max;
    }

    /**
     * The power of two {@code 2^-e}, {@code e} the binary exponent of the largest magnitude, when that magnitude is
     * outside {@code (2^-400, 2^400)}; 1 otherwise (and for all-zero data).
     */
    public static double unitScale(PointCloud x) {
        double max = largest(x);
        if (max == 0 || (max < Math.scalb(1.0, SAFE_EXPONENT) && max > Math.scalb(1.0, -SAFE_EXPONENT))) {
            return 1;
        }
        int exponent = max < Double.MIN_NORMAL ? Math.getExponent(max * 0x1p100) - 100 : Math.getExponent(max);
        return Math.scalb(1.0, -exponent);
    }

    /** The points multiplied by {@code factor}, a power of two (so exactly); {@code x} itself when it is 1. */
    public static PointCloud scaled(PointCloud x, double factor) {
        if (factor == 1) {
            return x;
        }
        double[] v = x.values();
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * factor;
        }
        return PointCloud.wrap(x.n(), x.dim(), out, x.source());
    }
}
