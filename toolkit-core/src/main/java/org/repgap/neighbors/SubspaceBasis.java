package org.repgap.neighbors;

import org.repgap.blas.OpenBlas;

/**
 * An orthonormal basis {@code V} ({@code D x p}) of a low-dimensional linear subspace that holds the
 * centred data up to a small residual, when there is one: the reduction that lets {@link BoundedGram}
 * multiply {@code p + 2} instead of {@code D + 2} coordinates per pair.
 *
 * <p>Why it is exact. For any orthonormal {@code V} and {@code z = x - y}, the projection contracts,
 * {@code |V^T z| <= |z|}, and {@code |z| <= |V^T z| + |r_x| + |r_y|} with the residuals
 * {@code r_x = (x - mu) - V V^T (x - mu)}. {@link BoundedGram} turns these into rigorous lower and upper
 * bounds on every pair's distance, so the searches stay exact whatever basis is used; a good basis (small
 * residuals) only makes the bounds tight. Embeddings from neural networks and data sets generated in a
 * subspace and rotated into a larger space are the typical beneficiaries.
 *
 * <p>Construction, from up to {@value #SAMPLE_ROWS} evenly spaced rows {@code S} (centred): their
 * scatter matrix {@code C = S^T S} (one OpenBLAS {@code dgemm}), then Cholesky factorisation with
 * diagonal pivoting, {@code C ~ L L^T} (Higham, <i>Accuracy and Stability of Numerical Algorithms</i>, 2nd
 * ed., 2002, section 10.3, doi:10.1137/1.9780898718027), stopped as soon as the trace of the remaining
 * Schur complement (the energy the pivots leave unexplained; zero for data of rank {@code p}) is at most
 * {@code RELATIVE_RESIDUAL^2} = {@value #RELATIVE_RESIDUAL}^2 of the total; the columns of
 * {@code L} are then orthonormalised (modified Gram-Schmidt, twice: Giraud, Langou, Rozloznik and van den
 * Eshof 2005, doi:10.1007/s00211-005-0615-4). Pivoting picks the direction of largest remaining energy at
 * each step, so the criterion is about the sample as a whole and no single row's noise can add a
 * direction. Deterministic. Gives up (returns {@code null}) as soon as the basis would need more than
 * {@code D / 2 - 1} vectors, where the reduction no longer halves the product. Cost: {@code m D^2} for the
 * native product plus {@code D p^2} operations.
 */
final class SubspaceBasis {
    /** Rows sampled to build the basis. */
    static final int SAMPLE_ROWS = 1024;
    /** Above this ambient dimension no basis is sought: the scatter matrix alone would take {@code 8 D^2} bytes (32 MB here). */
    static final int MAX_DIMENSION = 2048;
    /** Residual (root of the energy fraction) of the sampled rows allowed outside the subspace. */
    static final double RELATIVE_RESIDUAL = 1e-4;

    private SubspaceBasis() {
    }

    /**
     * The basis ({@code dim x p}, row-major: entry {@code (c, q)} at {@code c * p + q}) for the rows of
     * {@code data} centred on {@code mu}, or {@code null} when no subspace of dimension at most
     * {@code dim / 2 - 1} holds the sampled rows to the relative residual {@value #RELATIVE_RESIDUAL}
     * (and always above {@value #MAX_DIMENSION} coordinates).
     * A cloud of identical points gets a one-vector basis. Needs the native OpenBLAS library.
     */
    static double[] find(double[] data, int n, int dim, double[] mu) {
        int maxVectors = dim / 2 - 1;
        if (n == 0 || maxVectors < 1 || dim > MAX_DIMENSION) {
            return null;
        }
        int m = Math.min(n, SAMPLE_ROWS);
        // the sampled rows, centred, as the columns of a dim x m matrix
        double[] st = new double[dim * m];
        for (int s = 0; s < m; s++) {
            int i = (int) ((long) s * n / m);
            for (int c = 0; c < dim; c++) {
                st[c * m + s] = data[i * dim + c] - mu[c];
            }
        }
        double[] scatter = new double[dim * dim];
        OpenBlas.dgemmNt(dim, dim, m, st, st, scatter);
        double[][] columns = pivotedCholesky(scatter, dim, maxVectors);
        if (columns == null) {
            return null;
        }
        int p = columns.length;
        if (p == 0) {
            // every sampled row is at the mean: any direction will do
            columns = new double[][] {new double[dim]};
            columns[0][0] = 1;
            p = 1;
        }
        orthonormalise(columns);
        orthonormalise(columns);
        double[] basis = new double[dim * p];
        for (int q = 0; q < p; q++) {
            for (int c = 0; c < dim; c++) {
                basis[c * p + q] = columns[q][c];
            }
        }
        return basis;
    }

    /**
     * The columns of {@code L} from Cholesky with diagonal pivoting of the symmetric positive semidefinite
     * {@code a} ({@code dim x dim}), stopped when the remaining diagonal sums to at most
     * {@code RELATIVE_RESIDUAL^2} of the trace; {@code null} when that needs more than {@code maxVectors}.
     */
    static double[][] pivotedCholesky(double[] a, int dim, int maxVectors) {
        double[] d = new double[dim];
        double trace = 0;
        for (int c = 0; c < dim; c++) {
            d[c] = a[c * dim + c];
            trace += d[c];
        }
        double stop = RELATIVE_RESIDUAL * RELATIVE_RESIDUAL * trace;
        boolean[] used = new boolean[dim];
        double[][] l = new double[maxVectors][];
        int p = 0;
        while (true) {
            double remaining = 0;
            int piv = -1;
            for (int c = 0; c < dim; c++) {
                if (!used[c]) {
                    double v = Math.max(0, d[c]);
                    remaining += v;
                    if (piv < 0 || v > d[piv]) {
                        piv = c;
                    }
                }
            }
            if (piv < 0 || remaining <= stop || !(d[piv] > 0)) {
                break;
            }
            if (p == maxVectors) {
                return null;
            }
            double pivot = Math.sqrt(d[piv]);
            double[] col = new double[dim];
            for (int c = 0; c < dim; c++) {
                double v = a[c * dim + piv];
                for (int q = 0; q < p; q++) {
                    v -= l[q][c] * l[q][piv];
                }
                col[c] = used[c] ? 0 : v / pivot;
            }
            col[piv] = pivot;
            used[piv] = true;
            for (int c = 0; c < dim; c++) {
                if (!used[c]) {
                    d[c] -= col[c] * col[c];
                }
            }
            l[p++] = col;
        }
        return java.util.Arrays.copyOf(l, p);
    }

    /** Modified Gram-Schmidt on the vectors, in place: each is made orthogonal to the previous ones and normalised. */
    private static void orthonormalise(double[][] v) {
        for (int q = 0; q < v.length; q++) {
            double[] u = v[q];
            for (int w = 0; w < q; w++) {
                double dot = 0;
                for (int c = 0; c < u.length; c++) {
                    dot += v[w][c] * u[c];
                }
                for (int c = 0; c < u.length; c++) {
                    u[c] -= dot * v[w][c];
                }
            }
            double norm = 0;
            for (double x : u) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            for (int c = 0; c < u.length; c++) {
                u[c] /= norm;
            }
        }
    }

    /**
     * A bound on the departure from orthonormality, {@code ||V^T V - I||_2 <= p max |(V^T V - I)_{qq'}|},
     * so that {@code |V^T z|^2 <= (1 + eps) |z|^2} for every {@code z}.
     */
    static double orthonormalityError(double[] basis, int dim, int p) {
        double max = 0;
        for (int q = 0; q < p; q++) {
            for (int w = q; w < p; w++) {
                double dot = 0;
                for (int c = 0; c < dim; c++) {
                    dot += basis[c * p + q] * basis[c * p + w];
                }
                max = Math.max(max, Math.abs(dot - (q == w ? 1 : 0)));
            }
        }
        return p * max;
    }
}
