package org.repgap.group;

/** One element {@code g} of a symmetry group acting by an isometry on flat vectors of a fixed length. */
public interface GroupElement {

    /** {@code g x} as a new array ({@code x} is not modified). */
    double[] apply(double[] x);

    /** {@code g^-1}. */
    GroupElement inverse();
}
