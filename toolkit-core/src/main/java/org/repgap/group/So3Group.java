package org.repgap.group;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * {@code so3}: {@code x} is {@code D/3} points of {@code R^3} (consecutive triples) rotated by one common
 * rotation {@code R in SO(3)}.
 *
 * <p>Orbit distance: Kabsch (Kabsch 1976, doi:10.1107/S0567739476001873). With the cross-covariance
 * {@code H = sum_j y_j x_j^T = U S V^T} (EJML's 3x3 SVD), {@code sum_j x_j . R y_j = tr(R H)} is maximal
 * over rotations at {@code R = V diag(1, 1, delta) U^T}, {@code delta = sign det(V U^T)} placed on the
 * smallest singular value (the reflection fix). The distance is then computed as {@code |x - R y|}.
 *
 * <p>Embedding: the {@code D/3} point norms (rotation-invariant, 1-Lipschitz point-wise).
 *
 * <p>Canonical pose (THEORY.md section 7): the principal axes {@code e_1, e_2} (largest eigenvalues) of
 * the second moment {@code M = sum_j x_j x_j^T}, each oriented so that its third moment
 * {@code sum_j (x_j . e)^3} is positive (if that vanishes, so that the first point with a non-negligible
 * projection has a positive one), and {@code e_3 = e_1 x e_2}; the pose is the rotation with rows
 * {@code e_1, e_2, e_3}. {@code M} and the third moments transform covariantly under rotations and are
 * permutation-invariant, so {@code g_{Qx} Q x = g_x x} whenever the eigenvalues are distinct.
 *
 * <p>{@link #elements}: the super-Fibonacci spiral of {@code resolution} unit quaternions (Alexa,
 * "Super-Fibonacci Spirals: Fast, Low-Discrepancy Sampling of SO(3)", CVPR 2022): a deterministic
 * low-discrepancy point set on {@code S^3}, hence an equal-weight quadrature for the Haar measure
 * (which lifts to the uniform measure on {@code S^3}).
 */
final class So3Group extends ContinuousGroup {
    static final So3Group INSTANCE = new So3Group();
    private static final double SUPER_FIBONACCI_PSI = 1.533751168755204288118041;

    private So3Group() {
    }

    @Override
    Kind kind() {
        return Kind.SO3;
    }

    @Override
    public String spec() {
        return "so3";
    }

    @Override
    int dimensionMultiple() {
        return 3;
    }

    @Override
    public int lieDimension(int dim) {
        return 3;
    }

    @Override
    public List<GroupElement> elements(int dim, int resolution) {
        checkDimension(dim);
        if (resolution < 1) {
            throw new IllegalArgumentException("so3 quadrature needs at least 1 rotation, got " + resolution);
        }
        List<GroupElement> out = new ArrayList<>(resolution);
        double phi = Math.sqrt(2);
        for (int i = 0; i < resolution; i++) {
            double s = i + 0.5;
            double r = Math.sqrt(s / resolution);
            double big = Math.sqrt(1 - s / resolution);
            double alpha = 2 * Math.PI * s / phi;
            double beta = 2 * Math.PI * s / SUPER_FIBONACCI_PSI;
            out.add(fromQuaternion(r * Math.sin(alpha), r * Math.cos(alpha), big * Math.sin(beta), big * Math.cos(beta)));
        }
        return out;
    }

    /** Uniform (Haar) rotation: a normalised standard normal quaternion is uniform on {@code S^3}. */
    @Override
    public GroupElement random(int dim, SplittableRandom rng) {
        return fromQuaternion(Gaussian.next(rng), Gaussian.next(rng), Gaussian.next(rng), Gaussian.next(rng));
    }

    /** The rotation of the quaternion {@code (w, x, y, z)} (normalised here). */
    static Elements.Rotation3 fromQuaternion(double w, double x, double y, double z) {
        double n = Math.sqrt(w * w + x * x + y * y + z * z);
        w /= n;
        x /= n;
        y /= n;
        z /= n;
        return new Elements.Rotation3(new double[] {
            1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
            2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
            2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)});
    }

    /** SVD of a 3x3 row-major matrix: {@code {U, S, V}} as row-major arrays, {@code S} of length 3 (unsorted). */
    private static double[][] svd3(double[] a) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(3, 3, true, true, false);
        if (!svd.decompose(new DMatrixRMaj(3, 3, true, a))) {
            throw new ArithmeticException("3x3 SVD did not converge (non-finite input?)");
        }
        return new double[][] {svd.getU(null, false).data, svd.getSingularValues().clone(), svd.getV(null, false).data};
    }

    private static double det3(double[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    /** The Kabsch rotation maximising {@code sum_j x_j . R y_j}. */
    static Elements.Rotation3 kabsch(double[] x, double[] y) {
        double[] h = new double[9];
        for (int j = 0; j < x.length; j += 3) {
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    h[3 * a + b] += y[j + a] * x[j + b];
                }
            }
        }
        double[][] usv = svd3(h);
        double[] u = usv[0];
        double[] s = usv[1];
        double[] v = usv[2];
        double[] d = {1, 1, 1};
        if (det3(u) * det3(v) < 0) {
            int smallest = 0;
            for (int k = 1; k < 3; k++) {
                if (s[k] < s[smallest]) {
                    smallest = k;
                }
            }
            d[smallest] = -1;
        }
        double[] r = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[3 * i + j] = v[3 * i] * d[0] * u[3 * j] + v[3 * i + 1] * d[1] * u[3 * j + 1] + v[3 * i + 2] * d[2] * u[3 * j + 2];
            }
        }
        return new Elements.Rotation3(r);
    }

    @Override
    public GroupElement canonicalPose(double[] x) {
        double[] m = new double[9];
        double sq = 0;
        for (int j = 0; j < x.length; j += 3) {
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    m[3 * a + b] += x[j + a] * x[j + b];
                }
            }
        }
        sq = m[0] + m[4] + m[8];
        if (sq == 0) {
            return Elements.Identity.INSTANCE;
        }
        double tol = So2Group.NEGLIGIBLE * Math.sqrt(sq / (x.length / 3));
        double[][] usv = svd3(m);
        double[] u = usv[0];
        double[] s = usv[1];
        int[] order = {0, 1, 2};
        for (int i = 0; i < 3; i++) {
            for (int j = i + 1; j < 3; j++) {
                if (s[order[j]] > s[order[i]]) {
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
            }
        }
        double[] e1 = orient(x, new double[] {u[order[0]], u[3 + order[0]], u[6 + order[0]]}, tol);
        double[] e2 = orient(x, new double[] {u[order[1]], u[3 + order[1]], u[6 + order[1]]}, tol);
        double[] e3 = {e1[1] * e2[2] - e1[2] * e2[1], e1[2] * e2[0] - e1[0] * e2[2], e1[0] * e2[1] - e1[1] * e2[0]};
        return new Elements.Rotation3(new double[] {e1[0], e1[1], e1[2], e2[0], e2[1], e2[2], e3[0], e3[1], e3[2]});
    }

    private static double[] orient(double[] x, double[] e, double tol) {
        double third = 0;
        double scale = 0;
        for (int j = 0; j < x.length; j += 3) {
            double p = x[j] * e[0] + x[j + 1] * e[1] + x[j + 2] * e[2];
            third += p * p * p;
            scale += Math.abs(p * p * p);
        }
        double sign = 0;
        if (Math.abs(third) > So2Group.NEGLIGIBLE * scale) {
            sign = Math.signum(third);
        } else {
            for (int j = 0; j < x.length && sign == 0; j += 3) {
                double p = x[j] * e[0] + x[j + 1] * e[1] + x[j + 2] * e[2];
                if (Math.abs(p) > tol) {
                    sign = Math.signum(p);
                }
            }
        }
        if (sign < 0) {
            return new double[] {-e[0], -e[1], -e[2]};
        }
        return e;
    }

    @Override
    Alignment alignVectors(double[] x, double[] y) {
        Elements.Rotation3 r = kabsch(x, y);
        return new Alignment(r, Vectors.distance(x, r.apply(y)), true);
    }

    @Override
    double distanceVectors(double[] x, double[] y) {
        return distanceSlices(x, 0, y, 0, x.length);
    }

    /**
     * Distance only, without the SVD: {@code max_R tr(R H) = s_1 + s_2 + sgn(det H) s_3} (Kabsch with the
     * reflection fix), the singular values being the square roots of the eigenvalues of {@code H^T H},
     * computed in closed form (trigonometric solution of the characteristic cubic, Smith 1961,
     * doi:10.1145/355578.366316). One pass over the data. Squaring {@code H} loses accuracy in the smallest
     * singular value when {@code s_3 << s_1} (absolute error ~ {@code eps s_1^2 / s_3}), and the
     * trigonometric solution loses accuracy near a repeated eigenvalue (error ~ {@code eps / sqrt(1 - |r|)}); in
     * those cases ({@code s_3 < 1e-3 s_1}, {@code 1 - |r| < 1e-6}), and when {@code d^2} is tiny against
     * {@code |x|^2 + |y|^2}, the full Kabsch alignment is used instead.
     */
    @Override
    double distanceSlices(double[] p, int pOffset, double[] q, int qOffset, int dim) {
        double xx = 0;
        double yy = 0;
        double h00 = 0, h01 = 0, h02 = 0, h10 = 0, h11 = 0, h12 = 0, h20 = 0, h21 = 0, h22 = 0;
        for (int j = 0; j < dim; j += 3) {
            double x0 = p[pOffset + j];
            double x1 = p[pOffset + j + 1];
            double x2 = p[pOffset + j + 2];
            double y0 = q[qOffset + j];
            double y1 = q[qOffset + j + 1];
            double y2 = q[qOffset + j + 2];
            xx += x0 * x0 + x1 * x1 + x2 * x2;
            yy += y0 * y0 + y1 * y1 + y2 * y2;
            h00 += y0 * x0;
            h01 += y0 * x1;
            h02 += y0 * x2;
            h10 += y1 * x0;
            h11 += y1 * x1;
            h12 += y1 * x2;
            h20 += y2 * x0;
            h21 += y2 * x1;
            h22 += y2 * x2;
        }
        // A = H^T H (symmetric positive semi-definite).
        double a00 = h00 * h00 + h10 * h10 + h20 * h20;
        double a11 = h01 * h01 + h11 * h11 + h21 * h21;
        double a22 = h02 * h02 + h12 * h12 + h22 * h22;
        double a01 = h00 * h01 + h10 * h11 + h20 * h21;
        double a02 = h00 * h02 + h10 * h12 + h20 * h22;
        double a12 = h01 * h02 + h11 * h12 + h21 * h22;
        double[] lambda = symmetricEigenvalues(a00, a11, a22, a01, a02, a12);
        double s1 = Math.sqrt(Math.max(lambda[0], 0));
        double s2 = Math.sqrt(Math.max(lambda[1], 0));
        double s3 = Math.sqrt(Math.max(lambda[2], 0));
        double det = h00 * (h11 * h22 - h12 * h21) - h01 * (h10 * h22 - h12 * h20) + h02 * (h10 * h21 - h11 * h20);
        double d2 = xx + yy - 2 * (s1 + s2 + (det < 0 ? -s3 : s3));
        if (lambda[3] > 1e-6 && s3 > 1e-3 * s1 && d2 > So2Group.REFINE_BELOW * (xx + yy)) {
            return Math.sqrt(d2);
        }
        return alignVectors(java.util.Arrays.copyOfRange(p, pOffset, pOffset + dim),
                java.util.Arrays.copyOfRange(q, qOffset, qOffset + dim)).distance();
    }

    /**
     * The eigenvalues of a symmetric 3x3 matrix, decreasing, then {@code 1 - |r|} (element 3): its distance
     * from a repeated eigenvalue, below which the values are only accurate to ~{@code sqrt(eps)}.
     */
    static double[] symmetricEigenvalues(double a00, double a11, double a22, double a01, double a02, double a12) {
        double p1 = a01 * a01 + a02 * a02 + a12 * a12;
        double q = (a00 + a11 + a22) / 3;
        double b00 = a00 - q;
        double b11 = a11 - q;
        double b22 = a22 - q;
        double p2 = b00 * b00 + b11 * b11 + b22 * b22 + 2 * p1;
        if (p2 == 0) {
            return new double[] {q, q, q, 0};
        }
        double p = Math.sqrt(p2 / 6);
        // r = det((A - q I) / p) / 2, in [-1, 1] up to rounding.
        double det = b00 * (b11 * b22 - a12 * a12) - a01 * (a01 * b22 - a12 * a02) + a02 * (a01 * a12 - b11 * a02);
        double r = Math.max(-1, Math.min(1, det / (2 * p * p * p)));
        double phi = Math.acos(r) / 3;
        double l1 = q + 2 * p * Math.cos(phi);
        double l3 = q + 2 * p * Math.cos(phi + 2 * Math.PI / 3);
        return new double[] {l1, 3 * q - l1 - l3, l3, 1 - Math.abs(r)};
    }

    @Override
    double[] embedding(double[] x) {
        return Vectors.blockNorms(x, 3);
    }
}
