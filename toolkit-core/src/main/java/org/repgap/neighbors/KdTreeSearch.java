package org.repgap.neighbors;

import java.util.concurrent.ConcurrentLinkedQueue;
import org.repgap.data.PointCloud;
import org.repgap.progress.Progress;

/**
 * Exact Euclidean neighbours with a {@link KdTree}: the search for low ambient dimension
 * (scikit-learn's rule of thumb, used by {@link NeighborSearch#auto}: up to 15 coordinates). Queries
 * run in parallel blocks on the common fork-join pool; results equal {@link BruteForceSearch}'s
 * bit for bit.
 */
final class KdTreeSearch extends CheckedSearch {
    private static final int QUERY_BLOCK = 512;

    private final Progress progress;

    KdTreeSearch(Progress progress) {
        this.progress = progress;
    }

    @Override
    public String name() {
        return "kdtree";
    }

    @Override
    public Metric metric() {
        return Metric.euclidean();
    }

    @Override
    public NeighborSearch withProgress(Progress p) {
        return new KdTreeSearch(p);
    }

    @Override
    NeighborGraph knn(PointCloud data, PointCloud queries, int k, boolean excludeSelf) {
        return knn(KdTree.build(data.values(), data.n(), data.dim()), data, queries, k, excludeSelf);
    }

    /** The search on a tree already built over {@code data}. */
    NeighborGraph knn(KdTree tree, PointCloud data, PointCloud queries, int k, boolean excludeSelf) {
        int nq = queries.n();
        int dim = queries.dim();
        double[] qv = queries.values();
        int[] idx = new int[nq * k];
        double[] dist = new double[nq * k];
        ConcurrentLinkedQueue<KnnHeap> heaps = new ConcurrentLinkedQueue<>();
        int blocks = (nq + QUERY_BLOCK - 1) / QUERY_BLOCK;
        SearchSupport.parallelBlocks(blocks, b -> {
            KnnHeap heap = heaps.poll();
            if (heap == null) {
                heap = new KnnHeap(k);
            }
            for (int i = b * QUERY_BLOCK; i < Math.min(nq, (b + 1) * QUERY_BLOCK); i++) {
                heap.reset();
                tree.knn(qv, i * dim, excludeSelf ? i : -1, heap);
                heap.drainSorted(dist, idx, i * k);
            }
            heaps.add(heap);
        }, progress, k + "-NN search (kd-tree)", nq, b -> Math.min(QUERY_BLOCK, nq - b * QUERY_BLOCK));
        return new NeighborGraph(nq, k, idx, dist, Metric.euclidean().name());
    }

    @Override
    public long[] countPairsWithin(PointCloud x, double[] radii) {
        RadiusBuckets buckets = RadiusBuckets.of(radii);
        int n = x.n();
        long[] hist = new long[buckets.size() + 1];
        long allPairs = (long) n * (n - 1);
        if (buckets.size() == 0 || n < 2) {
            return buckets.counts(hist, allPairs);
        }
        KdTree tree = KdTree.build(x.values(), n, x.dim());
        double[] low = KdTree.edges2(buckets.sorted(), false);
        double[] high = KdTree.edges2(buckets.sorted(), true);
        int dim = x.dim();
        double[] v = x.values();
        ConcurrentLinkedQueue<long[]> partials = new ConcurrentLinkedQueue<>();
        int blocks = (n + QUERY_BLOCK - 1) / QUERY_BLOCK;
        SearchSupport.parallelBlocks(blocks, b -> {
            long[] local = new long[hist.length];
            for (int i = b * QUERY_BLOCK; i < Math.min(n, (b + 1) * QUERY_BLOCK); i++) {
                tree.countWithin(v, i * dim, i, buckets, low, high, local);
            }
            partials.add(local);
        }, progress, "pair counts (kd-tree)", n, b -> Math.min(QUERY_BLOCK, n - b * QUERY_BLOCK));
        for (long[] local : partials) {
            for (int p = 0; p < hist.length; p++) {
                hist[p] += local[p];
            }
        }
        return buckets.counts(hist, allPairs);
    }
}
