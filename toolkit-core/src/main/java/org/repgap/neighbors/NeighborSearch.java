package org.repgap.neighbors;

import org.repgap.blas.OpenBlas;
import org.repgap.data.PointCloud;
import org.repgap.progress.Progress;

/**
 * Exact k-nearest-neighbour search. Implementations agree with {@link BruteForceSearch} (the
 * oracle): same neighbours, same order (distance, then index), distances to rounding.
 */
public interface NeighborSearch {

    /** Short name, e.g. {@code brute}, {@code kdtree}, {@code blas}. */
    String name();

    /** The metric this search uses. */
    Metric metric();

    /**
     * The {@code k} nearest neighbours of every point of {@code x} among the other points of
     * {@code x} (self excluded by index, never by distance).
     *
     * @throws org.repgap.InvalidInputException if {@code k < 1} or {@code k >= x.n()}
     */
    NeighborGraph allKnn(PointCloud x, int k);

    /** The {@code k} nearest points of {@code data} for every point of {@code queries} (nothing excluded). */
    NeighborGraph query(PointCloud data, PointCloud queries, int k);

    /**
     * For each radius {@code r} in {@code radii}, the number of ordered pairs {@code (i, j)},
     * {@code i != j}, with {@code distance(x_i, x_j) < r} (strict).
     */
    long[] countPairsWithin(PointCloud x, double[] radii);

    /**
     * The same search reporting to {@code progress} (units: query points done) while it runs.
     * Searches are immutable; this returns a new one. The default ignores progress and returns
     * {@code this}; every search of this package overrides it.
     */
    default NeighborSearch withProgress(Progress progress) {
        return this;
    }

    /**
     * Ambient dimensions up to this consider the k-d tree for Euclidean distances (scikit-learn's rule of
     * thumb); {@link #auto} still checks that it prunes.
     */
    int KD_TREE_MAX_DIM = 15;

    /**
     * The fastest exact search for {@code metric} on points of dimension {@code dim}:
     * <ul>
     *   <li>Euclidean, {@code dim <= 15}: a k-d tree ({@link #kdTree()}), unless a probe of 64 queries shows
     *       that it hardly prunes (data of high intrinsic dimension, from 8,192 points): then the blocked
     *       product search;</li>
     *   <li>Euclidean, higher dimension: blocked brute force on OpenBLAS {@code sgemm} with exact
     *       re-ranking ({@link #blockedEuclidean()}), or brute force if the native library is missing;</li>
     *   <li>another metric with a {@link Metric#lowerBoundEmbedding}: embedding-pruned search
     *       ({@link #embeddingPruned(Metric)});</li>
     *   <li>otherwise brute force.</li>
     * </ul>
     * All return the same neighbours, in the same order, as {@link #bruteForce(Metric)}.
     */
    static NeighborSearch auto(Metric metric, int dim) {
        if (dim < 1) {
            throw org.repgap.InvalidInputException.of("dimension %d: points need at least one coordinate", dim);
        }
        if (metric.isEuclidean()) {
            if (dim <= KD_TREE_MAX_DIM) {
                return new AdaptiveEuclideanSearch(Progress.NONE, AdaptiveEuclideanSearch.MIN_POINTS);
            }
            return OpenBlas.available() ? blockedEuclidean() : bruteForce(metric);
        }
        if (metric.lowerBoundEmbedding(new double[dim]) != null && OpenBlas.available()) {
            return embeddingPruned(metric);
        }
        return bruteForce(metric);
    }

    /** {@link #auto(Metric, int)} for the dimension of {@code x}. */
    static NeighborSearch forData(PointCloud x, Metric metric) {
        return auto(metric, x.dim());
    }

    /** Brute force with the given metric: the exact oracle, O(n^2) distance evaluations, parallel over queries. */
    static NeighborSearch bruteForce(Metric metric) {
        return new BruteForceSearch(metric);
    }

    /** Euclidean k-d tree search (best up to about 15 dimensions). */
    static NeighborSearch kdTree() {
        return new KdTreeSearch(Progress.NONE);
    }

    /**
     * Euclidean blocked brute force on OpenBLAS single-precision products with exact double-precision
     * re-ranking (best in high dimension).
     *
     * @throws IllegalStateException if the native OpenBLAS library cannot be loaded
     */
    static NeighborSearch blockedEuclidean() {
        return blockedEuclidean(true);
    }

    /**
     * {@link #blockedEuclidean()}, with or without the subspace reduction: data lying (to a relative
     * residual of about 1e-4) in a linear subspace of at most half the ambient dimension are multiplied in
     * that subspace's coordinates. The result is the same either way; turning it off is for benchmarks of
     * the full product.
     *
     * @throws IllegalStateException if the native OpenBLAS library cannot be loaded
     */
    static NeighborSearch blockedEuclidean(boolean subspaceReduction) {
        if (!OpenBlas.available()) {
            throw new IllegalStateException("the native OpenBLAS library (Smile smile.math.blas) could not be loaded");
        }
        return new BlockedEuclideanSearch(Progress.NONE, subspaceReduction);
    }

    /**
     * Search pruned by the metric's {@link Metric#lowerBoundEmbedding}; falls back to brute force per call
     * when the metric has none.
     *
     * @throws IllegalStateException if the native OpenBLAS library cannot be loaded
     */
    static NeighborSearch embeddingPruned(Metric metric) {
        if (!OpenBlas.available()) {
            throw new IllegalStateException("the native OpenBLAS library (Smile smile.math.blas) could not be loaded");
        }
        return new EmbeddingPrunedSearch(metric, Progress.NONE);
    }

    /** Checks {@code 1 <= k < n} with a message that names {@code k} and {@code n}. */
    static void checkK(int k, int n, String source) {
        if (k < 1) {
            throw org.repgap.InvalidInputException.of("k = %d: the number of neighbours must be at least 1", k);
        }
        if (k >= n) {
            throw org.repgap.InvalidInputException.of("%s: %d points are too few for k = %d neighbours (need at least k + 1 = %d)",
                    source, n, k, k + 1);
        }
    }
}
