package org.repgap.neighbors;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;
import org.repgap.blas.OpenBlas;

/**
 * Rigorous lower and upper bounds on the squared Euclidean distances between query rows and data
 * rows, from one single-precision matrix product per block: the fast, inexact half of the
 * blocked searches. Exact distances are then computed by direct differences for the few pairs
 * that the bounds cannot decide.
 *
 * <p>All points are first centred on the data mean {@code mu} and scaled by a power of two
 * {@code s} (exact in binary) so that every coordinate is below 1 in magnitude. With
 * {@code x' = s (x - mu)}, {@code y' = s (y - mu)} and {@code ^} denoting rounding to float, the product
 * of the augmented rows {@code [x'^, 1, (|x'|^2)^]} and {@code [-2 y'^, (|y'|^2)^, 1]} gives
 * {@code a ~ |x'|^2 + |y'|^2 - 2 x'.y' = |x' - y'|^2 = s^2 |x - y|^2} directly, symmetric in the two rows.
 * Centring removes the cancellation that an offset (data far from the origin) would cause.
 *
 * <p>Error bound. For any summation order, a float dot product of {@code m} terms has
 * {@code |fl(sum) - sum| <= gamma_m sum |terms|}, {@code gamma_m = m u / (1 - m u)}, {@code u = 2^-24}
 * (Higham, <i>Accuracy and Stability of Numerical Algorithms</i>, 2nd ed., 2002, section 3.1,
 * doi:10.1137/1.9780898718027). With {@code sum |terms| <= 2 (|x'|^2 + |y'|^2)} and the rounding of the
 * inputs to float this gives {@code |a - |x'-y'|^2| <= (2 D + 8) u (|x'|^2 + |y'|^2)} for {@code D} coordinates.
 * We use twice that, {@code e = 4 (D + 6) u (|x'|^2 + |y'|^2) + (D + 2) 2^-140} (the last term
 * covers float underflow), so {@code a - e <= |x'-y'|^2 <= a + e}. Because {@code e} is at least
 * {@code 10^-6} times the squared distance, the bounds also contain the double-precision value
 * that the direct-difference formula computes (relative error below {@code 10^-12}).
 *
 * <p>Reduced coordinates. When the data lie (up to a small residual) in a {@code p}-dimensional subspace
 * ({@link SubspaceBasis}, orthonormal {@code V}), the product can run on {@code w = V^T x'} instead of
 * {@code x'}: {@code p + 2} instead of {@code D + 2} multiply-adds per pair. Then {@code e} uses the full
 * squared norms {@code |x'|^2 + |y'|^2} (which bound the projected ones), with {@code D} replaced by
 * {@code p} in the float term plus {@code 16 sqrt(p) (D + 2) 2^-53} for the double-precision projection
 * and {@code 4 eps} for the departure {@code eps} of {@code V} from orthonormality; {@code a - e} still
 * bounds {@code |x' - y'|^2} from below (a projection contracts), and the upper bound becomes
 * {@code (sqrt(a + e) + rho_x + rho_y)^2} ({@link #upper}) with {@code rho} bounding each row's residual
 * norm {@code |x' - V w|}.
 *
 * <p>Not thread-safe as a whole: each thread uses its own {@link Workspace}; the shared data
 * blocks are only read. Native memory is released by {@link #close()}.
 */
final class BoundedGram implements AutoCloseable {
    /** Default rows per data block (columns of one product). */
    static final int DATA_BLOCK = 2048;
    /** Largest centred magnitude accepted; beyond it squared distances could overflow and callers fall back. */
    private static final double MAX_MAGNITUDE = 1e150;

    private final int dim;
    /** Coordinates per row in the product: {@code dim}, or the size of the subspace basis. */
    private final int coords;
    private final int width;
    private final double[] center;
    private final double scale;
    /** The subspace basis ({@code dim x coords}, row-major), or {@code null} for the full coordinates. */
    private final double[] basis;
    private final double relErr;
    /** {@code c} of {@link #finishReduced}: the residual bound's allowance for rounding. */
    private final double residualSlack;
    private final double absErr;
    private final int n;
    private final int blockRows;
    private final double[] norm2;
    /** Upper bounds on the scaled residual norms {@code |s r_j|} of the data rows ({@code null} without a basis). */
    private final double[] residual;
    private final double[] blockMaxNorm2;
    private final FloatPointer[] blockMemory;
    private final FloatBuffer[] blocks;
    /**
     * The data array the blocks were made from and, with a subspace basis, its rows in query form
     * {@code [w, 1, |w|^2]} (see {@link Workspace#load}; {@code n (p + 2)} floats, small since {@code p} is).
     */
    private double[] source;
    private float[] queryForm;

    private BoundedGram(int dim, double[] center, double scale, double[] basis, int n, int blockRows) {
        this.dim = dim;
        this.coords = basis == null ? dim : basis.length / dim;
        this.width = coords + 2;
        this.center = center;
        this.scale = scale;
        this.basis = basis;
        double eps = basis == null ? 0 : SubspaceBasis.orthonormalityError(basis, dim, coords);
        double projectionErr = basis == null ? 0 : 16 * Math.sqrt(coords) * (dim + 2) * 0x1p-53 + 4 * eps;
        this.relErr = 4.0 * (coords + 6) * 0x1p-24 + projectionErr;
        this.residualSlack = basis == null ? 0
                : 2 * ((2.02 * Math.sqrt(coords) + 1) * (dim + 2) * 0x1p-53 + (coords + 2) * 0x1p-53 + 1.02 * eps);
        this.absErr = (coords + 2) * 0x1p-140;
        this.n = n;
        this.blockRows = blockRows;
        this.norm2 = new double[n];
        this.residual = basis == null ? null : new double[n];
        int nb = (n + blockRows - 1) / blockRows;
        this.blockMaxNorm2 = new double[nb];
        this.blockMemory = new FloatPointer[nb];
        this.blocks = new FloatBuffer[nb];
    }

    /**
     * Prepares the data rows of {@code data} ({@code n x dim}, row-major). {@code queries} (may be
     * {@code null} when the queries are the data) only widens the scale.
     *
     * @return the prepared data, or {@code null} when values are too large for safe float bounds
     *         (centred magnitude above 1e150), in which case callers use an exact search
     */
    static BoundedGram create(double[] data, int n, int dim, double[] queries) {
        return create(data, n, dim, queries, DATA_BLOCK);
    }

    /** As {@link #create(double[], int, int, double[])} with {@code blockRows} data rows per block and no reduction. */
    static BoundedGram create(double[] data, int n, int dim, double[] queries, int blockRows) {
        return create(data, n, dim, queries, blockRows, false);
    }

    /**
     * As {@link #create(double[], int, int, double[])} with {@code blockRows} data rows per block; with
     * {@code reduce}, the product runs on the coordinates in a {@link SubspaceBasis} when the data has one
     * and the residuals of all rows hold at most {@value #MAX_RESIDUAL_ENERGY} of their energy (otherwise,
     * and without {@code reduce}, on all coordinates). The bounds are rigorous either way.
     */
    static BoundedGram create(double[] data, int n, int dim, double[] queries, int blockRows, boolean reduce) {
        double[] mu = new double[dim];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < dim; c++) {
                mu[c] += data[i * dim + c];
            }
        }
        for (int c = 0; c < dim; c++) {
            mu[c] = n == 0 ? 0 : mu[c] / n;
        }
        double max = Math.max(maxCentred(data, mu), queries == null ? 0 : maxCentred(queries, mu));
        if (!(max <= MAX_MAGNITUDE)) {
            return null;
        }
        double scale = max == 0 ? 1.0 : Math.scalb(1.0, -(Math.getExponent(max) + 1));
        double[] basis = reduce ? SubspaceBasis.find(data, n, dim, mu) : null;
        if (basis != null) {
            BoundedGram g = filled(data, dim, mu, scale, basis, n, blockRows);
            if (g.residualsSmall() && (queries == null || g.queriesResidualsSmall(queries))) {
                return g;
            }
            g.close();
        }
        return filled(data, dim, mu, scale, null, n, blockRows);
    }

    /** A new instance with its blocks filled from {@code data}; native memory released if filling fails. */
    private static BoundedGram filled(double[] data, int dim, double[] mu, double scale, double[] basis, int n, int blockRows) {
        BoundedGram g = new BoundedGram(dim, mu, scale, basis, n, blockRows);
        try {
            g.fillBlocks(data);
        } catch (RuntimeException | Error e) {
            g.close();
            throw e;
        }
        return g;
    }

    /** Above this fraction of the data's energy in the residuals, the reduction is not worth its looser bounds. */
    static final double MAX_RESIDUAL_ENERGY = 1e-6;

    private boolean residualsSmall() {
        double res = 0;
        double all = 0;
        for (int j = 0; j < n; j++) {
            res += residual[j] * residual[j];
            all += norm2[j];
        }
        return res <= MAX_RESIDUAL_ENERGY * all;
    }

    /**
     * The same test for query rows (row-major, {@code dim} columns): queries far from the data's subspace
     * would widen every upper bound by their residual and let many more pairs through.
     */
    private boolean queriesResidualsSmall(double[] queries) {
        double[] z = new double[dim];
        double[] row = new double[coords + 2];
        double res = 0;
        double all = 0;
        for (int i = 0; i < queries.length / dim; i++) {
            all += prepare(queries, i, z, row);
            res += row[coords + 1] * row[coords + 1];
        }
        return res <= MAX_RESIDUAL_ENERGY * all;
    }

    private static double maxCentred(double[] v, double[] mu) {
        int dim = mu.length;
        double max = 0;
        for (int off = 0; off < v.length; off += dim) {
            for (int c = 0; c < dim; c++) {
                max = Math.max(max, Math.abs(v[off + c] - mu[c])); // NaN propagates: the caller then falls back
            }
        }
        return max;
    }

    private void fillBlocks(double[] data) {
        source = data;
        queryForm = basis == null ? null : new float[Math.multiplyExact(n, width)];
        java.util.stream.IntStream.range(0, blocks.length).parallel().forEach(b -> fillBlock(data, b));
    }

    private void fillBlock(double[] data, int b) {
        int j0 = blockStart(b);
        int m = blockSize(b);
        // prepared rows of the block: coordinates, squared norm, residual bound (as prepare writes them)
        double[] rows = new double[m * (coords + 2)];
        double[] full = new double[m];
        if (basis == null) {
            double[] z = new double[dim];
            double[] row = new double[coords + 2];
            for (int r = 0; r < m; r++) {
                full[r] = prepare(data, j0 + r, z, row);
                System.arraycopy(row, 0, rows, r * (coords + 2), coords + 2);
            }
        } else {
            // w = V^T z for the whole block in one double-precision product (native code: no warm-up)
            double[] zb = new double[m * dim];
            for (int r = 0; r < m; r++) {
                full[r] = centre(data, j0 + r, zb, r * dim);
            }
            double[] wb = new double[m * coords];
            OpenBlas.dgemmNn(m, coords, dim, zb, basis, wb);
            for (int r = 0; r < m; r++) {
                finishReduced(wb, r * coords, full[r], rows, r * (coords + 2));
            }
        }
        blockMemory[b] = new FloatPointer((long) m * width);
        FloatBuffer buf = blockMemory[b].asBuffer();
        float[] rowsF = new float[m * width];
        double maxNorm = 0;
        for (int r = 0; r < m; r++) {
            int j = j0 + r;
            int src = r * (coords + 2);
            norm2[j] = full[r];
            if (residual != null) {
                residual[j] = rows[src + coords + 1];
            }
            maxNorm = Math.max(maxNorm, full[r]);
            int base = r * width;
            for (int c = 0; c < coords; c++) {
                rowsF[base + c] = -2f * (float) rows[src + c];
            }
            rowsF[base + coords] = (float) rows[src + coords];
            rowsF[base + coords + 1] = 1f;
            if (queryForm != null) {
                int q = j * width;
                for (int c = 0; c < coords; c++) {
                    queryForm[q + c] = (float) rows[src + c];
                }
                queryForm[q + coords] = 1f;
                queryForm[q + coords + 1] = (float) rows[src + coords];
            }
        }
        buf.put(0, rowsF, 0, rowsF.length);
        blockMaxNorm2[b] = maxNorm;
        blocks[b] = buf;
    }

    /** Writes {@code z = s (v_i - mu)} into {@code out[off .. off+dim)} and returns {@code |z|^2}. */
    private double centre(double[] v, int i, double[] out, int off) {
        double full = 0;
        int src = i * dim;
        for (int c = 0; c < dim; c++) {
            double t = (v[src + c] - center[c]) * scale;
            out[off + c] = t;
            full += t * t;
        }
        return full;
    }

    /**
     * Completes a reduced row: copies {@code w} from {@code w[wOff .. wOff+coords)} to {@code out[off ..)},
     * then its squared norm and the residual bound {@code rho} with
     * {@code rho^2 = max(0, |z|^2 - |w|^2) + c |z|^2}. Why this bounds {@code |z - V w|}: with
     * {@code w = V^T z + delta} (rounding, {@code |delta| <= sqrt(p) gamma_D |z|}) and
     * {@code V^T V = I + E} ({@code |E| <= eps}),
     * {@code |z - V w|^2 = |z|^2 - |w|^2 + 2 delta.w + w^T E w <= |z|^2 - |w|^2 + (2.02 sqrt(p) gamma_D + 1.02 eps) |z|^2};
     * {@code c} covers that plus the rounding of the two computed squared norms
     * ({@code gamma_D |z|^2 + gamma_p |w|^2}) with a factor two to spare. So {@code rho} is at least
     * {@code sqrt(c) |z|}, about {@code 1e-7 |z|}: far below the float error {@code e} of the product.
     */
    private void finishReduced(double[] w, int wOff, double full, double[] out, int off) {
        int p = coords;
        double proj = 0;
        for (int q = 0; q < p; q++) {
            double t = w[wOff + q];
            out[off + q] = t;
            proj += t * t;
        }
        out[off + p] = proj;
        out[off + p + 1] = Math.sqrt(Math.max(0, full - proj) + residualSlack * full);
    }

    /**
     * Prepares row {@code i} of {@code v} for the product. Writes {@code z = s (v_i - mu)} into {@code z} and
     * the product coordinates into {@code out[0 .. coords)}: {@code z} itself, or {@code w = V^T z} with a
     * basis; {@code out[coords]} is their squared norm and {@code out[coords + 1]} an upper bound on the
     * residual norm {@code |z - V w|} (0 without a basis; see {@link #finishReduced}).
     *
     * @return the squared norm {@code |z|^2} of all coordinates, which the error bounds use
     */
    private double prepare(double[] v, int i, double[] z, double[] out) {
        double full = centre(v, i, z, 0);
        if (basis == null) {
            System.arraycopy(z, 0, out, 0, dim);
            out[dim] = full;
            out[dim + 1] = 0;
            return full;
        }
        // w = V^T z straight into out (finishReduced then copies it onto itself): no allocation per row
        int p = coords;
        java.util.Arrays.fill(out, 0, p, 0.0);
        for (int c = 0; c < dim; c++) {
            double t = z[c];
            int row = c * p;
            for (int q = 0; q < p; q++) {
                out[q] += basis[row + q] * t;
            }
        }
        finishReduced(out, 0, full, out, 0);
        return full;
    }

    int blockCount() {
        return blocks.length;
    }

    int blockStart(int b) {
        return b * blockRows;
    }

    int blockSize(int b) {
        return Math.min(blockRows, n - b * blockRows);
    }

    double blockMaxNorm2(int b) {
        return blockMaxNorm2[b];
    }

    /** Scaled squared norm {@code |s (x_j - mu)|^2} of data row {@code j}. */
    double norm2(int j) {
        return norm2[j];
    }

    /** The power-of-two scale {@code s}: scaled squared distances are {@code s^2 |x - y|^2}. */
    double scale() {
        return scale;
    }

    /** Half-width of the bound on {@code a} for a query of scaled squared norm {@code nq} and data row {@code j}. */
    double error(double nq, int j) {
        return relErr * (nq + norm2[j]) + absErr;
    }

    /**
     * A threshold on {@code a} for data row {@code j} seen from query rows of scaled squared norm at most
     * {@code maxQueryNorm2}: if {@code a} exceeds it, the lower bound {@code a - e} exceeds {@code bound}.
     */
    double columnThreshold(double bound, double maxQueryNorm2, int j) {
        return bound + relErr * (maxQueryNorm2 + norm2[j]) + absErr;
    }

    /** Bound on the scaled residual norm of data row {@code j} outside the subspace basis (0 without one). */
    double residual(int j) {
        return residual == null ? 0 : residual[j];
    }

    /** The number of coordinates each product runs on: the dimension, or the size of the subspace basis. */
    int productCoordinates() {
        return coords;
    }

    /**
     * Upper bound on the scaled squared distance between a query row with residual bound
     * {@code queryResidual} and data row {@code j}, given the product value {@code a} and its error
     * {@code e = }{@link #error}: {@code a + e} without a subspace basis, otherwise
     * {@code (sqrt(a + e) + rho_q + rho_j)^2} (rounded up), since {@code |z_x - z_y| <= |V (w_x - w_y)|
     * + |r_x| + |r_y|} and {@code e} covers {@code |V u|^2 - |u|^2}.
     */
    double upper(double a, double e, double queryResidual, int j) {
        double rho = queryResidual + residual(j);
        if (rho == 0) {
            return a + e;
        }
        double t = Math.sqrt(Math.max(0, a + e)) + rho;
        return t * t * (1 + 0x1p-50);
    }

    /** The largest {@link #error} over the rows of block {@code b}. */
    double maxError(double nq, int b) {
        return relErr * (nq + blockMaxNorm2[b]) + absErr;
    }

    /** The smallest float not below {@code t} (so comparisons against it stay conservative). */
    static float floatAtLeast(double t) {
        float f = (float) t;
        return f < t ? Math.nextUp(f) : f;
    }

    /**
     * The first index {@code c} in {@code [from, to)} with {@code g[c] <= thr}, or {@code to}. Tests
     * eight entries at a time with a non-short-circuit OR, which compiles to branch-free code: about
     * four times faster than a plain loop (measured 0.7 against 3 ns per entry) when, as here, almost
     * no entry passes.
     */
    static int firstAtMost(float[] g, int from, int to, float thr) {
        int c = from;
        for (; c + 8 <= to; c += 8) {
            if ((g[c] <= thr) | (g[c + 1] <= thr) | (g[c + 2] <= thr) | (g[c + 3] <= thr)
                    | (g[c + 4] <= thr) | (g[c + 5] <= thr) | (g[c + 6] <= thr) | (g[c + 7] <= thr)) {
                break;
            }
        }
        for (; c < to; c++) {
            if (g[c] <= thr) {
                return c;
            }
        }
        return to;
    }

    /**
     * As {@link #firstAtMost(float[], int, int, float)}, for entries that pass either the row threshold
     * or their column's threshold {@code colThr[c - colBase]}.
     */
    static int firstAtMost(float[] g, int from, int to, float thr, float[] colThr, int colBase) {
        int c = from;
        for (; c + 4 <= to; c += 4) {
            int t = c - colBase;
            if ((g[c] <= thr) | (g[c + 1] <= thr) | (g[c + 2] <= thr) | (g[c + 3] <= thr)
                    | (g[c] <= colThr[t]) | (g[c + 1] <= colThr[t + 1]) | (g[c + 2] <= colThr[t + 2]) | (g[c + 3] <= colThr[t + 3])) {
                break;
            }
        }
        for (; c < to; c++) {
            if (g[c] <= thr || g[c] <= colThr[c - colBase]) {
                return c;
            }
        }
        return to;
    }

    /** A workspace for up to {@code maxRows} query rows. */
    Workspace workspace(int maxRows) {
        return new Workspace(maxRows);
    }

    @Override
    public void close() {
        for (int b = 0; b < blockMemory.length; b++) {
            if (blockMemory[b] != null) {
                blockMemory[b].close();
                blockMemory[b] = null;
            }
        }
    }

    /** Per-thread buffers: the prepared query rows and one block of products. */
    final class Workspace implements AutoCloseable {
        private final int maxRows;
        private final FloatPointer queryMemory;
        private final FloatPointer productMemory;
        private final FloatBuffer query;
        private final FloatBuffer product;
        private final float[] productArray;
        private final double[] queryNorm2;
        private final double[] queryResidual;
        private final double[] z = new double[dim];
        private final double[] row = new double[coords + 2];
        private int rows;

        private Workspace(int maxRows) {
            this.maxRows = maxRows;
            this.queryMemory = new FloatPointer((long) maxRows * width);
            this.productMemory = new FloatPointer((long) maxRows * blockRows);
            this.query = queryMemory.asBuffer();
            this.product = productMemory.asBuffer();
            this.productArray = new float[maxRows * blockRows];
            this.queryNorm2 = new double[maxRows];
            this.queryResidual = new double[maxRows];
        }

        /** Loads query rows {@code first .. first+m} of {@code values} (row-major, same dimension as the data). */
        void load(double[] values, int first, int m) {
            if (m > maxRows) {
                throw new IllegalArgumentException(m + " rows exceed the workspace of " + maxRows);
            }
            if (values == source && queryForm != null) {
                // reduced rows of the data: already prepared (each is loaded once per tile, preparing costs D p)
                query.put(0, queryForm, first * width, m * width);
                for (int r = 0; r < m; r++) {
                    queryNorm2[r] = norm2[first + r];
                    queryResidual[r] = residual(first + r);
                }
                rows = m;
                return;
            }
            for (int r = 0; r < m; r++) {
                queryNorm2[r] = prepare(values, first + r, z, row);
                queryResidual[r] = row[coords + 1];
                int base = r * width;
                for (int c = 0; c < coords; c++) {
                    query.put(base + c, (float) row[c]);
                }
                query.put(base + coords, 1f);
                query.put(base + coords + 1, (float) row[coords]);
            }
            rows = m;
        }

        /** Scaled squared norm of loaded query row {@code r}. */
        double queryNorm2(int r) {
            return queryNorm2[r];
        }

        /** Bound on the scaled residual norm of loaded query row {@code r} (0 without a subspace basis). */
        double queryResidual(int r) {
            return queryResidual[r];
        }

        /**
         * Multiplies the loaded queries by data block {@code b}: entry {@code (r, c)} of the result
         * (row stride {@code blockSize(b)}) is {@code a}, the scaled squared distance between query row
         * {@code r} and data row {@code blockStart(b) + c} within {@link #error}. The
         * returned array is reused by the next call. (Scanning a heap array after one bulk copy is much
         * faster than reading the native buffer element by element.)
         */
        float[] multiply(int b) {
            int nb = blockSize(b);
            OpenBlas.gemmNt(rows, nb, width, query, blocks[b], product);
            product.get(0, productArray, 0, rows * nb);
            return productArray;
        }

        @Override
        public void close() {
            queryMemory.close();
            productMemory.close();
        }
    }
}
