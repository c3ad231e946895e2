package org.repgap.neighbors;

import org.repgap.data.PointCloud;

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

    /** Brute force with the given metric: the exact oracle, O(n^2) distance evaluations, parallel over queries. */
    static NeighborSearch bruteForce(Metric metric) {
        return new BruteForceSearch(metric);
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
