package org.repgap.neighbors;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.IntStream;
import org.repgap.data.PointCloud;

/**
 * Exact neighbours by evaluating every distance: the oracle of every faster search, and the
 * search for metrics without a fast path. Parallel over query points (common fork-join pool).
 */
final class BruteForceSearch implements NeighborSearch {
    private final Metric metric;

    BruteForceSearch(Metric metric) {
        this.metric = metric;
    }

    @Override
    public String name() {
        return "brute";
    }

    @Override
    public Metric metric() {
        return metric;
    }

    @Override
    public NeighborGraph allKnn(PointCloud x, int k) {
        NeighborSearch.checkK(k, x.n(), x.source());
        return search(x, x, k, true);
    }

    @Override
    public NeighborGraph query(PointCloud data, PointCloud queries, int k) {
        if (k < 1 || k > data.n()) {
            throw org.repgap.InvalidInputException.of("k = %d must be between 1 and the %d data points", k, data.n());
        }
        checkDims(data, queries);
        return search(data, queries, k, false);
    }

    private static void checkDims(PointCloud data, PointCloud queries) {
        if (data.dim() != queries.dim()) {
            throw org.repgap.InvalidInputException.of("%s has dimension %d but %s has %d", queries.source(), queries.dim(),
                    data.source(), data.dim());
        }
    }

    private NeighborGraph search(PointCloud data, PointCloud queries, int k, boolean excludeSelf) {
        int n = queries.n();
        int dim = data.dim();
        int[] idx = new int[n * k];
        double[] dist = new double[n * k];
        double[] dv = data.values();
        double[] qv = queries.values();
        ThreadLocal<KnnHeap> heaps = ThreadLocal.withInitial(() -> new KnnHeap(k));
        IntStream.range(0, n).parallel().forEach(i -> {
            KnnHeap h = heaps.get();
            h.reset();
            for (int j = 0; j < data.n(); j++) {
                if (excludeSelf && j == i) {
                    continue;
                }
                h.offer(metric.distance(qv, i * dim, dv, j * dim, dim), j);
            }
            h.drainSorted(dist, idx, i * k);
        });
        return new NeighborGraph(n, k, idx, dist, metric.name());
    }

    @Override
    public long[] countPairsWithin(PointCloud x, double[] radii) {
        int n = x.n();
        int dim = x.dim();
        double[] v = x.values();
        AtomicLongArray counts = new AtomicLongArray(radii.length);
        IntStream.range(0, n).parallel().forEach(i -> {
            long[] local = new long[radii.length];
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double d = metric.distance(v, i * dim, v, j * dim, dim);
                for (int r = 0; r < radii.length; r++) {
                    if (d < radii[r]) {
                        local[r]++;
                    }
                }
            }
            for (int r = 0; r < radii.length; r++) {
                counts.addAndGet(r, local[r]);
            }
        });
        long[] out = new long[radii.length];
        for (int r = 0; r < radii.length; r++) {
            out[r] = counts.get(r);
        }
        return out;
    }
}
