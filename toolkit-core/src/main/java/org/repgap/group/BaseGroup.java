package org.repgap.group;

import java.util.Arrays;
import org.repgap.InvalidInputException;

/**
 * Common machinery of the groups: each one aligns two vectors ({@link #alignVectors}), gives a
 * cheap invariant 1-Lipschitz embedding ({@link #embedding}) and says whether its alignment is
 * exact; {@link #orbitMetric(int)} wraps these as an {@link OrbitMetric}.
 */
abstract class BaseGroup implements SymmetryGroup {

    /** The kinds of factor, in the order products list (and compose) them. */
    enum Kind {
        NONE, TRANSLATION, SIGN, SIGNS, CYCLIC, DIHEDRAL, PERM, SO2, SO3, PRODUCT
    }

    abstract Kind kind();

    /** The element {@code g} minimising {@code |x - g y|}, for vectors of a checked length. */
    abstract Alignment alignVectors(double[] x, double[] y);

    /** {@code d_G(x, y)}; override when the distance is cheaper than the alignment. */
    double distanceVectors(double[] x, double[] y) {
        return alignVectors(x, y).distance();
    }

    /** {@code d_G} between two slices; override to avoid the copies. */
    double distanceSlices(double[] a, int aOffset, double[] b, int bOffset, int dim) {
        return distanceVectors(Arrays.copyOfRange(a, aOffset, aOffset + dim), Arrays.copyOfRange(b, bOffset, bOffset + dim));
    }

    /** A {@code G}-invariant, Euclidean 1-Lipschitz map (see {@link OrbitMetric}); {@code null} for none. */
    abstract double[] embedding(double[] x);

    /** True when {@link #alignVectors} returns the exact minimum. */
    boolean exact() {
        return true;
    }

    @Override
    public OrbitMetric orbitMetric(int dim) {
        checkDimension(dim);
        return new GroupOrbitMetric(this, dim);
    }

    @Override
    public String toString() {
        return spec();
    }

    /** Checks that the dimension is a positive multiple of {@link #dimensionMultiple()}. */
    @Override
    public void checkDimension(int dim) {
        checkMultiple(dim, dimensionMultiple());
    }

    /** The dimension must be a multiple of this (the size of the blocks the group acts on); 1 by default. */
    int dimensionMultiple() {
        return 1;
    }

    /** Checks {@code dim >= 1} and {@code dim % k == 0} with the CLI-style message. */
    final void checkMultiple(int dim, int k) {
        if (dim < 1) {
            throw InvalidInputException.of("--group %s: dimension %d must be at least 1", spec(), dim);
        }
        if (dim % k != 0) {
            throw InvalidInputException.of("--group %s: dimension %d is not a multiple of %d", spec(), dim, k);
        }
    }
}
