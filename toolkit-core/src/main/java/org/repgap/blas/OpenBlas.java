package org.repgap.blas;

import java.nio.FloatBuffer;
import smile.math.blas.BLAS;
import smile.math.blas.Layout;
import smile.math.blas.Transpose;

/**
 * The one owner of the native OpenBLAS library (bytedeco OpenBLAS through Smile's binding
 * {@code smile.math.blas.BLAS}) and of its process-wide thread pool: loading with a self-check that the
 * library multiplies correctly, the row-major matrix products used by the neighbour searches (float and
 * double) and by the trainer's linear layers (float), the pool size ({@link #setThreads(int)},
 * {@link #threads()}), and a scope that makes OpenBLAS single-threaded while Java threads share the work.
 *
 * <pre>{@code
 * if (OpenBlas.available()) {
 *     OpenBlas.setThreads(1);                       // one thread per run when runs train in parallel
 *     OpenBlas.gemm(false, true, m, n, k, 1f, a, b, 0f, c); // c = a b^T, row-major
 * }
 * }</pre>
 *
 * <p>Why single-threaded BLAS: measured on a 2-core machine, one-thread {@code sgemm} on each of two
 * Java threads (query blocks in parallel) reached about 110 GFLOP/s, against about 85 GFLOP/s for
 * multi-threaded {@code sgemm} driven by one Java thread and about 50 GFLOP/s for multi-threaded
 * {@code sgemm} called from two Java threads (oversubscription). The OpenBLAS thread count is a process-wide
 * setting, so {@link #singleThreaded()} is reference counted: the first entrant saves and lowers it,
 * the last one leaving restores it. {@link #setThreads(int)} sizes the pool for callers that want
 * OpenBLAS's own threads (the trainer: 1 thread per run when several runs train in parallel, all
 * threads for a single run); it must not be changed while products run.
 */
public final class OpenBlas {
    private static final String LOAD_PROPERTY = "org.bytedeco.openblas.load";
    private static final BLAS BLAS_OR_NULL = load();
    private static final Object LOCK = new Object();
    private static int singleThreadedScopes;
    private static int savedThreads;

    private OpenBlas() {
    }

    private static BLAS load() {
        try {
            if (System.getProperty(LOAD_PROPERTY) == null) {
                // Smile's OpenBLAS class sets org.bytedeco.openblas.load=mkl_rt, so JavaCPP first tries a dozen Intel
                // MKL libraries: about 0.2 s of failed look-ups on a machine without MKL (measured 0.43-0.53 s
                // against 0.30-0.31 s for the whole load). Loading OpenBLAS itself first makes them moot. To let
                // Smile prefer MKL, set the property yourself (-Dorg.bytedeco.openblas.load=mkl_rt).
                org.bytedeco.javacpp.Loader.load(org.bytedeco.openblas.global.openblas.class);
            }
            BLAS blas = BLAS.getInstance();
            // A 2x2 product checks that the native code runs and that buffer offsets are honoured.
            FloatBuffer a = FloatBuffer.wrap(new float[] {1, 2, 3, 4});
            float[] out = new float[4];
            try (org.bytedeco.javacpp.FloatPointer pa = new org.bytedeco.javacpp.FloatPointer(a.array());
                 org.bytedeco.javacpp.FloatPointer pc = new org.bytedeco.javacpp.FloatPointer(4)) {
                FloatBuffer ba = pa.asBuffer();
                FloatBuffer bc = pc.asBuffer();
                blas.gemm(Layout.ROW_MAJOR, Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, 2, 2, 2, 1f, ba, 2, ba, 2, 0f, bc, 2);
                bc.get(out);
            }
            // rows (1,2),(3,4): Gram matrix [[5, 11], [11, 25]]
            if (out[0] != 5f || out[1] != 11f || out[2] != 11f || out[3] != 25f) {
                return null;
            }
            return blas;
        } catch (LinkageError | RuntimeException e) {
            return null;
        }
    }

    /**
     * True when the native OpenBLAS loaded and passed the self-check. The first call loads the library (once
     * per process, a few tenths of a second); a program can make it on a background thread while it reads its
     * input, so that the first search does not wait for it (the {@code repgap} command does).
     */
    public static boolean available() {
        return BLAS_OR_NULL != null;
    }

    /**
     * {@code c = a b^T}, all row-major: {@code a} is {@code m x k}, {@code b} is {@code n x k},
     * {@code c} is {@code m x n} (leading dimension {@code n}). Buffers must be direct.
     */
    public static void gemmNt(int m, int n, int k, FloatBuffer a, FloatBuffer b, FloatBuffer c) {
        BLAS_OR_NULL.gemm(Layout.ROW_MAJOR, Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, m, n, k, 1f, a, k, b, k, 0f, c, n);
    }

    /**
     * {@code c = a b}, all row-major heap arrays, double precision: {@code a} is {@code m x k}, {@code b} is
     * {@code k x n}, {@code c} is {@code m x n}.
     */
    public static void dgemmNn(int m, int n, int k, double[] a, double[] b, double[] c) {
        BLAS_OR_NULL.gemm(Layout.ROW_MAJOR, Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, m, n, k, 1.0, a, k, b, n, 0.0, c, n);
    }

    /**
     * {@code c = a b^T}, all row-major heap arrays, double precision: {@code a} is {@code m x k}, {@code b} is
     * {@code n x k}, {@code c} is {@code m x n}.
     */
    public static void dgemmNt(int m, int n, int k, double[] a, double[] b, double[] c) {
        BLAS_OR_NULL.gemm(Layout.ROW_MAJOR, Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, m, n, k, 1.0, a, k, b, k, 0.0, c, n);
    }

    /**
     * {@code C = alpha op(A) op(B) + beta C} on float heap arrays, with row-major {@code op(A)} of shape
     * {@code m x k}, {@code op(B)} of shape {@code k x n} and {@code C} of shape {@code m x n} (leading
     * dimension {@code n}).
     *
     * @param transA whether {@code A} is stored as {@code k x m} (then {@code op(A) = A^T})
     * @param transB whether {@code B} is stored as {@code n x k}
     * @throws IllegalStateException if the native library did not load
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, float[] b,
            float beta, float[] c) {
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        required().gemm(Layout.ROW_MAJOR, transA ? Transpose.TRANSPOSE : Transpose.NO_TRANSPOSE,
                transB ? Transpose.TRANSPOSE : Transpose.NO_TRANSPOSE, m, n, k, alpha, a, lda, b, ldb, beta, c, n);
    }

    /**
     * Sets the OpenBLAS thread pool size (process-wide).
     *
     * @param threads at least 1
     */
    public static synchronized void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + " must be at least 1");
        }
        required();
        org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(threads);
    }

    /** The current OpenBLAS thread pool size. */
    public static int threads() {
        required();
        return org.bytedeco.openblas.presets.openblas_nolapack.blas_get_num_threads();
    }

    private static BLAS required() {
        if (BLAS_OR_NULL == null) {
            throw new IllegalStateException("the native OpenBLAS library did not load (or failed its self-check)");
        }
        return BLAS_OR_NULL;
    }

    /** Makes OpenBLAS single-threaded until the returned scope is closed (nested and concurrent scopes allowed). */
    public static AutoCloseableScope singleThreaded() {
        synchronized (LOCK) {
            if (singleThreadedScopes++ == 0) {
                savedThreads = org.bytedeco.openblas.presets.openblas_nolapack.blas_get_num_threads();
                org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(1);
            }
        }
        return () -> {
            synchronized (LOCK) {
                if (--singleThreadedScopes == 0 && savedThreads > 0) {
                    org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(savedThreads);
                }
            }
        };
    }

    /** A scope whose {@code close} throws nothing. */
    public interface AutoCloseableScope extends AutoCloseable {
        @Override
        void close();
    }
}
