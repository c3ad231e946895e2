package org.repgap.diffusion.nn;

import smile.math.blas.BLAS;
import smile.math.blas.Layout;
import smile.math.blas.Transpose;

/**
 * Float32 matrix products through Smile's OpenBLAS binding (bytedeco OpenBLAS 0.3.26), row-major.
 * All element-wise work of the trainer is plain Java; only the three GEMMs per linear layer go here.
 *
 * <p>OpenBLAS keeps one process-wide thread pool: {@link #setThreads(int)} sizes it. The sweep
 * runner calls it once before training (1 thread per run when several runs train in parallel,
 * all threads for a single run); it must not be changed while products run.
 */
public final class Blas {
    private static final BLAS BLAS_INSTANCE = load();

    private Blas() {
    }

    private static BLAS load() {
        // loads OpenBLAS the quick way (without Smile's look-ups for Intel MKL) when it can
        org.repgap.neighbors.NeighborSearch.loadNativeLibrary();
        return BLAS.getInstance();
    }

    /** Sets the OpenBLAS thread pool size (process-wide). */
    public static synchronized void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + " must be at least 1");
        }
        org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(threads);
    }

    /** The current OpenBLAS thread pool size. */
    public static int threads() {
        return org.bytedeco.openblas.presets.openblas_nolapack.blas_get_num_threads();
    }

    /**
     * {@code C = alpha op(A) op(B) + beta C} with row-major {@code op(A)} of shape {@code m x k},
     * {@code op(B)} of shape {@code k x n} and {@code C} of shape {@code m x n} (leading dimension {@code n}).
     *
     * @param transA whether {@code A} is stored as {@code k x m} (then {@code op(A) = A^T})
     * @param transB whether {@code B} is stored as {@code n x k}
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, float[] b,
            float beta, float[] c) {
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        BLAS_INSTANCE.gemm(Layout.ROW_MAJOR, transA ? Transpose.TRANSPOSE : Transpose.NO_TRANSPOSE,
                transB ? Transpose.TRANSPOSE : Transpose.NO_TRANSPOSE, m, n, k, alpha, a, lda, b, ldb, beta, c, n);
    }
}
