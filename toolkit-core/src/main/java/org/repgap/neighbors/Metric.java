package org.repgap.neighbors;

/**
 * A distance on {@code R^dim}: Euclidean, or an orbit distance {@code d_G} of a symmetry group
 * (THEORY.md section 1). Implementations are stateless and thread-safe.
 */
public interface Metric {

    /** Short name used in results, e.g. {@code euclidean} or {@code orbit[so2]}. */
    String name();

    /** The distance between {@code x} and {@code y} (same length). */
    double distance(double[] x, double[] y);

    /**
     * The distance between {@code a[aOffset .. aOffset+dim)} and {@code b[bOffset .. bOffset+dim)}.
     * The default copies both slices; Euclidean overrides it to work in place.
     */
    default double distance(double[] a, int aOffset, double[] b, int bOffset, int dim) {
        double[] x = java.util.Arrays.copyOfRange(a, aOffset, aOffset + dim);
        double[] y = java.util.Arrays.copyOfRange(b, bOffset, bOffset + dim);
        return distance(x, y);
    }

    /** True for the plain Euclidean distance, which enables the fast neighbour-search kernels. */
    default boolean isEuclidean() {
        return false;
    }

    /**
     * An optional 1-Lipschitz invariant embedding {@code phi} with
     * {@code |phi(x) - phi(y)| <= distance(x, y)} (Euclidean norm on the left), cheap to compute;
     * searches use it to prune candidates. {@code null} (the default) when there is none.
     */
    default double[] lowerBoundEmbedding(double[] x) {
        return null;
    }

    /** True when {@link #distance} is an exact minimum, false when a numeric minimisation only bounds it from above. */
    default boolean isExact() {
        return true;
    }

    /** The Euclidean distance. */
    static Metric euclidean() {
        return EuclideanMetric.INSTANCE;
    }
}
