package org.repgap.neighbors;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.repgap.blas.OpenBlas;
import org.repgap.data.PointCloud;
import org.repgap.progress.Progress;

/**
 * Exact neighbours for a metric with a 1-Lipschitz embedding {@code phi}
 * ({@link Metric#lowerBoundEmbedding}: {@code |phi(x) - phi(y)| <= d(x, y)}), such as the orbit
 * distances of symmetry groups. For each query {@code x} the search
 * <ol>
 *   <li>finds the {@code k} points with the smallest embedding distance and evaluates {@code d} on
 *       them, so the {@code k}-th of those distances, {@code U}, bounds the true {@code k}-th from above;</li>
 *   <li>collects the points with {@code |phi(x) - phi(y)| <= U}, sorts them by embedding distance and
 *       evaluates {@code d} in that order, stopping once the embedding distance exceeds the current
 *       {@code k}-th best distance.</li>
 * </ol>
 * Embedding distances come as rigorous lower bounds from the float matrix-product kernel
 * ({@link BoundedGram}), so the metric is evaluated only for pairs the embedding cannot rule out.
 *
 * <p>Rounding. The metric's computed value may differ from the exact {@code d} (closed forms that expand
 * {@code |x|^2 + |y|^2 - 2 ...} lose up to about {@code 1e-8 |x|}). A pair is therefore ruled out only
 * when its embedding bound exceeds the current bound by {@code 1e-9 bound + 1e-7 (|x| + |y|)}; within that
 * tolerance the result equals {@link BruteForceSearch} with the same metric exactly.
 */
final class EmbeddingPrunedSearch extends CheckedSearch {
    private static final int QUERY_BLOCK = 64;
    private static final double REL_TOL = 1e-9;
    private static final double ABS_TOL = 1e-7;

    private final Metric metric;
    private final Progress progress;

    EmbeddingPrunedSearch(Metric metric, Progress progress) {
        this.metric = metric;
        this.progress = progress;
    }

    @Override
    public String name() {
        return "pruned";
    }

    @Override
    public Metric metric() {
        return metric;
    }

    @Override
    public NeighborSearch withProgress(Progress p) {
        return new EmbeddingPrunedSearch(metric, p);
    }

    /** The embedded points, row-major, or {@code null} when the metric has no embedding. */
    private double[][] embed(PointCloud x) {
        double[] first = metric.lowerBoundEmbedding(x.row(0));
        if (first == null) {
            return null;
        }
        int e = first.length;
        double[] out = new double[x.n() * e];
        IntStream.range(0, x.n()).parallel().forEach(i -> {
            double[] phi = i == 0 ? first : metric.lowerBoundEmbedding(x.row(i));
            if (phi == null || phi.length != e) {
                throw new IllegalStateException(String.format(java.util.Locale.ROOT,
                        "metric %s: lowerBoundEmbedding of row %d has %s values, row 1 had %d", metric.name(), i + 1,
                        phi == null ? "no" : Integer.toString(phi.length), e));
            }
            for (double v : phi) {
                if (!Double.isFinite(v)) {
                    throw new IllegalStateException("metric " + metric.name() + ": lowerBoundEmbedding of row " + (i + 1)
                            + " is not finite");
                }
            }
            System.arraycopy(phi, 0, out, i * e, e);
        });
        return new double[][] {out, {e}};
    }

    private static double[] norms(PointCloud x) {
        double[] out = new double[x.n()];
        double[] zero = new double[x.dim()];
        for (int i = 0; i < x.n(); i++) {
            out[i] = EuclideanMetric.directDistance(x.values(), i * x.dim(), zero, 0, x.dim());
        }
        return out;
    }

    @Override
    NeighborGraph knn(PointCloud data, PointCloud queries, int k, boolean excludeSelf) {
        int nq = queries.n();
        if (nq == 0) {
            return new NeighborGraph(0, k, new int[0], new double[0], metric.name());
        }
        double[][] embData = embed(data);
        double[][] embQueries = excludeSelf || embData == null ? embData : embed(queries);
        BoundedGram gram = embData == null ? null
                : BoundedGram.create(embData[0], data.n(), (int) embData[1][0], excludeSelf ? null : embQueries[0]);
        if (gram == null) {
            NeighborSearch brute = new BruteForceSearch(metric, progress);
            return excludeSelf ? brute.allKnn(data, k) : brute.query(data, queries, k);
        }
        Context ctx = new Context(data, queries, gram, norms(data), excludeSelf ? null : norms(queries), embQueries[0]);
        int[] idx = new int[nq * k];
        double[] dist = new double[nq * k];
        ConcurrentLinkedQueue<KnnBlock> pool = new ConcurrentLinkedQueue<>();
        int blocks = (nq + QUERY_BLOCK - 1) / QUERY_BLOCK;
        try (gram; OpenBlas.AutoCloseableScope scope = OpenBlas.singleThreaded()) {
            SearchSupport.parallelBlocks(blocks, b -> {
                KnnBlock kb = pool.poll();
                if (kb == null) {
                    kb = new KnnBlock(ctx, k);
                }
                try {
                    int q0 = b * QUERY_BLOCK;
                    kb.run(q0, Math.min(QUERY_BLOCK, nq - q0), excludeSelf, dist, idx);
                } finally {
                    pool.add(kb);
                }
            }, progress, k + "-NN search (" + metric.name() + ", pruned)", nq,
                    b -> Math.min(QUERY_BLOCK, nq - b * QUERY_BLOCK));
        } finally {
            pool.forEach(KnnBlock::close);
        }
        return new NeighborGraph(nq, k, idx, dist, metric.name());
    }

    /** What every block reads: the points, their embeddings in the product kernel, and norms for tolerances. */
    private final class Context {
        final double[] dv;
        final double[] qv;
        final int dim;
        final BoundedGram gram;
        final double[] dataNorm;
        final double[] queryNorm;
        final double maxDataNorm;
        final double[] queryEmbedding;

        Context(PointCloud data, PointCloud queries, BoundedGram gram, double[] dataNorm, double[] queryNorm,
                double[] queryEmbedding) {
            this.dv = data.values();
            this.qv = queries.values();
            this.dim = data.dim();
            this.gram = gram;
            this.dataNorm = dataNorm;
            this.queryNorm = queryNorm == null ? dataNorm : queryNorm;
            this.maxDataNorm = Arrays.stream(dataNorm).max().orElse(0);
            this.queryEmbedding = queryEmbedding;
        }

        double distance(int i, int j) {
            return metric.distance(qv, i * dim, dv, j * dim, dim);
        }

        /** Tolerance for ruling out data row {@code j} against query {@code i} at the given bound. */
        double tolerance(double bound, int i, int j) {
            return REL_TOL * bound + ABS_TOL * (queryNorm[i] + dataNorm[j]);
        }

        double maxTolerance(double bound, int i) {
            return REL_TOL * bound + ABS_TOL * (queryNorm[i] + maxDataNorm);
        }

        /** The scaled squared embedding distance corresponding to distance {@code r}, rounded up. */
        double scaledSquare(double r) {
            double t = r * gram.scale();
            return t * t * (1 + 1e-12);
        }

        /** The embedding distance bound in original units from a scaled squared lower bound. */
        double unscale(double lower) {
            return Math.sqrt(Math.max(0, lower)) / gram.scale();
        }
    }

    private final class KnnBlock implements AutoCloseable {
        private final Context ctx;
        private final BoundedGram.Workspace ws;
        private final int k;
        private final KnnHeap[] best = new KnnHeap[QUERY_BLOCK];
        private final int[][] evaluated = new int[QUERY_BLOCK][];
        private final long[][] cand = new long[QUERY_BLOCK][];
        private final int[] candCount = new int[QUERY_BLOCK];
        private final double[] limit = new double[QUERY_BLOCK];
        private final double[] tmpDist;
        private final int[] tmpIdx;

        KnnBlock(Context ctx, int k) {
            this.ctx = ctx;
            this.ws = ctx.gram.workspace(QUERY_BLOCK);
            this.k = k;
            for (int r = 0; r < QUERY_BLOCK; r++) {
                best[r] = new KnnHeap(k);
                evaluated[r] = new int[k];
                cand[r] = new long[64];
            }
            tmpDist = new double[k];
            tmpIdx = new int[k];
        }

        void run(int q0, int m, boolean excludeSelf, double[] outDist, int[] outIdx) {
            BoundedGram gram = ctx.gram;
            ws.load(ctx.queryEmbedding, q0, m);
            // phase 1: the k smallest embedding lower bounds of each row
            for (int r = 0; r < m; r++) {
                best[r].reset();
            }
            for (int b = 0; b < gram.blockCount(); b++) {
                float[] g = ws.multiply(b);
                int nb = gram.blockSize(b);
                int j0 = gram.blockStart(b);
                for (int r = 0; r < m; r++) {
                    int self = excludeSelf ? q0 + r : -1;
                    double nq = ws.queryNorm2(r);
                    KnnHeap h = best[r];
                    double slack = gram.maxError(nq, b);
                    float thr = BoundedGram.floatAtLeast(h.bound() + slack);
                    int base = r * nb;
                    int end = base + nb;
                    for (int c = BoundedGram.firstAtMost(g, base, end, thr); c < end; c = BoundedGram.firstAtMost(g, c + 1, end, thr)) {
                        int j = j0 + c - base;
                        if (j != self) {
                            h.offer(g[c] - gram.error(nq, j), j);
                            thr = BoundedGram.floatAtLeast(h.bound() + slack);
                        }
                    }
                }
            }
            // evaluate the metric on them: U bounds the k-th distance from above
            for (int r = 0; r < m; r++) {
                int i = q0 + r;
                best[r].drainSorted(tmpDist, tmpIdx, 0);
                int[] ev = evaluated[r];
                System.arraycopy(tmpIdx, 0, ev, 0, k);
                Arrays.sort(ev);
                KnnHeap h = best[r];
                for (int c = 0; c < k; c++) {
                    h.offer(ctx.distance(i, ev[c]), ev[c]);
                }
                double u = h.bound();
                limit[r] = ctx.scaledSquare(u + ctx.maxTolerance(u, i));
                candCount[r] = 0;
            }
            // phase 2: collect the pairs whose embedding bound does not exceed U
            for (int b = 0; b < gram.blockCount(); b++) {
                float[] g = ws.multiply(b);
                int nb = gram.blockSize(b);
                int j0 = gram.blockStart(b);
                for (int r = 0; r < m; r++) {
                    int self = excludeSelf ? q0 + r : -1;
                    double nq = ws.queryNorm2(r);
                    float thr = BoundedGram.floatAtLeast(limit[r] + gram.maxError(nq, b));
                    int base = r * nb;
                    int end = base + nb;
                    for (int c = BoundedGram.firstAtMost(g, base, end, thr); c < end; c = BoundedGram.firstAtMost(g, c + 1, end, thr)) {
                        int j = j0 + c - base;
                        double lower = g[c] - gram.error(nq, j);
                        if (j != self && lower <= limit[r] && Arrays.binarySearch(evaluated[r], j) < 0) {
                            addCandidate(r, lower, j);
                        }
                    }
                }
            }
            // evaluate in increasing embedding bound, stopping when it exceeds the k-th best distance
            for (int r = 0; r < m; r++) {
                int i = q0 + r;
                KnnHeap h = best[r];
                long[] cs = cand[r];
                Arrays.sort(cs, 0, candCount[r]);
                for (int c = 0; c < candCount[r]; c++) {
                    double lb = ctx.unscale(Float.intBitsToFloat((int) (cs[c] >>> 32)));
                    int j = (int) cs[c];
                    double bound = h.bound();
                    if (lb > bound + ctx.maxTolerance(bound, i)) {
                        break;
                    }
                    if (lb <= bound + ctx.tolerance(bound, i, j)) {
                        h.offer(ctx.distance(i, j), j);
                    }
                }
                h.drainSorted(outDist, outIdx, i * k);
            }
        }

        /** Packs (lower bound rounded down to float, index) so that sorting the longs sorts by bound. */
        private void addCandidate(int r, double lower, int j) {
            float f = (float) Math.max(0, lower);
            if (f > lower && f > 0) {
                f = Math.nextDown(f);
            }
            if (candCount[r] == cand[r].length) {
                cand[r] = Arrays.copyOf(cand[r], 2 * cand[r].length);
            }
            cand[r][candCount[r]++] = ((long) Float.floatToIntBits(f) << 32) | j;
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
        long[] hist = new long[buckets.size() + 1];
        long allPairs = (long) n * (n - 1);
        if (buckets.size() == 0 || n < 2) {
            return buckets.counts(hist, allPairs);
        }
        double[][] emb = embed(x);
        BoundedGram gram = emb == null ? null : BoundedGram.create(emb[0], n, (int) emb[1][0], null);
        if (gram == null) {
            return new BruteForceSearch(metric, progress).countPairsWithin(x, radii);
        }
        double[] norm = norms(x);
        Context ctx = new Context(x, x, gram, norm, null, emb[0]);
        double rMax = buckets.max();
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
                    ws.load(emb[0], q0, m);
                    for (int b = 0; b < gram.blockCount(); b++) {
                        float[] g = ws.multiply(b);
                        int nb = gram.blockSize(b);
                        int j0 = gram.blockStart(b);
                        for (int r = 0; r < m; r++) {
                            int i = q0 + r;
                            double nq = ws.queryNorm2(r);
                            double lim = ctx.scaledSquare(rMax + ctx.maxTolerance(rMax, i));
                            float thr = BoundedGram.floatAtLeast(lim + gram.maxError(nq, b));
                            int base = r * nb;
                            int end = base + nb;
                            for (int c = BoundedGram.firstAtMost(g, base, end, thr); c < end;
                                    c = BoundedGram.firstAtMost(g, c + 1, end, thr)) {
                                int j = j0 + c - base;
                                if (j != i) {
                                    double lb = ctx.unscale(g[c] - gram.error(nq, j));
                                    if (lb <= rMax + ctx.tolerance(rMax, i, j)) {
                                        local[buckets.bucket(ctx.distance(i, j))]++;
                                    }
                                }
                            }
                        }
                    }
                } finally {
                    pool.add(ws);
                    partials.add(local);
                }
            }, progress, "pair counts (" + metric.name() + ", pruned)", n, b -> Math.min(QUERY_BLOCK, n - b * QUERY_BLOCK));
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
