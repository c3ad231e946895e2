package org.repgap.group;

import java.util.List;
import java.util.SplittableRandom;

/** {@code none}: the trivial group; its orbit distance is the Euclidean distance (the metric reports {@code isEuclidean()}). */
final class TrivialGroup extends FiniteGroup {
    static final TrivialGroup INSTANCE = new TrivialGroup();

    private TrivialGroup() {
    }

    @Override
    Kind kind() {
        return Kind.NONE;
    }

    @Override
    public String spec() {
        return "none";
    }

    @Override
    public long order(int dim) {
        return 1;
    }

    @Override
    public List<GroupElement> elements(int dim, int resolution) {
        checkDimension(dim);
        return List.of(Elements.Identity.INSTANCE);
    }

    @Override
    public GroupElement random(int dim, SplittableRandom rng) {
        return Elements.Identity.INSTANCE;
    }

    @Override
    public GroupElement canonicalPose(double[] x) {
        return Elements.Identity.INSTANCE;
    }

    @Override
    Alignment alignVectors(double[] x, double[] y) {
        return new Alignment(Elements.Identity.INSTANCE, Vectors.distance(x, y), true);
    }

    @Override
    double distanceSlices(double[] a, int aOffset, double[] b, int bOffset, int dim) {
        double s = 0;
        for (int c = 0; c < dim; c++) {
            double t = a[aOffset + c] - b[bOffset + c];
            s += t * t;
        }
        return Math.sqrt(s);
    }

    /** None: searches use their Euclidean kernels instead. */
    @Override
    double[] embedding(double[] x) {
        return null;
    }
}
