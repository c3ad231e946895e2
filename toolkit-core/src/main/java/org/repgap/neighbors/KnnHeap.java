package org.repgap.neighbors;

/**
 * A bounded max-heap of the {@code k} best (distance, index) pairs seen so far, ordered by
 * distance then index, so that the kept set and its sorted order are deterministic under ties.
 * Not thread-safe: one per worker thread, reused with {@link #reset()}.
 */
public final class KnnHeap {
    private final int k;
    private final double[] dist;
    private final int[] idx;
    private int size;

    public KnnHeap(int k) {
        this.k = k;
        this.dist = new double[k];
        this.idx = new int[k];
    }

    public void reset() {
        size = 0;
    }

    public int size() {
        return size;
    }

    /** The current k-th best distance, or +infinity while fewer than k are held. */
    public double bound() {
        return size < k ? Double.POSITIVE_INFINITY : dist[0];
    }

    private static boolean worse(double d1, int i1, double d2, int i2) {
        return d1 > d2 || (d1 == d2 && i1 > i2);
    }

    /** Offers a candidate; keeps it if it is among the k best so far. */
    public void offer(double d, int i) {
        if (size < k) {
            int c = size++;
            while (c > 0) {
                int p = (c - 1) >>> 1;
                if (!worse(d, i, dist[p], idx[p])) {
                    break;
                }
                dist[c] = dist[p];
                idx[c] = idx[p];
                c = p;
            }
            dist[c] = d;
            idx[c] = i;
        } else if (worse(dist[0], idx[0], d, i)) {
            siftDown(d, i, size);
        }
    }

    private void siftDown(double d, int i, int n) {
        int c = 0;
        while (true) {
            int l = 2 * c + 1;
            if (l >= n) {
                break;
            }
            int r = l + 1;
            int m = (r < n && worse(dist[r], idx[r], dist[l], idx[l])) ? r : l;
            if (!worse(dist[m], idx[m], d, i)) {
                break;
            }
            dist[c] = dist[m];
            idx[c] = idx[m];
            c = m;
        }
        dist[c] = d;
        idx[c] = i;
    }

    /** Writes the held pairs in increasing (distance, index) order into the output rows and empties the heap. */
    public void drainSorted(double[] outDist, int[] outIdx, int offset) {
        int n = size;
        for (int pos = n - 1; pos >= 0; pos--) {
            outDist[offset + pos] = dist[0];
            outIdx[offset + pos] = idx[0];
            double ld = dist[pos];
            int li = idx[pos];
            siftDown(ld, li, pos);
        }
        size = 0;
    }
}
