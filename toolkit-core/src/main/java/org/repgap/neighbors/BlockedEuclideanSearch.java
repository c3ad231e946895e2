package org.repgap.neighbors;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.repgap.data.PointCloud;
import org.repgap.progress.Progress;

/**
 * Exact Euclidean neighbours for high ambient dimension: blocked brute force whose inner product
 * {@code |x|^2 + |y|^2 - 2 x.y} runs as a single-precision matrix product (OpenBLAS {@code sgemm}),
 * with rigorous error bounds ({@link BoundedGram}) deciding which pairs could still be among the
 * {@code k} nearest; only those are re-evaluated exactly by direct differences in double precision.
 *
 * <p>For each query row, the search keeps the {@code k} smallest upper bounds {@code a + e} seen so far
 * (their maximum {@code T} bounds the true {@code k}-th squared distance from above) and the pairs whose
 * lower bound {@code a - e} is at most {@code T}. Every true neighbour passes this test, so ranking the
 * survivors by their exact distance (then index) gives exactly the result of {@link BruteForceSearch};
 * the reported distances are the direct-difference values, bit for bit.
 *
 * <p>Query blocks run in parallel on the common fork-join pool with single-threaded OpenBLAS (see
 * {@link OpenBlas}). Values whose centred magnitude exceeds 1e150 fall back to brute force.
 */
final class BlockedEuclideanSearch implements NeighborSearch {
    /** Query rows per block. */
    static final int QUERY_BLOCK = 256;

    private final Progress progress;

    BlockedEuclideanSearch(Progress progress) {
        this.progress = progress;
    }

    @Override
    public String name() {
        return "blas";
    }

    @Override
    public Metric metric() {
        return Metric.euclidean();
    }

    @Override
    public NeighborSearch withProgress(Progress p) {
        return new BlockedEuclideanSearch(p);
    }

    @Override
    public NeighborGraph allKnn(PointCloud x, int k) {
        NeighborSearch.checkK(k, x.n(), x.source());
        return knn(x, x, k, true);
    }

    @Override
    public NeighborGraph query(PointCloud data, PointCloud queries, int k) {
        SearchSupport.checkQuery(data, queries, k);
        return knn(data, queries, k, false);
    }

    private NeighborGraph knn(PointCloud data, PointCloud queries, int k, boolean excludeSelf) {
        int nq = queries.n();
        int dim = data.dim();
        BoundedGram gram = BoundedGram.create(data.values(), data.n(), dim, excludeSelf ? null : queries.values());
        if (gram == null) {
            NeighborSearch brute = new BruteForceSearch(Metric.euclidean(), progress);
            return excludeSelf ? brute.allKnn(data, k) : brute.query(data, queries, k);
        }
        int[] idx = new int[nq * k];
        double[] dist = new double[nq * k];
        ConcurrentLinkedQueue<KnnBlock> pool = new ConcurrentLinkedQueue<>();
        int blocks = (nq + QUERY_BLOCK - 1) / QUERY_BLOCK;
        try (gram; OpenBlas.AutoCloseableScope scope = OpenBlas.singleThreaded()) {
            SearchSupport.parallelBlocks(blocks, b -> {
                KnnBlock kb = pool.poll();
                if (kb == null) {
                    kb = new KnnBlock(gram, k);
                }
                try {
                    int q0 = b * QUERY_BLOCK;
                    kb.run(data.values(), queries.values(), dim, q0, Math.min(QUERY_BLOCK, nq - q0), excludeSelf, dist, idx);
                } finally {
                    pool.add(kb);
                }
            }, progress, k + "-NN search (blas)", nq, b -> Math.min(QUERY_BLOCK, nq - b * QUERY_BLOCK));
        } finally {
            pool.forEach(KnnBlock::close);
        }
        return new NeighborGraph(nq, k, idx, dist, Metric.euclidean().name());
    }

    /** One thread's state for a block of query rows: product buffers, bound heaps, candidate lists. */
    private static final class KnnBlock implements AutoCloseable {
        private final BoundedGram gram;
        private final BoundedGram.Workspace ws;
        private final int k;
        private final KnnHeap[] upper = new KnnHeap[QUERY_BLOCK];
        private final int[][] candIdx = new int[QUERY_BLOCK][];
        private final double[][] candLower = new double[QUERY_BLOCK][];
        private final int[] candCount = new int[QUERY_BLOCK];
        private final KnnHeap exact;

        KnnBlock(BoundedGram gram, int k) {
            this.gram = gram;
            this.ws = gram.workspace(QUERY_BLOCK);
            this.k = k;
            for (int r = 0; r < QUERY_BLOCK; r++) {
                upper[r] = new KnnHeap(k);
                candIdx[r] = new int[4 * k + 64];
                candLower[r] = new double[4 * k + 64];
            }
            this.exact = new KnnHeap(k);
        }

        void run(double[] dv, double[] qv, int dim, int q0, int m, boolean excludeSelf, double[] outDist, int[] outIdx) {
            ws.load(qv, q0, m);
            for (int r = 0; r < m; r++) {
                upper[r].reset();
                candCount[r] = 0;
            }
            for (int b = 0; b < gram.blockCount(); b++) {
                float[] g = ws.multiply(b);
                int nb = gram.blockSize(b);
                int j0 = gram.blockStart(b);
                for (int r = 0; r < m; r++) {
                    scanRow(g, r * nb, nb, j0, r, excludeSelf ? q0 + r : -1, b);
                }
            }
            for (int r = 0; r < m; r++) {
                int i = q0 + r;
                double t = upper[r].bound();
                exact.reset();
                int[] ci = candIdx[r];
                double[] cl = candLower[r];
                for (int c = 0; c < candCount[r]; c++) {
                    if (cl[c] <= t) {
                        int j = ci[c];
                        exact.offer(EuclideanMetric.directDistance(qv, i * dim, dv, j * dim, dim), j);
                    }
                }
                exact.drainSorted(outDist, outIdx, i * k);
            }
        }

        private void scanRow(float[] g, int base, int nb, int j0, int r, int self, int block) {
            double nq = ws.queryNorm2(r);
            KnnHeap heap = upper[r];
            double t = heap.bound();
            double slack = gram.maxError(nq, block);
            float thr = BoundedGram.floatAtLeast(t - nq + slack);
            int end = base + nb;
            for (int p = BoundedGram.firstAtMost(g, base, end, thr); p < end; p = BoundedGram.firstAtMost(g, p + 1, end, thr)) {
                int j = j0 + p - base;
                if (j == self) {
                    continue;
                }
                double a = nq + g[p];
                double e = gram.error(nq, j);
                double lower = a - e;
                if (lower > t) {
                    continue;
                }
                heap.offer(a + e, j);
                t = heap.bound();
                thr = BoundedGram.floatAtLeast(t - nq + slack);
                addCandidate(r, j, lower, t);
            }
        }

        private void addCandidate(int r, int j, double lower, double t) {
            int n = candCount[r];
            if (n == candIdx[r].length) {
                n = compact(r, t);
                if (n > candIdx[r].length / 2) {
                    candIdx[r] = Arrays.copyOf(candIdx[r], 2 * candIdx[r].length);
                    candLower[r] = Arrays.copyOf(candLower[r], 2 * candLower[r].length);
                }
            }
            candIdx[r][n] = j;
            candLower[r][n] = lower;
            candCount[r] = n + 1;
        }

        /** Drops candidates whose lower bound exceeds the current threshold; returns the new count. */
        private int compact(int r, double t) {
            int[] ci = candIdx[r];
            double[] cl = candLower[r];
            int w = 0;
            for (int c = 0; c < candCount[r]; c++) {
                if (cl[c] <= t) {
                    ci[w] = ci[c];
                    cl[w] = cl[c];
                    w++;
                }
            }
            candCount[r] = w;
            return w;
        }

        @Override
        public void close() {
            ws.close();
        }
    }

    @Override
    public long[] countPairsWithin(PointCloud x, double[] radii) {
        RadiusBuckets buckets = RadiusBuckets.of(radii);
        int n = x.n();
        long allPairs = (long) n * (n - 1);
        long[] hist = new long[buckets.size() + 1];
        if (buckets.size() == 0 || n < 2) {
            return buckets.counts(hist, allPairs);
        }
        BoundedGram gram = BoundedGram.create(x.values(), n, x.dim(), null);
        if (gram == null) {
            return new BruteForceSearch(Metric.euclidean(), progress).countPairsWithin(x, radii);
        }
        double s2 = gram.scale() * gram.scale();
        double[] sorted = buckets.sorted();
        double[] lowEdge = new double[sorted.length];
        double[] highEdge = new double[sorted.length];
        for (int p = 0; p < sorted.length; p++) {
            double r2 = sorted[p] * sorted[p] * s2;
            // a pair whose exact-arithmetic squared distance is outside [r^2 (1 - 1e-9), r^2 (1 + 1e-9)]
            // compares with r like its double-precision distance does
            lowEdge[p] = r2 * (1 - 1e-9);
            highEdge[p] = r2 * (1 + 1e-9);
        }
        double skipAbove = highEdge[sorted.length - 1];
        int dim = x.dim();
        double[] v = x.values();
        ConcurrentLinkedQueue<BoundedGram.Workspace> pool = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<long[]> partials = new ConcurrentLinkedQueue<>();
        int blocks = (n + QUERY_BLOCK - 1) / QUERY_BLOCK;
        try (gram; OpenBlas.AutoCloseableScope scope = OpenBlas.singleThreaded()) {
            SearchSupport.parallelBlocks(blocks, qb -> {
                BoundedGram.Workspace ws = pool.poll();
                if (ws == null) {
                    ws = gram.workspace(QUERY_BLOCK);
                }
                long[] local = new long[hist.length];
                try {
                    int q0 = qb * QUERY_BLOCK;
                    int m = Math.min(QUERY_BLOCK, n - q0);
                    ws.load(v, q0, m);
                    // unordered pairs i < j, counted twice: distances are symmetric bit for bit
                    for (int b = (q0 + 1) / BoundedGram.DATA_BLOCK; b < gram.blockCount(); b++) {
                        float[] g = ws.multiply(b);
                        int nb = gram.blockSize(b);
                        int j0 = gram.blockStart(b);
                        for (int r = 0; r < m; r++) {
                            int i = q0 + r;
                            double nq = ws.queryNorm2(r);
                            float thr = BoundedGram.floatAtLeast(skipAbove - nq + gram.maxError(nq, b));
                            int base = r * nb;
                            int end = base + nb;
                            for (int c = BoundedGram.firstAtMost(g, base + Math.max(0, i + 1 - j0), end, thr); c < end;
                                    c = BoundedGram.firstAtMost(g, c + 1, end, thr)) {
                                int j = j0 + c - base;
                                double a = nq + g[c];
                                double e = gram.error(nq, j);
                                int pMin = RadiusBuckets.countAtMost(highEdge, a - e);
                                int pMax = RadiusBuckets.countAtMost(lowEdge, a + e);
                                int p = pMin == pMax ? pMin
                                        : buckets.bucket(EuclideanMetric.directDistance(v, i * dim, v, j * dim, dim));
                                local[p] += 2;
                            }
                        }
                    }
                } finally {
                    pool.add(ws);
                    partials.add(local);
                }
            }, progress, "pair counts (blas)", n, b -> Math.min(QUERY_BLOCK, n - b * QUERY_BLOCK));
        } finally {
            pool.forEach(BoundedGram.Workspace::close);
        }
        for (long[] local : partials) {
            for (int p = 0; p < hist.length; p++) {
                hist[p] += local[p];
            }
        }
        return buckets.counts(hist, allPairs);
    }
}
