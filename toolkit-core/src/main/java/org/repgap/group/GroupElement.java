package org.repgap.group;

/**
 * One element {@code g} of a symmetry group acting by an isometry on flat vectors of a fixed length.
 * Implementations are immutable records (see {@link Elements}); equality of two elements is best
 * tested by their action on a generic vector.
 */
public interface GroupElement {

    /** {@code g x} as a new array ({@code x} is not modified). */
    double[] apply(double[] x);

    /** {@code g^-1}. */
    GroupElement inverse();

    /**
     * The product {@code g h}: the element that applies {@code h} first, then {@code g}
     * ({@code (g h) x = g (h x)}).
     */
    default GroupElement compose(GroupElement h) {
        return new Elements.Composite(this, h);
    }
}
