package org.repgap.neighbors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.repgap.blas.OpenBlas;
import org.repgap.data.PointCloud;
import org.repgap.progress.Progress;

/**
 * Exact Euclidean neighbours for high ambient dimension: blocked brute force whose inner product
 * {@code |x|^2 + |y|^2 - 2 x.y} runs as a single-precision matrix product (OpenBLAS {@code sgemm}),
 * with rigorous error bounds ({@link BoundedGram}) deciding which pairs could still be among the
 * {@code k} nearest; only those are re-evaluated exactly by direct differences in double precision.
 *
 * <p>For each query row, the search keeps the {@code k} smallest upper bounds ({@code a + e}) seen so far
 * (their maximum {@code T} bounds the true {@code k}-th squared distance from above) and the pairs whose
 * lower bound {@code a - e} is at most {@code T}. Every true neighbour passes this test, so ranking the
 * survivors by their exact distance (then index) gives exactly the result of {@link BruteForceSearch};
 * the reported distances are the direct-difference values, bit for bit.
 *
 * <p>Data that lie (to a relative residual of about 1e-4) in a linear subspace of at most half the
 * ambient dimension, such as a low-dimensional data set rotated into a larger space or many neural
 * embeddings, are multiplied in the coordinates of that subspace ({@link SubspaceBasis}): the product
 * shrinks by the ratio of dimensions, the bounds stay rigorous ({@link BoundedGram#upper}) and the
 * result does not change.
 *
 * <p>Query blocks run in parallel on the common fork-join pool with single-threaded OpenBLAS (see
 * {@link OpenBlas}). Values whose centred magnitude exceeds 1e150 fall back to brute force.
 */
final class BlockedEuclideanSearch extends CheckedSearch {
    /** Query rows per block. */
    static final int QUERY_BLOCK = 256;
    /** Rows per block of the symmetric all-points search (tiles are TILE x TILE). */
    static final int TILE = 1024;
    /** Above this many points the symmetric search's per-row state for all points would use too much memory. */
    static final int SYMMETRIC_MAX_N = 100_000;

    private final Progress progress;
    private final boolean reduce;

    /**
     * @param reduce whether products may run on the coordinates of a {@link SubspaceBasis} when the data
     *               have one (same results, fewer operations; off only to test the full product)
     */
    BlockedEuclideanSearch(Progress progress, boolean reduce) {
        this.progress = progress;
        this.reduce = reduce;
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
        return new BlockedEuclideanSearch(p, reduce);
    }

    @Override
    public NeighborGraph allKnn(PointCloud x, int k) {
        NeighborSearch.checkK(k, x.n(), x.source());
        if (x.n() >= 2 * TILE && x.n() <= SYMMETRIC_MAX_N) {
            return symmetricKnn(x, k);
        }
        return knn(x, x, k, true);
    }

    private NeighborGraph bruteFallback(PointCloud data, PointCloud queries, int k, boolean excludeSelf) {
        NeighborSearch brute = new BruteForceSearch(Metric.euclidean(), progress);
        return excludeSelf ? brute.allKnn(data, k) : brute.query(data, queries, k);
    }

    @Override
    NeighborGraph knn(PointCloud data, PointCloud queries, int k, boolean excludeSelf) {
        int nq = queries.n();
        int dim = data.dim();
        BoundedGram gram = BoundedGram.create(data.values(), data.n(), dim, excludeSelf ? null : queries.values(),
                BoundedGram.DATA_BLOCK, reduce);
        if (gram == null) {
            return bruteFallback(data, queries, k, excludeSelf);
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

    /**
     * Per-row search state: the {@code k} smallest upper bounds seen (their maximum is the threshold
     * {@code T}) and the candidates whose lower bound was at most {@code T} when seen.
     */
    private static final class RowStates {
        private final int k;
        /** Per row, at {@code r * k}: a max-heap of the {@code k} smallest upper bounds seen (values only: ties do not matter for {@code T}). */
        private final double[] upper;
        private final int[] upperSize;
        private final int[][] candIdx;
        private final double[][] candLower;
        private final int[] candCount;

        RowStates(int rows, int k) {
            this.k = k;
            upper = new double[Math.multiplyExact(rows, k)];
            upperSize = new int[rows];
            candIdx = new int[rows][];
            candLower = new double[rows][];
            candCount = new int[rows];
            for (int r = 0; r < rows; r++) {
                // capacity 2k: every row fills it, compacts and grows (and later compacts without growing)
                // within its first block (about k (1 + ln(block / k)) offers), so the JIT sees both branches
                // early; a branch first taken later costs a deoptimisation and a second compilation of the scan
                // (measured 0.13 s of compiler time)
                candIdx[r] = new int[2 * k];
                candLower[r] = new double[2 * k];
            }
        }

        void reset(int r) {
            upperSize[r] = 0;
            candCount[r] = 0;
        }

        double bound(int r) {
            return upperSize[r] < k ? Double.POSITIVE_INFINITY : upper[r * k];
        }

        /** Records data row {@code j} with bounds {@code lower <= upper} (caller checked {@code lower <= bound(r)}); returns the new bound. */
        double offer(int r, int j, double lower, double upperBound) {
            pushUpper(r, upperBound);
            double t = bound(r);
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
            return t;
        }

        /** Adds {@code v} to row {@code r}'s heap of the {@code k} smallest upper bounds. */
        private void pushUpper(int r, double v) {
            int base = r * k;
            int n = upperSize[r];
            if (n < k) {
                int c = n;
                upperSize[r] = n + 1;
                while (c > 0) {
                    int parent = (c - 1) >>> 1;
                    if (upper[base + parent] >= v) {
                        break;
                    }
                    upper[base + c] = upper[base + parent];
                    c = parent;
                }
                upper[base + c] = v;
            } else if (v < upper[base]) {
                int c = 0;
                while (true) {
                    int child = 2 * c + 1;
                    if (child >= k) {
                        break;
                    }
                    if (child + 1 < k && upper[base + child + 1] > upper[base + child]) {
                        child++;
                    }
                    if (upper[base + child] <= v) {
                        break;
                    }
                    upper[base + c] = upper[base + child];
                    c = child;
                }
                upper[base + c] = v;
            }
        }

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

        /** Ranks the surviving candidates of state {@code r} (query row {@code i}) by exact distance into the output row. */
        void finish(int r, int i, double[] qv, double[] dv, int dim, KnnHeap exact, double[] outDist, int[] outIdx) {
            double t = bound(r);
            exact.reset();
            int[] ci = candIdx[r];
            double[] cl = candLower[r];
            // the survivors, then their exact distances four at a time (the heap's result does not depend on order)
            int m = 0;
            for (int c = 0; c < candCount[r]; c++) {
                if (cl[c] <= t) {
                    ci[m++] = ci[c];
                }
            }
            candCount[r] = 0;
            int q = i * dim;
            double[] d4 = new double[4];
            int c = 0;
            for (; c + 4 <= m; c += 4) {
                EuclideanMetric.directDistances4(qv, q, dv, ci[c] * dim, ci[c + 1] * dim, ci[c + 2] * dim, ci[c + 3] * dim, dim,
                        d4);
                for (int u = 0; u < 4; u++) {
                    exact.offer(d4[u], ci[c + u]);
                }
            }
            for (; c < m; c++) {
                exact.offer(EuclideanMetric.directDistance(qv, q, dv, ci[c] * dim, dim), ci[c]);
            }
            exact.drainSorted(outDist, outIdx, i * k);
        }
    }

    /** One thread's state for a block of query rows: product buffers and row states. */
    private static final class KnnBlock implements AutoCloseable {
        private final BoundedGram gram;
        private final BoundedGram.Workspace ws;
        private final RowStates rows;
        private final KnnHeap exact;

        KnnBlock(BoundedGram gram, int k) {
            this.gram = gram;
            this.ws = gram.workspace(QUERY_BLOCK);
            this.rows = new RowStates(QUERY_BLOCK, k);
            this.exact = new KnnHeap(k);
        }

        void run(double[] dv, double[] qv, int dim, int q0, int m, boolean excludeSelf, double[] outDist, int[] outIdx) {
            ws.load(qv, q0, m);
            for (int r = 0; r < m; r++) {
                rows.reset(r);
            }
            for (int b = 0; b < gram.blockCount(); b++) {
                float[] g = ws.multiply(b);
                int nb = gram.blockSize(b);
                int j0 = gram.blockStart(b);
                for (int r = 0; r < m; r++) {
                    scanRow(gram, rows, r, ws.queryNorm2(r), ws.queryResidual(r), g, r * nb, nb, j0,
                            excludeSelf ? q0 + r : -1, b);
                }
            }
            for (int r = 0; r < m; r++) {
                rows.finish(r, q0 + r, qv, dv, dim, exact, outDist, outIdx);
            }
        }

        @Override
        public void close() {
            ws.close();
        }
    }

    /** Feeds one row of a product block ({@code g[base .. base+nb)}, data rows from {@code j0}) to state {@code r}. */
    private static void scanRow(BoundedGram gram, RowStates rows, int r, double nq, double rq, float[] g, int base, int nb,
            int j0, int self, int block) {
        double t = rows.bound(r);
        double slack = gram.maxError(nq, block);
        float thr = BoundedGram.floatAtLeast(t + slack);
        int end = base + nb;
        for (int p = BoundedGram.firstAtMost(g, base, end, thr); p < end; p = BoundedGram.firstAtMost(g, p + 1, end, thr)) {
            int j = j0 + p - base;
            if (j == self) {
                continue;
            }
            double a = g[p];
            double e = gram.error(nq, j);
            if (a - e <= t) {
                t = rows.offer(r, j, a - e, gram.upper(a, e, rq, j));
                thr = BoundedGram.floatAtLeast(t + slack);
            }
        }
    }

    /**
     * All-points search over the upper triangle of the product only: the approximate squared distance
     * {@code a_ij} is symmetric, so each off-diagonal tile (blocks {@code A < B}) feeds both the rows of
     * {@code A} (scanning its rows) and the rows of {@code B} (per-column thresholds). Tiles run in rounds of
     * a round-robin tournament so that no two concurrent tiles share a block, hence no locking.
     */
    private NeighborGraph symmetricKnn(PointCloud x, int k) {
        int n = x.n();
        int dim = x.dim();
        double[] v = x.values();
        BoundedGram gram = BoundedGram.create(v, n, dim, null, TILE, reduce);
        if (gram == null) {
            return bruteFallback(x, x, k, true);
        }
        RowStates rows = new RowStates(n, k);
        int blocks = gram.blockCount();
        List<int[]> rounds = roundRobin(blocks);
        ConcurrentLinkedQueue<BoundedGram.Workspace> pool = new ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicLong tilesDone = new java.util.concurrent.atomic.AtomicLong();
        long tiles = (long) blocks * (blocks + 1) / 2;
        String task = k + "-NN search (blas, symmetric)";
        int[] idx = new int[n * k];
        double[] dist = new double[n * k];
        try (gram; OpenBlas.AutoCloseableScope scope = OpenBlas.singleThreaded()) {
            for (int[] round : rounds) {
                IntStream.range(0, round.length / 2).parallel().forEach(t -> {
                    BoundedGram.Workspace ws = pool.poll();
                    if (ws == null) {
                        ws = gram.workspace(QUERY_BLOCK);
                    }
                    try {
                        tile(gram, ws, rows, v, round[2 * t], round[2 * t + 1]);
                    } finally {
                        pool.add(ws);
                    }
                    // report rows as the fraction of tiles done: the exact ranking at the end is cheap; under the lock,
                    // so that reports arrive in increasing order (SearchSupport.report)
                    synchronized (tilesDone) {
                        progress.update(task, n * tilesDone.incrementAndGet() / tiles, n);
                    }
                });
            }
            IntStream.range(0, (n + QUERY_BLOCK - 1) / QUERY_BLOCK).parallel().forEach(b -> {
                KnnHeap exact = new KnnHeap(k);
                for (int i = b * QUERY_BLOCK; i < Math.min(n, (b + 1) * QUERY_BLOCK); i++) {
                    rows.finish(i, i, v, v, dim, exact, dist, idx);
                }
            });
        } finally {
            pool.forEach(BoundedGram.Workspace::close);
        }
        return new NeighborGraph(n, k, idx, dist, Metric.euclidean().name());
    }

    /**
     * Processes tile (a, b), {@code a <= b}, for the rows of both blocks: every pair of the tile above the
     * diagonal once. Diagonal tiles take the same path as the others on purpose: round 0 (all diagonal
     * tiles) then compiles the one scan method with both kinds of offer seen, before the other rounds.
     */
    private static void tile(BoundedGram gram, BoundedGram.Workspace ws, RowStates rows, double[] v, int a, int b) {
        int end = gram.blockStart(a) + gram.blockSize(a);
        int nb = gram.blockSize(b);
        int j0 = gram.blockStart(b);
        float[] colThr = new float[nb];
        for (int q0 = gram.blockStart(a); q0 < end; q0 += QUERY_BLOCK) {
            int m = Math.min(QUERY_BLOCK, end - q0);
            ws.load(v, q0, m);
            float[] g = ws.multiply(b);
            double maxNorm = 0;
            for (int r = 0; r < m; r++) {
                maxNorm = Math.max(maxNorm, ws.queryNorm2(r));
            }
            columnThresholds(gram, rows, colThr, nb, j0, maxNorm);
            for (int r = 0; r < m; r++) {
                // a diagonal tile (a == b) is scanned above its diagonal only, like the others: each pair once
                int first = a == b ? Math.min(nb, q0 + r - j0 + 1) : 0;
                scanRowAndColumns(gram, rows, q0 + r, ws.queryNorm2(r), ws.queryResidual(r), g, r * nb, first, nb, j0, b,
                        colThr, maxNorm);
            }
        }
    }

    /*
     * The loops of a tile are separate small methods on purpose: each is called thousands of times, so the
     * JIT compiles it once, instead of compiling the whole tile loop nest again for every loop entered
     * while it ran (on-stack replacement): measured 0.57 s of C2 compiler time in a fresh JVM before.
     */

    /** Column thresholds of data rows {@code j0 .. j0+nb} for query rows of squared norm at most {@code maxNorm}. */
    private static void columnThresholds(BoundedGram gram, RowStates rows, float[] colThr, int nb, int j0, double maxNorm) {
        for (int c = 0; c < nb; c++) {
            colThr[c] = BoundedGram.floatAtLeast(gram.columnThreshold(rows.bound(j0 + c), maxNorm, j0 + c));
        }
    }

    /**
     * Feeds one row of a product tile ({@code g[base + first .. base+nb)}, data rows from {@code j0 + first}) to
     * query row {@code i}'s state and, by symmetry, to the states of the data rows.
     */
    private static void scanRowAndColumns(BoundedGram gram, RowStates rows, int i, double nq, double rq, float[] g, int base,
            int first, int nb, int j0, int block, float[] colThr, double maxNorm) {
        double t = rows.bound(i);
        double slack = gram.maxError(nq, block);
        float thr = BoundedGram.floatAtLeast(t + slack);
        int stop = base + nb;
        for (int p = BoundedGram.firstAtMost(g, base + first, stop, thr, colThr, base); p < stop;
                p = BoundedGram.firstAtMost(g, p + 1, stop, thr, colThr, base)) {
            int c = p - base;
            int j = j0 + c;
            double av = g[p];
            double e = gram.error(nq, j);
            double lower = av - e;
            double upper = lower <= t || lower <= rows.bound(j) ? gram.upper(av, e, rq, j) : 0;
            if (lower <= t) {
                t = rows.offer(i, j, lower, upper);
                thr = BoundedGram.floatAtLeast(t + slack);
            }
            if (lower <= rows.bound(j)) {
                double tj = rows.offer(j, i, lower, upper);
                colThr[c] = BoundedGram.floatAtLeast(gram.columnThreshold(tj, maxNorm, j));
            }
        }
    }

    /**
     * Rounds of the circle method for a round-robin tournament on {@code blocks} blocks: the first round
     * is the diagonal (each block with itself), then every pair {@code a != b} exactly once, no block twice in a
     * round. Each round is a flat array of pairs.
     */
    static List<int[]> roundRobin(int blocks) {
        List<int[]> rounds = new ArrayList<>();
        int[] diagonal = new int[2 * blocks];
        for (int b = 0; b < blocks; b++) {
            diagonal[2 * b] = b;
            diagonal[2 * b + 1] = b;
        }
        rounds.add(diagonal);
        int m = blocks % 2 == 0 ? blocks : blocks + 1;
        int[] circle = new int[m];
        for (int i = 0; i < m; i++) {
            circle[i] = i < blocks ? i : -1;
        }
        for (int round = 0; round < m - 1; round++) {
            List<Integer> pairs = new ArrayList<>();
            for (int i = 0; i < m / 2; i++) {
                int a = circle[i];
                int b = circle[m - 1 - i];
                if (a >= 0 && b >= 0) {
                    pairs.add(Math.min(a, b));
                    pairs.add(Math.max(a, b));
                }
            }
            rounds.add(pairs.stream().mapToInt(Integer::intValue).toArray());
            // keep circle[0] fixed, rotate the rest by one
            int last = circle[m - 1];
            System.arraycopy(circle, 1, circle, 2, m - 2);
            circle[1] = last;
        }
        return rounds;
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
        BoundedGram gram = BoundedGram.create(x.values(), n, x.dim(), null, BoundedGram.DATA_BLOCK, reduce);
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
                            float thr = BoundedGram.floatAtLeast(skipAbove + gram.maxError(nq, b));
                            int base = r * nb;
                            int end = base + nb;
                            for (int c = BoundedGram.firstAtMost(g, base + Math.max(0, i + 1 - j0), end, thr); c < end;
                                    c = BoundedGram.firstAtMost(g, c + 1, end, thr)) {
                                int j = j0 + c - base;
                                double a = g[c];
                                double e = gram.error(nq, j);
                                int pMin = RadiusBuckets.countAtMost(highEdge, a - e);
                                int pMax = RadiusBuckets.countAtMost(lowEdge, gram.upper(a, e, ws.queryResidual(r), j));
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
