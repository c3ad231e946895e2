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
        double s = 0;
        for (int c = 0; c < dim; c++) {
            double t = a[aOffset + c] - b[bOffset + c];
            s += t * t;
        }
        return Math.sqrt(s);
    }

    @Override
    public boolean isEuclidean() {
        return true;
    }
}
