package org.repgap.neighbors;

import java.nio.FloatBuffer;
import smile.math.blas.BLAS;
import smile.math.blas.Layout;
import smile.math.blas.Transpose;

/**
 * Access to the OpenBLAS single-precision matrix product that Smile loads ({@code smile.math.blas.BLAS}),
 * with a check that the native library loads and multiplies correctly, and a scope that makes
 * OpenBLAS single-threaded while Java threads share the work.
 *
 * <p>Why single-threaded BLAS: measured on a 2-core machine, one-thread {@code sgemm} on each of two
 * Java threads (query blocks in parallel) reached about 110 GFLOP/s, against about 85 GFLOP/s for
 * multi-threaded {@code sgemm} driven by one Java thread and about 50 GFLOP/s for multi-threaded
 * {@code sgemm} called from two Java threads (oversubscription). The OpenBLAS thread count is a process-wide
 * setting, so {@link #singleThreaded()} is reference counted: the first entrant saves and lowers it,
 * the last one leaving restores it.
 */
final class OpenBlas {
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

    /** True when the native OpenBLAS loaded and passed the self-check. */
    static boolean available() {
        return BLAS_OR_NULL != null;
    }

    /**
     * {@code c = a b^T}, all row-major: {@code a} is {@code m x k}, {@code b} is {@code n x k},
     * {@code c} is {@code m x n} (leading dimension {@code n}). Buffers must be direct.
     */
    static void gemmNt(int m, int n, int k, FloatBuffer a, FloatBuffer b, FloatBuffer c) {
        BLAS_OR_NULL.gemm(Layout.ROW_MAJOR, Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, m, n, k, 1f, a, k, b, k, 0f, c, n);
    }

    /**
     * {@code c = a b}, all row-major heap arrays, double precision: {@code a} is {@code m x k}, {@code b} is
     * {@code k x n}, {@code c} is {@code m x n}.
     */
    static void dgemmNn(int m, int n, int k, double[] a, double[] b, double[] c) {
        BLAS_OR_NULL.gemm(Layout.ROW_MAJOR, Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, m, n, k, 1.0, a, k, b, n, 0.0, c, n);
    }

    /**
     * {@code c = a b^T}, all row-major heap arrays, double precision: {@code a} is {@code m x k}, {@code b} is
     * {@code n x k}, {@code c} is {@code m x n}.
     */
    static void dgemmNt(int m, int n, int k, double[] a, double[] b, double[] c) {
        BLAS_OR_NULL.gemm(Layout.ROW_MAJOR, Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, m, n, k, 1.0, a, k, b, k, 0.0, c, n);
    }

    /** Makes OpenBLAS single-threaded until the returned scope is closed (nested and concurrent scopes allowed). */
    static AutoCloseableScope singleThreaded() {
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
    interface AutoCloseableScope extends AutoCloseable {
        @Override
        void close();
    }
}
