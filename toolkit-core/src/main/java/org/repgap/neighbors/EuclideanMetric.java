package org.repgap.neighbors;

/** {@code |x - y|} by direct differences (no expansion, so no cancellation). */
final class EuclideanMetric implements Metric {
    static final EuclideanMetric INSTANCE = new EuclideanMetric();

    private EuclideanMetric() {
    }

    @Override
    public String name() {
        return "euclidean";
    }

    @Override
    public double distance(double[] x, double[] y) {
        return distance(x, 0, y, 0, x.length);
    }

    @Override
    public double distance(double[] a, int aOffset, double[] b, int bOffset, int dim) {
        return directDistance(a, aOffset, b, bOffset, dim);
    }

    /**
     * {@code sqrt(sum_c (a_c - b_c)^2)} summed in coordinate order: every search computes Euclidean
     * distances with this one method, so that equal inputs give bit-identical distances everywhere.
     */
    static double directDistance(double[] a, int aOffset, double[] b, int bOffset, int dim) {
        double s = 0;
        for (int c = 0; c < dim; c++) {
            double t = a[aOffset + c] - b[bOffset + c];
            s += t * t;
        }
        return Math.sqrt(s);
    }

    /**
     * {@link #directDistance} from row {@code a[aOffset ..]} to four rows of {@code b} at once, into
     * {@code out[0..3]}: each sum runs in coordinate order exactly as in {@code directDistance}, so the
     * results are bit-identical to four calls; interleaving the four rows lets the processor fetch them
     * from memory in parallel (rows met in random order are cache misses).
     */
    static void directDistances4(double[] a, int aOffset, double[] b, int o0, int o1, int o2, int o3, int dim,
            double[] out) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int c = 0; c < dim; c++) {
            double x = a[aOffset + c];
            double t0 = x - b[o0 + c];
            double t1 = x - b[o1 + c];
            double t2 = x - b[o2 + c];
            double t3 = x - b[o3 + c];
            s0 += t0 * t0;
            s1 += t1 * t1;
            s2 += t2 * t2;
            s3 += t3 * t3;
        }
        out[0] = Math.sqrt(s0);
        out[1] = Math.sqrt(s1);
        out[2] = Math.sqrt(s2);
        out[3] = Math.sqrt(s3);
    }

    /**
     * The sum of squares inside {@link #directDistance}, in the same order (so {@code Math.sqrt} of it is
     * bit-identical to {@code directDistance}), abandoned early with a value above {@code limit} once
     * the partial sum exceeds {@code limit} (partial sums of non-negative terms never decrease).
     */
    static double directSquaredSum(double[] a, int aOffset, double[] b, int bOffset, int dim, double limit) {
        double s = 0;
        for (int c = 0; c < dim; c++) {
            double t = a[aOffset + c] - b[bOffset + c];
            s += t * t;
            if (s > limit) {
                return s;
            }
        }
        return s;
    }

    @Override
    public boolean isEuclidean() {
        return true;
    }
}
