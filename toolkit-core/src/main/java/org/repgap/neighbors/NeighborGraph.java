package org.repgap.neighbors;

import java.util.Arrays;

/**
 * The {@code k} nearest neighbours of each of {@code n} query points, as two row-major
 * {@code n x k} arrays. Row {@code i} lists neighbours by increasing distance, ties broken by
 * increasing index, so results are deterministic. For an all-points graph, point {@code i} is
 * excluded from its own row by index (a duplicate of {@code i} appears at distance 0).
 *
 * <p>Immutable: the arrays are owned by the graph; accessors return values or copies.
 */
public final class NeighborGraph {
    private final int n;
    private final int k;
    private final int[] indices;
    private final double[] distances;
    private final String metric;

    /**
     * @param indices   row-major {@code n x k} neighbour indices (taken without copy)
     * @param distances row-major {@code n x k} distances, non-decreasing in each row (taken without copy)
     * @param metric    name of the metric
     */
    public NeighborGraph(int n, int k, int[] indices, double[] distances, String metric) {
        if ((long) n * k != indices.length || indices.length != distances.length) {
            throw new IllegalArgumentException("graph arrays do not match n=" + n + ", k=" + k);
        }
        this.n = n;
        this.k = k;
        this.indices = indices;
        this.distances = distances;
        this.metric = metric;
    }

    /** Number of query points (rows). */
    public int n() {
        return n;
    }

    /** Number of neighbours per point (columns). */
    public int k() {
        return k;
    }

    /** Name of the metric the graph was built with. */
    public String metric() {
        return metric;
    }

    /** Index of the {@code j}-th nearest neighbour of point {@code i}, {@code j} from 0. */
    public int index(int i, int j) {
        return indices[i * k + j];
    }

    /** Distance to the {@code j}-th nearest neighbour of point {@code i}, {@code j} from 0 (so {@code r_{j+1}(i)}). */
    public double distance(int i, int j) {
        return distances[i * k + j];
    }

    /** A copy of the distances of row {@code i}. */
    public double[] distances(int i) {
        return Arrays.copyOfRange(distances, i * k, (i + 1) * k);
    }

    /** A copy of the indices of row {@code i}. */
    public int[] indices(int i) {
        return Arrays.copyOfRange(indices, i * k, (i + 1) * k);
    }

    /** Number of points whose nearest neighbour is at distance 0 (they have a duplicate under the metric). */
    public int zeroDistancePoints() {
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (k > 0 && distances[i * k] == 0.0) {
                c++;
            }
        }
        return c;
    }

    /** The first {@code kk <= k} columns. Returns {@code this} when {@code kk == k}. */
    public NeighborGraph truncate(int kk) {
        if (kk == k) {
            return this;
        }
        if (kk < 0 || kk > k) {
            throw new IllegalArgumentException("truncate(" + kk + ") of a " + k + "-NN graph");
        }
        int[] idx = new int[n * kk];
        double[] dist = new double[n * kk];
        for (int i = 0; i < n; i++) {
            System.arraycopy(indices, i * k, idx, i * kk, kk);
            System.arraycopy(distances, i * k, dist, i * kk, kk);
        }
        return new NeighborGraph(n, kk, idx, dist, metric);
    }
}
