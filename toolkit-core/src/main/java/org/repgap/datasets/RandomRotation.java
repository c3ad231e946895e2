package org.repgap.datasets;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A random isometric embedding of {@code R^k} into {@code R^D} ({@code k <= D}): the first {@code k}
 * columns of a Haar-distributed orthogonal {@code D x D} matrix. Padding a point with {@code D - k}
 * zeros and multiplying by that matrix is the same as multiplying by these columns.
 *
 * <p>Construction (Mezzadri 2007, "How to generate random matrices from the classical compact
 * groups", Notices AMS 54(5), arXiv:math-ph/0609050): QR decomposition of a {@code D x k} matrix of
 * independent standard normals, with the sign of each column of {@code Q} fixed so that the
 * diagonal of {@code R} is positive; this makes the distribution invariant under rotations.
 */
final class RandomRotation {
    /** Row-major {@code D x k}, orthonormal columns. */
    private final double[] frame;
    private final int ambient;
    private final int k;

    private RandomRotation(double[] frame, int ambient, int k) {
        this.frame = frame;
        this.ambient = ambient;
        this.k = k;
    }

    static RandomRotation of(int k, int ambient, Sampler sampler) {
        if (k < 1 || ambient < k) {
            throw new IllegalArgumentException("embedding R^" + k + " into R^" + ambient);
        }
        double[][] g = new double[ambient][k];
        for (int i = 0; i < ambient; i++) {
            for (int j = 0; j < k; j++) {
                g[i][j] = sampler.gaussian();
            }
        }
        QRDecomposition qr = new QRDecomposition(new Array2DRowRealMatrix(g, false));
        RealMatrix q = qr.getQ();
        RealMatrix r = qr.getR();
        double[] frame = new double[ambient * k];
        for (int j = 0; j < k; j++) {
            double sign = r.getEntry(j, j) < 0 ? -1 : 1;
            for (int i = 0; i < ambient; i++) {
                frame[i * k + j] = sign * q.getEntry(i, j);
            }
        }
        return new RandomRotation(frame, ambient, k);
    }

    /** Ambient dimension {@code D}. */
    int ambient() {
        return ambient;
    }

    /** Column {@code j} of the embedding (a unit vector of {@code R^D}), for tests. */
    double entry(int i, int j) {
        return frame[i * k + j];
    }

    /** Maps {@code n} points of {@code R^k} (row-major) to {@code R^D} (row-major, new array). */
    double[] apply(double[] points, int n) {
        double[] out = new double[Math.multiplyExact(n, ambient)];
        for (int p = 0; p < n; p++) {
            int src = p * k;
            int dst = p * ambient;
            for (int i = 0; i < ambient; i++) {
                double s = 0;
                int row = i * k;
                for (int j = 0; j < k; j++) {
                    s += frame[row + j] * points[src + j];
                }
                out[dst + i] = s;
            }
        }
        return out;
    }
}
