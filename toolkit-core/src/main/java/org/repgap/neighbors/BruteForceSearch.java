package org.repgap.neighbors;

import java.util.concurrent.ConcurrentLinkedQueue;
import org.repgap.data.PointCloud;
import org.repgap.progress.Progress;

/**
 * Exact neighbours by evaluating every distance: the oracle of every faster search, and the
 * search for metrics without a fast path. Parallel over blocks of query points (common fork-join pool).
 */
final class BruteForceSearch extends CheckedSearch {
    private static final int QUERY_BLOCK = 256;

    private final Metric metric;
    private final Progress progress;

    BruteForceSearch(Metric metric) {
        this(metric, Progress.NONE);
    }

    BruteForceSearch(Metric metric, Progress progress) {
        this.metric = metric;
        this.progress = progress;
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
    public NeighborSearch withProgress(Progress p) {
        return new BruteForceSearch(metric, p);
    }

    @Override
    NeighborGraph knn(PointCloud data, PointCloud queries, int k, boolean excludeSelf) {
        int n = queries.n();
        int dim = data.dim();
        int[] idx = new int[n * k];
        double[] dist = new double[n * k];
        double[] dv = data.values();
        double[] qv = queries.values();
        ConcurrentLinkedQueue<KnnHeap> heaps = new ConcurrentLinkedQueue<>();
        SearchSupport.parallelBlocks((n + QUERY_BLOCK - 1) / QUERY_BLOCK, b -> {
            KnnHeap h = heaps.poll();
            if (h == null) {
                h = new KnnHeap(k);
            }
            for (int i = b * QUERY_BLOCK; i < Math.min(n, (b + 1) * QUERY_BLOCK); i++) {
                h.reset();
                for (int j = 0; j < data.n(); j++) {
                    if (excludeSelf && j == i) {
                        continue;
                    }
                    h.offer(metric.distance(qv, i * dim, dv, j * dim, dim), j);
                }
                h.drainSorted(dist, idx, i * k);
            }
            heaps.add(h);
        }, progress, k + "-NN search (brute force)", n, b -> Math.min(QUERY_BLOCK, n - b * QUERY_BLOCK));
        return new NeighborGraph(n, k, idx, dist, metric.name());
    }

    @Override
    public long[] countPairsWithin(PointCloud x, double[] radii) {
        RadiusBuckets.validate(radii);
        int n = x.n();
        int dim = x.dim();
        double[] v = x.values();
        ConcurrentLinkedQueue<long[]> partials = new ConcurrentLinkedQueue<>();
        SearchSupport.parallelBlocks((n + QUERY_BLOCK - 1) / QUERY_BLOCK, b -> {
            long[] local = new long[radii.length];
            for (int i = b * QUERY_BLOCK; i < Math.min(n, (b + 1) * QUERY_BLOCK); i++) {
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
            }
            partials.add(local);
        }, progress, "pair counts (brute force)", n, b -> Math.min(QUERY_BLOCK, n - b * QUERY_BLOCK));
        long[] out = new long[radii.length];
        for (long[] local : partials) {
            for (int r = 0; r < radii.length; r++) {
                out[r] += local[r];
            }
        }
        return out;
    }
}
