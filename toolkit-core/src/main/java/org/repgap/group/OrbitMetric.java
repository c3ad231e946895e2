package org.repgap.group;

import org.repgap.neighbors.Metric;

/**
 * The orbit distance {@code d_G(x, y) = min_{g in G} |x - g y|} of a symmetry group on {@code R^dim}
 * (THEORY.md section 1), as a {@link Metric} for neighbour search, with the minimising element
 * available through {@link #align(double[], double[])}. Stateless and thread-safe.
 *
 * <p>{@link #lowerBoundEmbedding(double[])} returns a {@code G}-invariant map {@code phi} that is
 * 1-Lipschitz for the Euclidean norm. Any such map satisfies
 * {@code |phi(x) - phi(y)| = |phi(x) - phi(g y)| <= |x - g y|} for every {@code g}, hence
 * {@code |phi(x) - phi(y)| <= d_G(x, y)}: searches may prune with it. Each group documents why its
 * map is invariant and 1-Lipschitz.
 */
public interface OrbitMetric extends Metric {

    /** The group whose orbit distance this is. */
    SymmetryGroup group();

    /** The vector length this metric acts on. */
    int dim();

    /**
     * The element {@code g} minimising {@code |x - g y|} and that distance. {@link Alignment#exact()}
     * equals {@link #isExact()}.
     *
     * @throws IllegalArgumentException if {@code x} or {@code y} does not have length {@link #dim()}
     */
    Alignment align(double[] x, double[] y);
}
