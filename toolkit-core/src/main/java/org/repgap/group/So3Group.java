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
final class So3Group extends BaseGroup {
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
    public void checkDimension(int dim) {
        checkMultiple(dim, 3);
    }

    @Override
    public boolean isFinite() {
        return false;
    }

    @Override
    public int lieDimension(int dim) {
        return 3;
    }

    @Override
    public long order(int dim) {
        return -1;
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
        return alignVectors(x, y).distance();
    }

    @Override
    double[] embedding(double[] x) {
        return Vectors.blockNorms(x, 3);
    }
}
