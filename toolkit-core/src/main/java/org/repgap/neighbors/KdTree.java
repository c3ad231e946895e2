package org.repgap.neighbors;

import java.util.Arrays;

/**
 * A k-d tree over the rows of a point set (Bentley 1975, doi:10.1145/361002.361007; Friedman,
 * Bentley and Finkel 1977, doi:10.1145/355744.355745): each inner node splits its points at the
 * median of the coordinate of widest spread, and every node keeps the tight bounding box of its
 * points. Points are copied in tree order for locality. Immutable after construction and safe to
 * query from many threads.
 *
 * <p>Pruning is conservative: a node is skipped only when its box distance exceeds the current bound
 * by a relative margin of {@code 2e-9} in squared distance, far above the rounding of the
 * direct-difference distances, so that the result is exactly that of brute force. Distances of
 * visited points are computed with {@link EuclideanMetric#directDistance} on the same values, hence
 * bit-identical to the brute-force ones.
 */
final class KdTree {
    /** Points per leaf. */
    static final int LEAF_SIZE = 16;
    /** Relative margin on squared distances for pruning decisions. */
    private static final double MARGIN = 2e-9;

    private final int n;
    private final int dim;
    private final double[] points;
    private final int[] index;
    private final int[] position;
    private int nodes;
    private int[] start;
    private int[] end;
    private int[] left;
    private int[] right;
    private double[] lo;
    private double[] hi;

    private KdTree(double[] values, int n, int dim) {
        this.n = n;
        this.dim = dim;
        this.index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        int capacity = Math.max(4, 4 * (n / LEAF_SIZE + 1));
        start = new int[capacity];
        end = new int[capacity];
        left = new int[capacity];
        right = new int[capacity];
        lo = new double[capacity * dim];
        hi = new double[capacity * dim];
        if (n > 0) {
            buildNode(values, 0, n);
        }
        this.points = new double[n * dim];
        this.position = new int[n];
        for (int p = 0; p < n; p++) {
            System.arraycopy(values, index[p] * dim, points, p * dim, dim);
            position[index[p]] = p;
        }
    }

    /** The number of points in the tree. */
    int size() {
        return n;
    }

    /** Builds the tree over {@code n} rows of {@code values} (row-major, {@code dim} columns). */
    static KdTree build(double[] values, int n, int dim) {
        return new KdTree(values, n, dim);
    }

    private int buildNode(double[] values, int from, int to) {
        int node = newNode(from, to);
        int widest = -1;
        double spread = 0;
        int box = node * dim;
        Arrays.fill(lo, box, box + dim, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, box, box + dim, Double.NEGATIVE_INFINITY);
        for (int p = from; p < to; p++) {
            int off = index[p] * dim;
            for (int c = 0; c < dim; c++) {
                double v = values[off + c];
                lo[box + c] = Math.min(lo[box + c], v);
                hi[box + c] = Math.max(hi[box + c], v);
            }
        }
        for (int c = 0; c < dim; c++) {
            double w = hi[box + c] - lo[box + c];
            if (w > spread) {
                spread = w;
                widest = c;
            }
        }
        if (to - from <= LEAF_SIZE || widest < 0) {
            left[node] = -1;
            right[node] = -1;
            return node;
        }
        int mid = (from + to) >>> 1;
        select(values, widest, from, to, mid);
        int l = buildNode(values, from, mid);
        int r = buildNode(values, mid, to);
        left[node] = l;
        right[node] = r;
        return node;
    }

    private int newNode(int from, int to) {
        if (nodes == start.length) {
            int cap = 2 * nodes;
            start = Arrays.copyOf(start, cap);
            end = Arrays.copyOf(end, cap);
            left = Arrays.copyOf(left, cap);
            right = Arrays.copyOf(right, cap);
            lo = Arrays.copyOf(lo, cap * dim);
            hi = Arrays.copyOf(hi, cap * dim);
        }
        start[nodes] = from;
        end[nodes] = to;
        return nodes++;
    }

    /** Rearranges {@code index[from..to)} so that position {@code kth} holds its order statistic in coordinate {@code c}. */
    private void select(double[] values, int c, int from, int to, int kth) {
        int a = from;
        int b = to - 1;
        while (a < b) {
            double pivot = values[index[(a + b) >>> 1] * dim + c];
            // three-way partition: [a, lt) < pivot, [lt, gt] == pivot, (gt, b] > pivot
            int lt = a;
            int gt = b;
            int p = a;
            while (p <= gt) {
                double v = values[index[p] * dim + c];
                if (v < pivot) {
                    swap(lt++, p++);
                } else if (v > pivot) {
                    swap(p, gt--);
                } else {
                    p++;
                }
            }
            if (kth < lt) {
                b = lt - 1;
            } else if (kth > gt) {
                a = gt + 1;
            } else {
                return;
            }
        }
    }

    private void swap(int i, int j) {
        int t = index[i];
        index[i] = index[j];
        index[j] = t;
    }

    private double minDist2(int node, double[] q, int qoff) {
        double s = 0;
        int box = node * dim;
        for (int c = 0; c < dim; c++) {
            double v = q[qoff + c];
            double l = lo[box + c];
            double h = hi[box + c];
            double t = v < l ? l - v : (v > h ? v - h : 0);
            s += t * t;
        }
        return s;
    }

    private double maxDist2(int node, double[] q, int qoff) {
        double s = 0;
        int box = node * dim;
        for (int c = 0; c < dim; c++) {
            double v = q[qoff + c];
            double t = Math.max(v - lo[box + c], hi[box + c] - v);
            s += t * t;
        }
        return s;
    }

    /**
     * Offers to {@code heap} the points nearest to {@code q[qoff .. qoff+dim)}, except row
     * {@code exclude} ({@code -1} for none); afterwards the heap holds exactly the {@code k} best
     * (distance, index) pairs over all rows.
     *
     * @return the number of points in the leaves visited (whose distances were evaluated): the work done,
     *         about {@code n} when the tree does not prune
     */
    int knn(double[] q, int qoff, int exclude, KnnHeap heap) {
        return n > 0 ? knn(0, q, qoff, exclude, heap) : 0;
    }

    private int knn(int node, double[] q, int qoff, int exclude, KnnHeap heap) {
        if (left[node] < 0) {
            double bound = heap.bound();
            double limit = bound * bound * (1 + 1e-9);
            for (int p = start[node]; p < end[node]; p++) {
                int j = index[p];
                if (j == exclude) {
                    continue;
                }
                double s = EuclideanMetric.directSquaredSum(q, qoff, points, p * dim, dim, limit);
                if (s <= limit) {
                    heap.offer(Math.sqrt(s), j);
                    bound = heap.bound();
                    limit = bound * bound * (1 + 1e-9);
                }
            }
            return end[node] - start[node];
        }
        int a = left[node];
        int b = right[node];
        double da = minDist2(a, q, qoff);
        double db = minDist2(b, q, qoff);
        if (db < da) {
            int t = a;
            a = b;
            b = t;
            double td = da;
            da = db;
            db = td;
        }
        int visited = 0;
        if (mayContain(da, heap)) {
            visited += knn(a, q, qoff, exclude, heap);
            if (mayContain(db, heap)) {
                visited += knn(b, q, qoff, exclude, heap);
            }
        }
        return visited;
    }

    private static boolean mayContain(double minDist2, KnnHeap heap) {
        double bound = heap.bound();
        return !(minDist2 * (1 - MARGIN) > bound * bound);
    }

    /**
     * Adds to {@code histogram[p]} one for every row {@code j != exclude} whose distance {@code d} from
     * {@code q} has {@code #{r in sortedRadii : r <= d} = p}, for {@code p < sortedRadii.length};
     * rows at or beyond the largest radius are not tallied. Whole nodes are tallied at once when
     * their distance range lies strictly between two radii.
     */
    void countWithin(double[] q, int qoff, int exclude, RadiusBuckets radii, double[] lowEdge2, double[] highEdge2,
            long[] histogram) {
        if (n > 0 && radii.size() > 0) {
            countWithin(0, q, qoff, exclude, radii, lowEdge2, highEdge2, histogram);
        }
    }

    private void countWithin(int node, double[] q, int qoff, int exclude, RadiusBuckets radii, double[] lowEdge2,
            double[] highEdge2, long[] histogram) {
        double min2 = minDist2(node, q, qoff);
        int pMin = RadiusBuckets.countAtMost(highEdge2, min2);
        if (pMin == radii.size()) {
            return;
        }
        int pMax = RadiusBuckets.countAtMost(lowEdge2, maxDist2(node, q, qoff));
        if (pMin == pMax) {
            int count = end[node] - start[node];
            if (exclude >= 0 && position[exclude] >= start[node] && position[exclude] < end[node]) {
                count--;
            }
            histogram[pMin] += count;
            return;
        }
        if (left[node] < 0) {
            for (int p = start[node]; p < end[node]; p++) {
                int j = index[p];
                if (j != exclude) {
                    histogram[radii.bucket(EuclideanMetric.directDistance(q, qoff, points, p * dim, dim))]++;
                }
            }
            return;
        }
        countWithin(left[node], q, qoff, exclude, radii, lowEdge2, highEdge2, histogram);
        countWithin(right[node], q, qoff, exclude, radii, lowEdge2, highEdge2, histogram);
    }

    /** Squared-radius edges for {@link #countWithin}: {@code r^2 (1 - margin)} ({@code high = false}) or {@code r^2 (1 + margin)}. */
    static double[] edges2(double[] sortedRadii, boolean high) {
        double[] e = new double[sortedRadii.length];
        for (int p = 0; p < e.length; p++) {
            e[p] = sortedRadii[p] * sortedRadii[p] * (high ? 1 + MARGIN : 1 - MARGIN);
        }
        return e;
    }
}
