package org.repgap.datasets;

import java.util.List;

/**
 * The 24 manifolds of scikit-dimension's {@code BenchmarkManifolds} (Hein and Audibert 2005,
 * doi:10.1145/1102351.1102388; Campadelli et al. 2015, "Intrinsic dimension estimation: relevant
 * techniques and a benchmark framework", Math. Probl. Eng., doi:10.1155/2015/759567), with the
 * names, true intrinsic dimensions, ambient dimensions and formulas of scikit-dimension 0.3.4
 * ({@code skdim/datasets.py}). {@code U} is uniform on [0, 1).
 *
 * <p>Our random numbers come from {@link java.util.SplittableRandom}, not NumPy's MT19937, so the
 * points differ from scikit-dimension's for any seed while following the same distributions.
 * Two layouts are kept as scikit-dimension has them because they are part of the distribution of
 * the sample: {@code M10*_Cubic} fills the faces of the cube one after the other
 * ({@code floor(n / (2(d+1)) + 1)} points per face, the first {@code n} rows kept), and
 * {@code M5a_Helix1d} draws {@code t = 2 pi / n + 2 pi U}.
 */
final class BenchmarkManifolds {
    private static final double TWO_PI = 2 * Math.PI;

    private BenchmarkManifolds() {
    }

    /** One manifold: name, true intrinsic dimension, ambient dimension, description, generator. */
    record Manifold(String name, int intrinsicDim, int ambientDim, String description, PointGenerator generator) {
    }

    /** The 24 manifolds in scikit-dimension's order. */
    static List<Manifold> all() {
        return List.of(
                new Manifold("M1_Sphere", 10, 11, "10D sphere linearly embedded", (s, r, n, o, k) -> s.unitVector(o, k, 11)),
                new Manifold("M2_Affine_3to5", 3, 5, "Affine space", BenchmarkManifolds::affine3to5),
                new Manifold("M3_Nonlinear_4to6", 4, 6, "Concentrated figure, mistakable with a 3D one", BenchmarkManifolds::nonlinear4to6),
                new Manifold("M4_Nonlinear", 4, 8, "Nonlinear manifold", nonlinear(4, 1)),
                new Manifold("M5a_Helix1d", 1, 3, "1D helix", BenchmarkManifolds::helix1d),
                new Manifold("M5b_Helix2d", 2, 3, "2D helix", BenchmarkManifolds::helix2d),
                new Manifold("M6_Nonlinear", 6, 36, "Nonlinear manifold", nonlinear(6, 3)),
                new Manifold("M7_Roll", 2, 3, "Swiss Roll", BenchmarkManifolds::roll),
                new Manifold("M8_Nonlinear", 12, 72, "Nonlinear (highly curved) manifold", nonlinear(12, 3)),
                new Manifold("M9_Affine", 20, 20, "Affine space", (s, r, n, o, k) -> {
                    for (int j = 0; j < 20; j++) {
                        o[k + j] = 5 * s.uniform() - 2.5;
                    }
                }),
                new Manifold("M10a_Cubic", 10, 11, "10D hypercube", cubeBoundary(10)),
                new Manifold("M10b_Cubic", 17, 18, "17D hypercube", cubeBoundary(17)),
                new Manifold("M10c_Cubic", 24, 25, "24D hypercube", cubeBoundary(24)),
                new Manifold("M10d_Cubic", 70, 71, "70D hypercube", cubeBoundary(70)),
                new Manifold("M11_Moebius", 2, 3, "Möebius band 10-times twisted", BenchmarkManifolds::moebius),
                new Manifold("M12_Norm", 20, 20, "Isotropic multivariate Gaussian", (s, r, n, o, k) -> {
                    for (int j = 0; j < 20; j++) {
                        o[k + j] = s.gaussian();
                    }
                }),
                new Manifold("M13a_Scurve", 2, 3, "2D S-curve", BenchmarkManifolds::scurve),
                new Manifold("M13b_Spiral", 1, 13, "1D helix curve", BenchmarkManifolds::spiral),
                new Manifold("Mbeta", 10, 40, "Manifold generated with a smooth nonuniform pdf (see paper for description)",
                        BenchmarkManifolds::campadelliBeta),
                new Manifold("Mn1_Nonlinear", 18, 72, "Nonlinearly embedded manifold of high ID (see paper for description)",
                        campadelliN(18)),
                new Manifold("Mn2_Nonlinear", 24, 96, "Nonlinearly embedded manifold of high ID (see paper for description)",
                        campadelliN(24)),
                new Manifold("Mp1_Paraboloid", 3, 12, "3D paraboloid, nonlinearly embedded in (3(3+1))D space, "
                        + "according to a multivariate Burr distribution (alpha=1)", paraboloid(3)),
                new Manifold("Mp2_Paraboloid", 6, 21, "6D paraboloid, nonlinearly embedded in (3*(6+1))D space, "
                        + "according to a multivariate Burr distribution (alpha=1)", paraboloid(6)),
                new Manifold("Mp3_Paraboloid", 9, 30, "9D paraboloid, nonlinearly embedded in (3*(9+1))D space, "
                        + "according to a multivariate Burr distribution (alpha=1)", paraboloid(9)));
    }

    /** {@code x = A p + b}, {@code p = 4 U^3}. */
    private static final double[][] AFFINE_A = {
        {1.2, -0.5, 0}, {0.5, 0.9, 0}, {-0.5, -0.2, 1}, {0.4, -0.9, -0.1}, {1.1, -0.3, 0}};
    private static final double[] AFFINE_B = {3, -1, 0, 0, 8};

    /**
     * 3-volume of M2_Affine_3to5, the image of the cube {@code [0,4]^3} under {@code A}:
     * {@code 4^3 sqrt(det(A^T A))}.
     */
    static double affine3to5Volume() {
        double[][] g = new double[3][3];
        for (double[] row : AFFINE_A) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    g[i][j] += row[i] * row[j];
                }
            }
        }
        double det = g[0][0] * (g[1][1] * g[2][2] - g[1][2] * g[2][1])
                - g[0][1] * (g[1][0] * g[2][2] - g[1][2] * g[2][0])
                + g[0][2] * (g[1][0] * g[2][1] - g[1][1] * g[2][0]);
        return 64 * Math.sqrt(det);
    }

    private static void affine3to5(Sampler s, int row, int n, double[] o, int k) {
        double p0 = 4 * s.uniform();
        double p1 = 4 * s.uniform();
        double p2 = 4 * s.uniform();
        for (int r = 0; r < 5; r++) {
            o[k + r] = AFFINE_A[r][0] * p0 + AFFINE_A[r][1] * p1 + AFFINE_A[r][2] * p2 + AFFINE_B[r];
        }
    }

    private static void nonlinear4to6(Sampler s, int row, int n, double[] o, int k) {
        double p0 = s.uniform();
        double p1 = s.uniform();
        double p2 = s.uniform();
        double p3 = s.uniform();
        o[k] = p1 * p1 * StrictMath.cos(TWO_PI * p0);
        o[k + 1] = p2 * p2 * StrictMath.sin(TWO_PI * p0);
        o[k + 2] = p1 + p2 + (p1 - p3) * (p1 - p3);
        o[k + 3] = p1 - 2 * p2 + (p0 - p3) * (p0 - p3);
        o[k + 4] = -p1 - 2 * p2 + (p2 - p3) * (p2 - p3);
        o[k + 5] = p0 * p0 - p1 * p1 + p2 * p2 - p3 * p3;
    }

    /**
     * {@code p ~ U^d}; the block {@code (p_(j+1 mod d) cos 2 pi p_j, p_(j+1 mod d) sin 2 pi p_j)}
     * for {@code j = 0..d-1}, repeated {@code m} times: ambient dimension {@code 2 d m}.
     */
    private static PointGenerator nonlinear(int d, int m) {
        return (s, row, n, o, k) -> {
            double[] p = new double[d];
            for (int j = 0; j < d; j++) {
                p[j] = s.uniform();
            }
            for (int j = 0; j < d; j++) {
                double radius = p[(j + 1) % d];
                o[k + 2 * j] = radius * StrictMath.cos(TWO_PI * p[j]);
                o[k + 2 * j + 1] = radius * StrictMath.sin(TWO_PI * p[j]);
            }
            for (int c = 1; c < m; c++) {
                System.arraycopy(o, k, o, k + 2 * d * c, 2 * d);
            }
        };
    }

    /** {@code t = 2 pi / n + 2 pi U}, {@code x = ((2 + cos 8t) cos t, (2 + cos 8t) sin t, sin 8t)}. */
    private static void helix1d(Sampler s, int row, int n, double[] o, int k) {
        double t = TWO_PI / n + s.uniform() * TWO_PI;
        double a = 2 + StrictMath.cos(8 * t);
        o[k] = a * StrictMath.cos(t);
        o[k + 1] = a * StrictMath.sin(t);
        o[k + 2] = StrictMath.sin(8 * t);
    }

    /** {@code r = 10 pi U}, {@code p = 10 pi U}, {@code x = (r cos p, r sin p, p / 2)}. */
    private static void helix2d(Sampler s, int row, int n, double[] o, int k) {
        double r = 10 * Math.PI * s.uniform();
        double p = 10 * Math.PI * s.uniform();
        o[k] = r * StrictMath.cos(p);
        o[k + 1] = r * StrictMath.sin(p);
        o[k + 2] = 0.5 * p;
    }

    /** {@code t = 1.5 pi (1 + 2U)}, {@code p = 21 U}, {@code x = (t cos t, p, t sin t)}. */
    private static void roll(Sampler s, int row, int n, double[] o, int k) {
        double t = 1.5 * Math.PI * (1 + 2 * s.uniform());
        double p = 21 * s.uniform();
        o[k] = t * StrictMath.cos(t);
        o[k + 1] = p;
        o[k + 2] = t * StrictMath.sin(t);
    }

    /**
     * Boundary of {@code [0,1]^(d+1)}: face {@code f} (0-based, {@code floor(n / (2(d+1)) + 1)}
     * consecutive rows each) has coordinate {@code f / 2} fixed to {@code f mod 2}, the others {@code U}.
     */
    private static PointGenerator cubeBoundary(int d) {
        return (s, row, n, o, k) -> {
            int perFace = (int) (n / (2.0 * (d + 1)) + 1);
            int face = row / perFace;
            for (int j = 0; j <= d; j++) {
                o[k + j] = s.uniform();
            }
            o[k + face / 2] = face % 2;
        };
    }

    /** {@code phi = 2 pi U}, {@code s = 2U - 1}: ((1 + s/2 cos 5 phi) cos phi, (1 + s/2 cos 5 phi) sin phi, s/2 sin 5 phi). */
    private static void moebius(Sampler s, int row, int n, double[] o, int k) {
        double phi = s.uniform() * TWO_PI;
        double rad = s.uniform() * 2 - 1;
        double a = 1 + 0.5 * rad * StrictMath.cos(5.0 * phi);
        o[k] = a * StrictMath.cos(phi);
        o[k + 1] = a * StrictMath.sin(phi);
        o[k + 2] = 0.5 * rad * StrictMath.sin(5.0 * phi);
    }

    /** {@code t = 3 pi (U - 1/2)}, {@code p = 2U}: (sin t, p, sign(t) (cos t - 1)). */
    private static void scurve(Sampler s, int row, int n, double[] o, int k) {
        double t = 3 * Math.PI * (s.uniform() - 0.5);
        double p = 2.0 * s.uniform();
        o[k] = StrictMath.sin(t);
        o[k + 1] = p;
        o[k + 2] = Math.signum(t) * (StrictMath.cos(t) - 1);
    }

    /** {@code t = 10 pi U}: (100 cos t, 100 sin t, t, 0 x 10). */
    private static void spiral(Sampler s, int row, int n, double[] o, int k) {
        double t = 10 * Math.PI * s.uniform();
        o[k] = 100 * StrictMath.cos(t);
        o[k + 1] = 100 * StrictMath.sin(t);
        o[k + 2] = t;
        for (int j = 3; j < 13; j++) {
            o[k + j] = 0;
        }
    }

    /** {@code X ~ Beta(10, 1/2)^10}; {@code a = X sin(cos 2 pi X)}, {@code b = X cos(sin 2 pi X)}; {@code x = [a, b, a, b]}. */
    private static void campadelliBeta(Sampler s, int row, int n, double[] o, int k) {
        int d = 10;
        for (int i = 0; i < d; i++) {
            double x = s.beta(10, 0.5);
            double a = x * StrictMath.sin(StrictMath.cos(TWO_PI * x));
            double b = x * StrictMath.cos(StrictMath.sin(TWO_PI * x));
            o[k + i] = a;
            o[k + d + i] = b;
            o[k + 2 * d + i] = a;
            o[k + 3 * d + i] = b;
        }
    }

    /** {@code X ~ U^d}; {@code a_i = tan(X_i cos X_(d-1-i))}, {@code b_i = arctan(X_(d-1-i) sin X_i)}; {@code x = [a, b, a, b]}. */
    private static PointGenerator campadelliN(int d) {
        return (s, row, n, o, k) -> {
            double[] x = new double[d];
            for (int i = 0; i < d; i++) {
                x[i] = s.uniform();
            }
            for (int i = 0; i < d; i++) {
                double a = StrictMath.tan(x[i] * StrictMath.cos(x[d - 1 - i]));
                double b = StrictMath.atan(x[d - 1 - i] * StrictMath.sin(x[i]));
                o[k + i] = a;
                o[k + d + i] = b;
                o[k + 2 * d + i] = a;
                o[k + 3 * d + i] = b;
            }
        };
    }

    /**
     * {@code E_0..E_d ~ Exp(1)}; {@code X_i = 1 / (1 + E_i / E_0)} for {@code i = 1..d} (a
     * multivariate Burr law), {@code X_(d+1) = sum X_i^2}; {@code x = [X, sin X, X^2]} in {@code R^(3(d+1))}.
     */
    private static PointGenerator paraboloid(int d) {
        return (s, row, n, o, k) -> {
            double e0 = s.exponential();
            double sum = 0;
            for (int i = 0; i < d; i++) {
                double x = 1 / (1 + s.exponential() / e0);
                o[k + i] = x;
                sum += x * x;
            }
            o[k + d] = sum;
            int w = d + 1;
            for (int i = 0; i < w; i++) {
                double x = o[k + i];
                o[k + w + i] = StrictMath.sin(x);
                o[k + 2 * w + i] = x * x;
            }
        };
    }
}
