package org.repgap.id;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.repgap.InvalidInputException;
import org.repgap.data.Magnitudes;
import org.repgap.data.PointCloud;
import org.repgap.neighbors.Metric;
import org.repgap.neighbors.NeighborGraph;
import org.repgap.neighbors.NeighborSearch;
import org.repgap.progress.Progress;

/**
 * One data set prepared for intrinsic-dimension estimation: the points after the duplicate
 * policy, the neighbour search (and so the metric), and one k-NN graph shared by every estimator.
 *
 * <p>The graph is computed once, for the largest number of neighbours asked for so far, and
 * truncated for smaller requests; call {@link #prefetch(int)} with the largest {@code k} of a
 * batch of estimators to search only once. Thread-safe.
 */
public final class IdContext {
    private final PointCloud input;
    private final PointCloud points;
    private final int duplicates;
    private final DuplicatePolicy policy;
    private final NeighborSearch search;
    private final Progress progress;
    private final double scale;
    private NeighborGraph graph; // guarded by this
    private final Map<String, Object> shared = new java.util.concurrent.ConcurrentHashMap<>();

    private IdContext(PointCloud input, PointCloud points, double scale, int duplicates, DuplicatePolicy policy,
                      NeighborSearch search, Progress progress) {
        this.input = input;
        this.points = points;
        this.scale = scale;
        this.duplicates = duplicates;
        this.policy = policy;
        this.search = search;
        this.progress = progress;
    }

    /**
     * The neighbour search estimators use for a metric on points of dimension {@code dim} unless told
     * otherwise: {@link NeighborSearch#auto(Metric, int)} (k-d tree, blocked OpenBLAS search or
     * embedding-pruned search; all exact, with the brute-force order).
     */
    public static NeighborSearch defaultSearch(Metric metric, int dim) {
        return NeighborSearch.auto(metric, dim);
    }

    /** Euclidean distances, duplicates removed, no progress reports. */
    public static IdContext of(PointCloud x) {
        return of(x, Metric.euclidean());
    }

    /** The given metric with its {@linkplain #defaultSearch default search}, duplicates removed, no progress reports. */
    public static IdContext of(PointCloud x, Metric metric) {
        return of(x, defaultSearch(metric, x.dim()), DuplicatePolicy.DEDUPLICATE, Progress.NONE);
    }

    /**
     * @param x        the data (at least 3 points)
     * @param search   the neighbour search, which fixes the metric
     * @param policy   what to do with exact duplicate rows
     * @param progress receives progress of the neighbour search ({@link NeighborSearch#withProgress}: query points
     *                 done, as blocks of queries finish)
     * @throws InvalidInputException with {@link DuplicatePolicy#ERROR} if {@code x} has duplicate rows,
     *                               or if fewer than 3 distinct points remain
     */
    public static IdContext of(PointCloud x, NeighborSearch search, DuplicatePolicy policy, Progress progress) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(progress, "progress");
        int[] first = firstOccurrences(x);
        int distinct = 0;
        for (int i = 0; i < first.length; i++) {
            if (first[i] == i) {
                distinct++;
            }
        }
        int dups = x.n() - distinct;
        PointCloud pts = x;
        if (dups > 0 && policy == DuplicatePolicy.ERROR) {
            for (int i = 0; i < first.length; i++) {
                if (first[i] != i) {
                    throw InvalidInputException.of("%s: row %d duplicates row %d (%d duplicate rows in all); "
                            + "use the duplicate policy 'deduplicate' or 'keep'", x.source(), i + 1, first[i] + 1, dups);
                }
            }
        }
        if (dups > 0 && policy == DuplicatePolicy.DEDUPLICATE) {
            int[] keep = new int[distinct];
            int c = 0;
            for (int i = 0; i < first.length; i++) {
                if (first[i] == i) {
                    keep[c++] = i;
                }
            }
            pts = x.select(keep);
        }
        if (pts.n() < 3) {
            throw InvalidInputException.of("%s: %d distinct points are too few to estimate an intrinsic dimension (need at least 3)",
                    x.source(), pts.n());
        }
        double factor = Magnitudes.unitScale(pts);
        return new IdContext(x, Magnitudes.scaled(pts, factor), factor, dups, policy, search, progress);
    }

    /**
     * The power of two by which the input was multiplied to give {@link #points()}: 1 unless its magnitudes were
     * extreme ({@link Magnitudes#unitScale}: beyond 2^&plusmn;400, where squared
     * distances overflowed at 1e160 and underflowed at 1e-200); every estimator is scale-invariant, and this is exact.
     * Distances reported to the user ({@link IdResult#scaleDistance()}, CorrInt's radii) are divided by it; an
     * estimator with a threshold in the input's units (TLE's {@code epsilon}) multiplies it by this.
     */
    public double scale() {
        return scale;
    }

    /**
     * For each row, the index of the first row equal to it in every coordinate ({@code 0.0 == -0.0}).
     * Rows are hashed, so this is linear in the size of the data.
     */
    static int[] firstOccurrences(PointCloud x) {
        int n = x.n();
        int dim = x.dim();
        double[] v = x.values();
        int[] first = new int[n];
        Map<Integer, int[]> byHash = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int h = 1;
            for (int c = 0; c < dim; c++) {
                double t = v[i * dim + c];
                h = 31 * h + Double.hashCode(t == 0.0 ? 0.0 : t);
            }
            first[i] = i;
            int[] bucket = byHash.get(h);
            if (bucket != null) {
                for (int j : bucket) {
                    if (sameRow(v, i * dim, j * dim, dim)) {
                        first[i] = j;
                        break;
                    }
                }
            }
            if (first[i] == i) {
                int[] nb = bucket == null ? new int[1] : Arrays.copyOf(bucket, bucket.length + 1);
                nb[nb.length - 1] = i;
                byHash.put(h, nb);
            }
        }
        return first;
    }

    private static boolean sameRow(double[] v, int a, int b, int dim) {
        for (int c = 0; c < dim; c++) {
            if (v[a + c] != v[b + c]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A context on the given rows of {@link #points()} (distinct rows, no duplicates introduced),
     * with the same search and no progress reports: used by bootstraps that resample points.
     */
    public IdContext subset(int[] rows) {
        PointCloud sub = points.select(rows);
        return new IdContext(sub, sub, scale, 0, DuplicatePolicy.KEEP, search, Progress.NONE);
    }

    /** The data as given. */
    public PointCloud input() {
        return input;
    }

    /** The points the estimators use: the input after the duplicate policy. */
    public PointCloud points() {
        return points;
    }

    /** Number of points the estimators use. */
    public int n() {
        return points.n();
    }

    /** Ambient dimension. */
    public int dim() {
        return points.dim();
    }

    /** Number of input rows equal to an earlier row (removed under {@link DuplicatePolicy#DEDUPLICATE}). */
    public int duplicates() {
        return duplicates;
    }

    /** The duplicate policy applied. */
    public DuplicatePolicy duplicatePolicy() {
        return policy;
    }

    /** The neighbour search. */
    public NeighborSearch search() {
        return search;
    }

    /** The metric of the search. */
    public Metric metric() {
        return search.metric();
    }

    /** Where progress goes. */
    public Progress progress() {
        return progress;
    }

    /** Computes the shared graph for {@code k} neighbours now (no-op if a graph at least that large exists). */
    public void prefetch(int k) {
        graph(k);
    }

    /**
     * The {@code k} nearest neighbours of every point (self excluded by index), from the shared graph.
     *
     * @throws InvalidInputException if {@code k} is not between 1 and {@code n - 1}
     */
    public synchronized NeighborGraph graph(int k) {
        NeighborSearch.checkK(k, points.n(), points.source());
        if (graph == null || graph.k() < k) {
            // the search reports query points done as its blocks finish (issue 12, defect 9: a 41 s search on
            // 200,000 points used to report only its end)
            NeighborGraph g = search.withProgress(progress).allKnn(points, k);
            if (metric().isEuclidean()) {
                checkResolution(g);
            }
            graph = g;
        }
        return graph.k() == k ? graph : graph.truncate(k);
    }

    /**
     * Largest ratio of the coordinates' resolution to the median nearest-neighbour distance accepted: 1e-3. At the
     * reference helix plus an offset of 1e11 (ratio 4e-4) every default estimate moved by at most 1e-4; at 1e12
     * (ratio 3e-3) TwoNN moved by 1%, at 1e13 by 8% and at 1e15 it tripled, with exit 0 (issue 12, defect 4).
     */
    static final double MAX_RESOLUTION_RATIO = 1e-3;

    /**
     * Refuses data whose coordinates are too coarse, relative to the distances between neighbours, for those
     * distances to mean anything: a double near the largest magnitude {@code M} is resolved only to {@code ulp(M)},
     * so each distance carries a rounding of up to {@code sqrt(D) ulp(M)}. Data far from the origin (a large offset)
     * lose their digits this way when they are stored, before any estimator sees them; the remedy is to centre them
     * where they are produced. Zero distances (kept duplicates) are left out of the median.
     */
    private void checkResolution(NeighborGraph g) {
        double[] r1 = new double[g.n()];
        int c = 0;
        for (int i = 0; i < g.n(); i++) {
            double r = g.distance(i, 0);
            if (r > 0) {
                r1[c++] = r;
            }
        }
        if (c == 0) {
            return;
        }
        Arrays.sort(r1, 0, c);
        double median = r1[c / 2];
        double largest = Magnitudes.largest(points);
        double resolution = Math.sqrt(points.dim()) * Math.ulp(largest);
        if (resolution > MAX_RESOLUTION_RATIO * median) {
            throw InvalidInputException.of("%s: coordinates as large as %.6g are resolved only to %.3g in double precision, "
                    + "%.2g of the median nearest-neighbour distance %.3g (at most %.0e is accepted): the distances, and so "
                    + "any dimension, would measure rounding; centre the data (subtract their mean) where they are produced",
                    input.source(), largest / scale, resolution / scale, resolution / median, median / scale, MAX_RESOLUTION_RATIO);
        }
    }

    /**
     * A value computed once per context and shared by estimators (e.g. the covariance eigenvalues that
     * every PCA rule reads). {@code compute} must be a pure function of the points.
     */
    @SuppressWarnings("unchecked")
    public <T> T shared(String key, java.util.function.Supplier<T> compute) {
        return (T) shared.computeIfAbsent(key, k -> compute.get());
    }

    /**
     * The points whose distance to their {@code rank}-th neighbour ({@code rank} from 1) is positive,
     * i.e. whose ranks {@code 1..rank} all lie at positive distance: the points a ratio-of-distances
     * estimator can use.
     */
    public static int[] pointsWithPositiveDistance(NeighborGraph g, int rank) {
        int n = g.n();
        int[] tmp = new int[n];
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (g.distance(i, rank - 1) > 0) {
                tmp[c++] = i;
            }
        }
        return Arrays.copyOf(tmp, c);
    }
}
