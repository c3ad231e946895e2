package org.repgap.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.repgap.data.PointCloud;

/** The defining equations of each benchmark manifold, and its distribution against scikit-dimension's sample. */
class BenchmarkManifoldsTest {
    private static final int N = 2500;
    private static final double TOL = 1e-9;

    private static PointCloud gen(String name) {
        return Datasets.generate(name, N, 20240);
    }

    /** True IDs and ambient dimensions as in scikit-dimension's {@code BenchmarkManifolds._dict_truth}. */
    @ParameterizedTest
    @CsvSource({"M1_Sphere,10,11", "M2_Affine_3to5,3,5", "M3_Nonlinear_4to6,4,6", "M4_Nonlinear,4,8", "M5a_Helix1d,1,3",
        "M5b_Helix2d,2,3", "M6_Nonlinear,6,36", "M7_Roll,2,3", "M8_Nonlinear,12,72", "M9_Affine,20,20", "M10a_Cubic,10,11",
        "M10b_Cubic,17,18", "M10c_Cubic,24,25", "M10d_Cubic,70,71", "M11_Moebius,2,3", "M12_Norm,20,20", "M13a_Scurve,2,3",
        "M13b_Spiral,1,13", "Mbeta,10,40", "Mn1_Nonlinear,18,72", "Mn2_Nonlinear,24,96", "Mp1_Paraboloid,3,12",
        "Mp2_Paraboloid,6,21", "Mp3_Paraboloid,9,30"})
    void trueDimensions(String name, int id, int ambient) {
        Datasets.Info info = Datasets.info(name);
        assertEquals(name, info.name());
        assertEquals(id, info.intrinsicDim());
        assertEquals(ambient, info.ambientDim());
    }

    @Test
    void m1SphereHasUnitNorm() {
        PointCloud x = gen("M1_Sphere");
        for (int i = 0; i < N; i++) {
            assertEquals(1, DatasetsTest.norm(x.row(i)), 1e-12);
        }
    }

    @Test
    void m2IsTheAffineImageOfTheCubeOfSide4() {
        double[][] a = {{1.2, -0.5, 0}, {0.5, 0.9, 0}, {-0.5, -0.2, 1}, {0.4, -0.9, -0.1}, {1.1, -0.3, 0}};
        double[] b = {3, -1, 0, 0, 8};
        PointCloud x = gen("M2_Affine_3to5");
        for (int i = 0; i < N; i++) {
            // rows 0 and 1 give p0, p1 (2x2 solve); row 2 gives p2; rows 3 and 4 must then agree
            double y0 = x.get(i, 0) - b[0];
            double y1 = x.get(i, 1) - b[1];
            double det = a[0][0] * a[1][1] - a[0][1] * a[1][0];
            double p0 = (y0 * a[1][1] - a[0][1] * y1) / det;
            double p1 = (a[0][0] * y1 - a[1][0] * y0) / det;
            double p2 = x.get(i, 2) - b[2] - a[2][0] * p0 - a[2][1] * p1;
            for (double p : new double[] {p0, p1, p2}) {
                assertTrue(p > -TOL && p < 4 + TOL, "p = " + p);
            }
            assertEquals(a[3][0] * p0 + a[3][1] * p1 + a[3][2] * p2 + b[3], x.get(i, 3), TOL);
            assertEquals(a[4][0] * p0 + a[4][1] * p1 + a[4][2] * p2 + b[4], x.get(i, 4), TOL);
        }
    }

    /** M3 is not invertible by hand: replay the generator's uniform stream and recompute the six formulas. */
    @Test
    void m3FollowsItsFormulas() {
        BenchmarkManifolds.Manifold m3 = BenchmarkManifolds.all().get(2);
        assertEquals("M3_Nonlinear_4to6", m3.name());
        Sampler sampler = new Sampler(new java.util.SplittableRandom(77));
        java.util.SplittableRandom replay = new java.util.SplittableRandom(77);
        double[] o = new double[6];
        for (int i = 0; i < 500; i++) {
            m3.generator().next(sampler, i, 500, o, 0);
            double p0 = replay.nextDouble();
            double p1 = replay.nextDouble();
            double p2 = replay.nextDouble();
            double p3 = replay.nextDouble();
            double[] expected = {
                p1 * p1 * Math.cos(2 * Math.PI * p0),
                p2 * p2 * Math.sin(2 * Math.PI * p0),
                p1 + p2 + (p1 - p3) * (p1 - p3),
                p1 - 2 * p2 + (p0 - p3) * (p0 - p3),
                -p1 - 2 * p2 + (p2 - p3) * (p2 - p3),
                p0 * p0 - p1 * p1 + p2 * p2 - p3 * p3};
            for (int j = 0; j < 6; j++) {
                assertEquals(expected[j], o[j], 1e-15, "row " + i + " column " + j);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"M4_Nonlinear,4,1", "M6_Nonlinear,6,3", "M8_Nonlinear,12,3"})
    void nonlinearPairsHaveRadiusOfTheNextAngle(String name, int d, int m) {
        PointCloud x = gen(name);
        for (int i = 0; i < N; i++) {
            double[] p = new double[d];
            double[] radius = new double[d];
            for (int j = 0; j < d; j++) {
                double c = x.get(i, 2 * j);
                double s = x.get(i, 2 * j + 1);
                radius[j] = Math.hypot(c, s);
                double angle = Math.atan2(s, c) / (2 * Math.PI);
                p[j] = angle < 0 ? angle + 1 : angle;
            }
            for (int j = 0; j < d; j++) {
                // radius of pair j is p_(j+1 mod d), the angle parameter of the next pair
                if (radius[j] > 1e-6 && radius[(j + 1) % d] > 1e-6) {
                    assertEquals(p[(j + 1) % d], radius[j], 1e-7);
                }
            }
            for (int c = 1; c < m; c++) {
                for (int j = 0; j < 2 * d; j++) {
                    assertEquals(x.get(i, j), x.get(i, 2 * d * c + j), "copy " + c);
                }
            }
        }
    }

    @Test
    void m5aHelix1d() {
        PointCloud x = gen("M5a_Helix1d");
        for (int i = 0; i < N; i++) {
            double t = Math.atan2(x.get(i, 1), x.get(i, 0));
            assertEquals(2 + Math.cos(8 * t), Math.hypot(x.get(i, 0), x.get(i, 1)), TOL);
            assertEquals(Math.sin(8 * t), x.get(i, 2), TOL);
        }
    }

    @Test
    void m5bHelix2d() {
        PointCloud x = gen("M5b_Helix2d");
        for (int i = 0; i < N; i++) {
            double p = 2 * x.get(i, 2);
            double r = Math.hypot(x.get(i, 0), x.get(i, 1));
            assertTrue(p >= 0 && p < 10 * Math.PI && r < 10 * Math.PI);
            assertEquals(r * Math.cos(p), x.get(i, 0), TOL);
            assertEquals(r * Math.sin(p), x.get(i, 1), TOL);
        }
    }

    @Test
    void m7Roll() {
        PointCloud x = gen("M7_Roll");
        for (int i = 0; i < N; i++) {
            double t = Math.hypot(x.get(i, 0), x.get(i, 2));
            assertTrue(t >= 1.5 * Math.PI - TOL && t <= 4.5 * Math.PI + TOL);
            assertEquals(t * Math.cos(t), x.get(i, 0), TOL);
            assertEquals(t * Math.sin(t), x.get(i, 2), TOL);
            assertTrue(x.get(i, 1) >= 0 && x.get(i, 1) < 21);
        }
    }

    @Test
    void m9AffineIsACube() {
        for (double v : gen("M9_Affine").values()) {
            assertTrue(v >= -2.5 && v < 2.5);
        }
    }

    @ParameterizedTest
    @CsvSource({"M10a_Cubic,10", "M10b_Cubic,17", "M10c_Cubic,24", "M10d_Cubic,70"})
    void cubicFillsTheFacesInOrder(String name, int d) {
        PointCloud x = gen(name);
        int perFace = (int) (N / (2.0 * (d + 1)) + 1);
        for (int i = 0; i < N; i++) {
            int face = i / perFace;
            for (int j = 0; j <= d; j++) {
                double v = x.get(i, j);
                if (j == face / 2) {
                    assertEquals(face % 2, v, 0.0, "row " + i);
                } else {
                    assertTrue(v >= 0 && v < 1);
                }
            }
        }
        // as in scikit-dimension, the faces hold enough rows for n, and with many faces the last
        // ones may stay empty (M10d: 18 rows per face, 139 of 142 faces used)
        assertTrue(2 * (d + 1) * perFace >= N);
        assertEquals(Math.min(2 * (d + 1), (N + perFace - 1) / perFace), (N - 1) / perFace + 1);
    }

    @Test
    void m11Moebius() {
        PointCloud x = gen("M11_Moebius");
        for (int i = 0; i < N; i++) {
            double phi = Math.atan2(x.get(i, 1), x.get(i, 0));
            double a = Math.hypot(x.get(i, 0), x.get(i, 1)) - 1; // s/2 cos 5 phi
            double z = x.get(i, 2); // s/2 sin 5 phi
            assertTrue(Math.hypot(a, z) <= 0.5 + TOL);
            assertEquals(0, a * Math.sin(5 * phi) - z * Math.cos(5 * phi), TOL);
        }
    }

    @Test
    void m13aScurve() {
        PointCloud x = gen("M13a_Scurve");
        for (int i = 0; i < N; i++) {
            double s = x.get(i, 0);
            double z = x.get(i, 2);
            // t > 0: (z + 1)^2 + s^2 = 1; t < 0: (z - 1)^2 + s^2 = 1
            double onUpper = Math.abs((z + 1) * (z + 1) + s * s - 1);
            double onLower = Math.abs((z - 1) * (z - 1) + s * s - 1);
            assertTrue(Math.min(onUpper, onLower) < TOL);
            assertTrue(x.get(i, 1) >= 0 && x.get(i, 1) < 2);
        }
    }

    @Test
    void m13bSpiral() {
        PointCloud x = gen("M13b_Spiral");
        for (int i = 0; i < N; i++) {
            double t = x.get(i, 2);
            assertEquals(100 * Math.cos(t), x.get(i, 0), 1e-9);
            assertEquals(100 * Math.sin(t), x.get(i, 1), 1e-9);
            for (int j = 3; j < 13; j++) {
                assertEquals(0, x.get(i, j), 0.0);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"Mbeta,10", "Mn1_Nonlinear,18", "Mn2_Nonlinear,24"})
    void campadelliDataRepeatTheirHalves(String name, int d) {
        PointCloud x = gen(name);
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < 2 * d; j++) {
                assertEquals(x.get(i, j), x.get(i, 2 * d + j), 0.0);
            }
        }
    }

    @Test
    void mbetaCoordinatesFollowFromOneParameterEach() {
        PointCloud x = gen("Mbeta");
        int checked = 0;
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < 10; j++) {
                // a = X sin(cos 2 pi X), b = X cos(sin 2 pi X); b > 0.75 forces X > 0.75 (b <= X),
                // where b increases with X: recover X from b, then a must follow
                double a = x.get(i, j);
                double b = x.get(i, 10 + j);
                assertTrue(b > 0 && b <= 1, "b = " + b);
                if (b > 0.75) {
                    double xb = solveBeta(b);
                    assertEquals(xb * Math.sin(Math.cos(2 * Math.PI * xb)), a, 1e-9);
                    checked++;
                }
            }
        }
        // b > 0.75 needs X above about 0.9, which Beta(10, 1/2) gives about 85% of the time
        assertTrue(checked > 0.8 * N * 10, "checked " + checked);
    }

    /** Solves {@code X cos(sin 2 pi X) = b} for X in [0.75, 1] by bisection (the map increases there). */
    private static double solveBeta(double b) {
        double lo = 0.75;
        double hi = 1;
        for (int k = 0; k < 100; k++) {
            double mid = (lo + hi) / 2;
            if (mid * Math.cos(Math.sin(2 * Math.PI * mid)) < b) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    @ParameterizedTest
    @CsvSource({"Mp1_Paraboloid,3", "Mp2_Paraboloid,6", "Mp3_Paraboloid,9"})
    void paraboloid(String name, int d) {
        PointCloud x = gen(name);
        int w = d + 1;
        for (int i = 0; i < N; i++) {
            double sum = 0;
            for (int j = 0; j < d; j++) {
                double v = x.get(i, j);
                assertTrue(v >= 0 && v <= 1);
                sum += v * v;
            }
            assertEquals(sum, x.get(i, d), 1e-12);
            for (int j = 0; j < w; j++) {
                assertEquals(Math.sin(x.get(i, j)), x.get(i, w + j), 1e-15);
                assertEquals(x.get(i, j) * x.get(i, j), x.get(i, 2 * w + j), 0.0);
            }
        }
    }

    // ---- distribution against scikit-dimension's sample ----

    record Moments(double mean, double var, double m4) {
    }

    static Map<String, List<Moments>> reference() throws IOException {
        Map<String, List<Moments>> out = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                BenchmarkManifoldsTest.class.getResourceAsStream("skdim_moments.csv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("dataset")) {
                    continue;
                }
                String[] f = line.split(",");
                out.computeIfAbsent(f[0], k -> new ArrayList<>()).add(
                        new Moments(Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4])));
            }
        }
        return out;
    }

    static List<String> benchmarkNames() {
        List<String> names = Datasets.benchmark().stream().map(Datasets.Info::name).toList();
        assertEquals(24, names.size());
        return names;
    }

    /**
     * Column means and variances of our 2,500 points against those of scikit-dimension's 2,500
     * (its own seed). Both samples are random, so the differences are judged in standard errors of
     * the difference: {@code sqrt(2 var / n)} for means, {@code sqrt(2 (m4 - var^2) / n)} for
     * variances, with 6 standard errors allowed (about 2e-9 two-sided per comparison under
     * normality; there are about 1,200 comparisons). Constant columns must agree exactly.
     */
    @ParameterizedTest
    @MethodSource("benchmarkNames")
    void columnMomentsMatchScikitDimension(String name) throws IOException {
        List<Moments> ref = reference().get(name);
        PointCloud x = gen(name);
        assertEquals(ref.size(), x.dim());
        for (int j = 0; j < x.dim(); j++) {
            double s1 = 0;
            for (int i = 0; i < N; i++) {
                s1 += x.get(i, j);
            }
            double mean = s1 / N;
            double s2 = 0;
            for (int i = 0; i < N; i++) {
                double e = x.get(i, j) - mean;
                s2 += e * e;
            }
            double var = s2 / N;
            Moments m = ref.get(j);
            if (m.var() == 0) {
                assertEquals(m.mean(), mean, 0.0, name + " column " + j + " is constant");
                assertEquals(0, var, 0.0);
                continue;
            }
            double seMean = Math.sqrt(2 * m.var() / N);
            double seVar = Math.sqrt(2 * Math.max(m.m4() - m.var() * m.var(), 0) / N);
            int col = j;
            assertEquals(m.mean(), mean, 6 * seMean, () -> name + " column " + col + " mean");
            assertEquals(m.var(), var, 6 * seVar + 1e-12, () -> name + " column " + col + " variance");
        }
    }
}
