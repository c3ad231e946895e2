package org.repgap.group;

import org.repgap.neighbors.Metric;

/** The {@link OrbitMetric} of a {@link BaseGroup} on {@code R^dim}. */
final class GroupOrbitMetric implements OrbitMetric {
    private final BaseGroup group;
    private final int dim;
    private final String name;

    GroupOrbitMetric(BaseGroup group, int dim) {
        this.group = group;
        this.dim = dim;
        this.name = group.kind() == BaseGroup.Kind.NONE ? Metric.euclidean().name() : "orbit[" + group.spec() + "]";
    }

    @Override
    public SymmetryGroup group() {
        return group;
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public String name() {
        return name;
    }

    private void check(double[] x, double[] y) {
        if (x.length != dim || y.length != dim) {
            throw new IllegalArgumentException(name + " on R^" + dim + " got vectors of length " + x.length + " and " + y.length);
        }
    }

    @Override
    public double distance(double[] x, double[] y) {
        check(x, y);
        return group.distanceVectors(x, y);
    }

    @Override
    public double distance(double[] a, int aOffset, double[] b, int bOffset, int dim) {
        if (dim != this.dim) {
            throw new IllegalArgumentException(name + " on R^" + this.dim + " got slices of length " + dim);
        }
        return group.distanceSlices(a, aOffset, b, bOffset, dim);
    }

    @Override
    public Alignment align(double[] x, double[] y) {
        check(x, y);
        return group.alignVectors(x, y);
    }

    @Override
    public boolean isEuclidean() {
        return group.kind() == BaseGroup.Kind.NONE;
    }

    @Override
    public double[] lowerBoundEmbedding(double[] x) {
        if (x.length != dim) {
            throw new IllegalArgumentException(name + " on R^" + dim + " got a vector of length " + x.length);
        }
        return group.embedding(x);
    }

    @Override
    public boolean isExact() {
        return group.exact();
    }

    @Override
    public String toString() {
        return name + " on R^" + dim;
    }
}
