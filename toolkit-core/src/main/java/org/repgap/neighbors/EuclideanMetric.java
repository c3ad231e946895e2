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
