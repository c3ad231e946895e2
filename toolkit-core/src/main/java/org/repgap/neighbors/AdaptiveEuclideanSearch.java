package org.repgap.neighbors;

import org.repgap.blas.OpenBlas;
import org.repgap.data.PointCloud;
import org.repgap.progress.Progress;

/**
 * The automatic Euclidean search for low ambient dimension (up to {@link NeighborSearch#KD_TREE_MAX_DIM}
 * coordinates): a k-d tree when it prunes well, the blocked product search ({@link BlockedEuclideanSearch})
 * when it does not. Both are exact, so the choice changes only the time.
 *
 * <p>Why. A k-d tree's work depends on the intrinsic dimension of the data, the product search's on
 * {@code n^2} only. Measured on 20,000 points, 20 neighbours (2 cores): a 3-dimensional manifold in
 * {@code R^15} or a Swiss roll takes 0.15-0.27 s in the tree against 0.8-0.9 s in the product, but the
 * uniform cube {@code [0,1]^8} takes 1.1 s in the tree against 0.76 s, and {@code [0,1]^15} 9.7 s against
 * 0.7 s: a fixed dimension threshold is wrong one way or the other.
 *
 * <p>How. The tree is built (cheap: {@code n log n}), then {@value #PROBES} evenly spaced queries are
 * answered and the points each one visits are counted. A visited point costs about 20 times a pair of the
 * product search (measured: 39 ns against 1.9 ns at 8 coordinates), so the product search is used when
 * the queries visit more than {@code n / }{@value #COST_RATIO} points on average (cube {@code [0,1]^6}:
 * {@code n / 29}, tree faster; {@code [0,1]^8}: {@code n / 14}, product faster), and only from
 * {@code minPoints} points on, below which either takes a fraction of a second and the tree needs no
 * native library. Pair counts ({@link #countPairsWithin}) always use the tree, which tallies whole nodes
 * at once for the small radii they are asked about.
 */
final class AdaptiveEuclideanSearch implements NeighborSearch {
    /** Queries of the probe. */
    static final int PROBES = 64;
    /** Cost of a point visited in the tree, in pairs of the product search. */
    static final int COST_RATIO = 20;
    /** Default smallest number of data points for which the product search is considered. */
    static final int MIN_POINTS = 8192;

    private final Progress progress;
    private final int minPoints;

    AdaptiveEuclideanSearch(Progress progress, int minPoints) {
        this.progress = progress;
        this.minPoints = minPoints;
    }

    @Override
    public String name() {
        return "kdtree-or-blas";
    }

    @Override
    public Metric metric() {
        return Metric.euclidean();
    }

    @Override
    public NeighborSearch withProgress(Progress p) {
        return new AdaptiveEuclideanSearch(p, minPoints);
    }

    @Override
    public NeighborGraph allKnn(PointCloud x, int k) {
        NeighborSearch.checkK(k, x.n(), x.source());
        KdTree tree = KdTree.build(x.values(), x.n(), x.dim());
        if (x.n() >= minPoints && !prunes(tree, x, k, true) && OpenBlas.available()) {
            return new BlockedEuclideanSearch(progress, true).allKnn(x, k);
        }
        return new KdTreeSearch(progress).knn(tree, x, x, k, true);
    }

    @Override
    public NeighborGraph query(PointCloud data, PointCloud queries, int k) {
        SearchSupport.checkQuery(data, queries, k);
        KdTree tree = KdTree.build(data.values(), data.n(), data.dim());
        if (data.n() >= minPoints && queries.n() >= PROBES && !prunes(tree, queries, k, false) && OpenBlas.available()) {
            return new BlockedEuclideanSearch(progress, true).query(data, queries, k);
        }
        return new KdTreeSearch(progress).knn(tree, data, queries, k, false);
    }

    @Override
    public long[] countPairsWithin(PointCloud x, double[] radii) {
        return new KdTreeSearch(progress).countPairsWithin(x, radii);
    }

    /** Whether {@value #PROBES} evenly spaced queries visit at most {@code n / COST_RATIO} points on average. */
    static boolean prunes(KdTree tree, PointCloud queries, int k, boolean excludeSelf) {
        int m = Math.min(PROBES, queries.n());
        KnnHeap heap = new KnnHeap(k);
        long visited = 0;
        double[] q = queries.values();
        int dim = queries.dim();
        for (int s = 0; s < m; s++) {
            int i = (int) ((long) s * queries.n() / m);
            heap.reset();
            visited += tree.knn(q, i * dim, excludeSelf ? i : -1, heap);
        }
        return visited * COST_RATIO <= (long) m * tree.size();
    }
}
