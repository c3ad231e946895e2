/**
 * The native OpenBLAS library: its loading, its process-wide thread pool and the matrix products the
 * neighbour searches and the trainer use ({@link org.repgap.blas.OpenBlas}).
 */
package org.repgap.blas;
