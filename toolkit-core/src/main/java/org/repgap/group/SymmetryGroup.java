package org.repgap.group;

import java.util.List;
import java.util.SplittableRandom;
import org.repgap.neighbors.Metric;

/**
 * A symmetry group acting on {@code R^D} by isometries (THEORY.md section 1), written by a spec
 * such as {@code none}, {@code sign}, {@code signs}, {@code cyclic}, {@code dihedral},
 * {@code perm:m}, {@code translation:k}, {@code so2}, {@code so3} or a commuting product
 * {@code translation:2xso2}. Implementations are immutable and thread-safe.
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

    /** The orbit distance {@code d_G(x, y) = min_g |x - g y|} on {@code R^dim}, as a metric for neighbour search. */
    Metric orbitMetric(int dim);

    /** Parses a group spec; see {@link Groups#parse(String)}. */
    static SymmetryGroup parse(String spec) {
        return Groups.parse(spec);
    }
}
