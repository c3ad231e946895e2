package org.repgap.neighbors;

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
 * <p>Construction: Gram-Schmidt with row pivoting (the rank-revealing QR of Businger and Golub 1965,
 * doi:10.1007/BF01436084, on the sampled rows) over up to {@value #SAMPLE_ROWS} evenly spaced rows: at each
 * step the row with the largest residual joins the basis, re-orthogonalised twice ("twice is enough":
 * Giraud, Langou, Rozloznik and van den Eshof 2005, doi:10.1007/s00211-005-0615-4), until every sampled
 * residual is at most {@value #RELATIVE_RESIDUAL} times the root-mean-square centred norm of the data.
 * Pivoting matters: taking rows in order, a row that happens to lie almost in the span so far would
 * contribute a direction dominated by noise. Deterministic, no random numbers. Gives up (returns
 * {@code null}) as soon as the basis would need more than {@code D / 2 - 1} vectors, where the reduction no
 * longer halves the product. Full-rank data are rejected on a first sample of {@code D + 62} rows, so the
 * cost stays near {@code D^3 / 2} operations; a basis of {@code p} vectors costs about {@code 4 m D p}
 * for {@code m} sampled rows.
 */
final class SubspaceBasis {
    /** Rows examined when building the basis. */
    static final int SAMPLE_ROWS = 1024;
    /** A residual joins the basis when above this fraction of the root-mean-square centred norm. */
    static final double RELATIVE_RESIDUAL = 1e-4;

    private SubspaceBasis() {
    }

    /**
     * The basis ({@code dim x p}, row-major: entry {@code (c, q)} at {@code c * p + q}) for the rows of
     * {@code data} centred on {@code mu}, or {@code null} when no subspace of dimension at most
     * {@code dim / 2 - 1} holds the sampled rows to the relative residual {@value #RELATIVE_RESIDUAL}.
     * A cloud of identical points gets a one-vector basis.
     */
    static double[] find(double[] data, int n, int dim, double[] mu) {
        int maxVectors = dim / 2 - 1;
        if (n == 0 || maxVectors < 1) {
            return null;
        }
        double sumNorm2 = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < dim; c++) {
                double t = data[i * dim + c] - mu[c];
                sumNorm2 += t * t;
            }
        }
        double threshold = RELATIVE_RESIDUAL * Math.sqrt(sumNorm2 / n);
        int m = Math.min(n, SAMPLE_ROWS);
        // full-rank data fail on a small sample already, at a fraction of the cost
        int small = Math.min(m, 2 * maxVectors + 64);
        if (small < m && pivoted(data, n, dim, mu, small, threshold, maxVectors) == null) {
            return null;
        }
        return pivoted(data, n, dim, mu, m, threshold, maxVectors);
    }

    /** Pivoted Gram-Schmidt on {@code m} evenly spaced rows; {@code null} beyond {@code maxVectors} vectors. */
    private static double[] pivoted(double[] data, int n, int dim, double[] mu, int m, double threshold, int maxVectors) {
        // the sampled rows, centred: their residuals after each step
        double[][] res = new double[m][dim];
        double[] norm2 = new double[m];
        for (int s = 0; s < m; s++) {
            int i = (int) ((long) s * n / m);
            for (int c = 0; c < dim; c++) {
                double t = data[i * dim + c] - mu[c];
                res[s][c] = t;
                norm2[s] += t * t;
            }
        }
        double[][] vectors = new double[maxVectors][];
        int p = 0;
        while (true) {
            // pivot: the row with the largest residual, so that each new direction is well conditioned
            int best = 0;
            for (int s = 1; s < m; s++) {
                if (norm2[s] > norm2[best]) {
                    best = s;
                }
            }
            if (!(Math.sqrt(norm2[best]) > threshold)) {
                break;
            }
            if (p == maxVectors) {
                return null;
            }
            double[] v = res[best].clone();
            orthogonalise(v, vectors, p);
            orthogonalise(v, vectors, p);
            double norm = 0;
            for (int c = 0; c < dim; c++) {
                norm += v[c] * v[c];
            }
            norm = Math.sqrt(norm);
            for (int c = 0; c < dim; c++) {
                v[c] /= norm;
            }
            vectors[p++] = v;
            for (int s = 0; s < m; s++) {
                double[] r = res[s];
                double dot = 0;
                for (int c = 0; c < dim; c++) {
                    dot += v[c] * r[c];
                }
                double nrm = 0;
                for (int c = 0; c < dim; c++) {
                    r[c] -= dot * v[c];
                    nrm += r[c] * r[c];
                }
                norm2[s] = nrm;
            }
        }
        if (p == 0) {
            // every sampled row is (almost) at the mean: any direction will do
            vectors[p] = new double[dim];
            vectors[p++][0] = 1;
        }
        double[] basis = new double[dim * p];
        for (int q = 0; q < p; q++) {
            for (int c = 0; c < dim; c++) {
                basis[c * p + q] = vectors[q][c];
            }
        }
        return basis;
    }

    /** Removes from {@code v} its components along the first {@code p} (orthonormal) {@code vectors}. */
    private static void orthogonalise(double[] v, double[][] vectors, int p) {
        for (int q = 0; q < p; q++) {
            double[] u = vectors[q];
            double dot = 0;
            for (int c = 0; c < v.length; c++) {
                dot += u[c] * v[c];
            }
            for (int c = 0; c < v.length; c++) {
                v[c] -= dot * u[c];
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
