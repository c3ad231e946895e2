package org.repgap.group;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A symmetry group acting on {@code R^D} by isometries (THEORY.md section 1), written by a spec
 * such as {@code none}, {@code sign}, {@code signs}, {@code cyclic}, {@code dihedral},
 * {@code perm:m}, {@code translation:k}, {@code so2}, {@code so3} or a commuting product
 * {@code translation:2xso2}. Implementations are immutable and thread-safe; obtain them from {@link Groups}.
 *
 * <p>Layout conventions: {@code perm:m} sees {@code x} as {@code m} consecutive blocks of {@code D/m}
 * coordinates; {@code so2}, {@code so3} and {@code translation:k} as consecutive blocks of 2, 3 and
 * {@code k} coordinates (points); {@code cyclic} and {@code dihedral} act on the coordinate indices.
 */
public interface SymmetryGroup {

    /** The canonical spec string, parseable by {@link #parse(String)}. */
    String spec();

    /**
     * Checks that the group can act on vectors of length {@code dim}.
     *
     * @throws org.repgap.InvalidInputException naming the group and the dimension otherwise
     */
    void checkDimension(int dim);

    /** True for a finite group. */
    boolean isFinite();

    /** Dimension of the group as a manifold: 0 for finite groups, 1 for so2, 3 for so3, k for translation:k. */
    int lieDimension(int dim);

    /** Number of elements acting on {@code R^dim} for a finite group; {@code -1} for an infinite one. */
    long order(int dim);

    /**
     * All elements (finite group), or a quadrature grid of about {@code resolution} elements with equal weights
     * for a compact continuous group (e.g. equally spaced angles for so2).
     *
     * @throws UnsupportedOperationException for non-compact groups (translations), which need closed forms
     */
    List<GroupElement> elements(int dim, int resolution);

    /** A uniformly random element (Haar measure) for compact groups; for translations a standard normal shift. */
    GroupElement random(int dim, SplittableRandom rng);

    /**
     * A pose {@code g_x} chosen from {@code x} itself such that {@code g_x x} is canonical
     * (THEORY.md section 7): {@code g_{h x} h x = g_x x} for almost every {@code x}.
     */
    GroupElement canonicalPose(double[] x);

    /**
     * The orbit distance {@code d_G(x, y) = min_g |x - g y|} on {@code R^dim}, as a metric for neighbour search,
     * with the minimising element ({@link OrbitMetric#align}) and a lower-bound embedding for pruning.
     *
     * @throws org.repgap.InvalidInputException if the group cannot act on {@code R^dim}
     */
    OrbitMetric orbitMetric(int dim);

    /**
     * The element {@code g} minimising {@code |x - g y|} and the orbit distance (an upper bound when
     * {@link Alignment#exact()} is false). Shorthand for {@code orbitMetric(x.length).align(x, y)}.
     */
    default Alignment align(double[] x, double[] y) {
        return orbitMetric(x.length).align(x, y);
    }

    /** The canonical form {@code g_x x} of {@code x} (see {@link #canonicalPose(double[])}). */
    default double[] canonicalize(double[] x) {
        return canonicalPose(x).apply(x);
    }

    /** Parses a group spec; see {@link Groups#parse(String)}. */
    static SymmetryGroup parse(String spec) {
        return Groups.parse(spec);
    }
}
