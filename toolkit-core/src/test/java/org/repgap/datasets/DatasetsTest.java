package org.repgap.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.repgap.InvalidInputException;
import org.repgap.data.PointCloud;

class DatasetsTest {
    private static final double EPS = 1e-12;

    static Stream<String> allNames() {
        return Datasets.list().stream().map(Datasets.Info::name);
    }

    @Test
    void listHasTheBenchmarkThenTheFamilies() {
        List<Datasets.Info> list = Datasets.list();
        assertEquals(31, list.size());
        assertEquals(new Datasets.Info("M1_Sphere", 10, 11, "10D sphere linearly embedded"), list.get(0));
        assertEquals("Mp3_Paraboloid", list.get(23).name());
        Set<String> names = new HashSet<>();
        for (Datasets.Info i : list) {
            assertTrue(names.add(i.name()), i.name());
            assertTrue(i.intrinsicDim() >= 1 && i.intrinsicDim() <= i.ambientDim(), i.toString());
        }
        assertEquals(List.of("sphere:2", "torus:2", "ball:3", "cube:3", "swissroll", "rotating-pair", "subspace:10:100"),
                list.subList(24, 31).stream().map(Datasets.Info::name).toList());
        assertEquals(31, Datasets.templates().size());
        assertEquals("sphere:d", Datasets.templates().get(24).name());
    }

    @ParameterizedTest
    @MethodSource("allNames")
    void shapeAndDeterminism(String name) {
        Datasets.Info info = Datasets.info(name);
        PointCloud a = Datasets.generate(name, 300, 17);
        assertEquals(300, a.n());
        assertEquals(info.ambientDim(), a.dim());
        assertArrayEquals(a.values(), Datasets.generate(name, 300, 17).values(), "same seed, same points");
        assertArrayEquals(a.values(), Datasets.generate(name, 300, 17, Datasets.Options.DEFAULT).values());
        assertFalse(java.util.Arrays.equals(a.values(), Datasets.generate(name, 300, 18).values()), "another seed, other points");
        assertEquals(a.dim(), Datasets.generate(name.toUpperCase(java.util.Locale.ROOT), 5, 1).dim(), "names ignore case");
    }

    @ParameterizedTest
    @CsvSource({"sphere:1, 1, 2", "sphere:5, 5, 6", "torus:3, 3, 6", "ball:4, 4, 4", "cube:7, 7, 7", "swissroll, 2, 3",
        "subspace:10:100, 10, 100", "SUBSPACE:2:2, 2, 2", "m7_roll, 2, 3"})
    void infoOfParameterisedNames(String name, int id, int ambient) {
        Datasets.Info info = Datasets.info(name);
        assertEquals(id, info.intrinsicDim());
        assertEquals(ambient, info.ambientDim());
        assertEquals(ambient, Datasets.generate(name, 3, 0).dim());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nosuch | unknown dataset 'nosuch'; known: M1_Sphere, M2_Affine_3to5",
        "sphere | expected sphere:d with a positive integer, e.g. sphere:2",
        "sphere:0 | 'sphere:0': '0' is not a dimension",
        "torus:x | 'torus:x': 'x' is not a dimension",
        "ball:2:3 | expected ball:d with a positive integer",
        "subspace:5 | expected subspace:d:D with two positive integers, e.g. subspace:10:100",
        "subspace:5:3 | the ambient dimension D = 3 is less than d = 5",
        "' ' | unknown dataset",
    })
    void badNamesAreExplained(String name, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Datasets.generate(name, 10, 1));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void unknownNameListsEveryKnownName() {
        String msg = assertThrows(InvalidInputException.class, () -> Datasets.generate("M14", 10, 1)).getMessage();
        for (Datasets.Template t : Datasets.templates()) {
            assertTrue(msg.contains(t.name()), t.name());
        }
    }

    @Test
    void badOptionsAreExplained() {
        assertTrue(assertThrows(InvalidInputException.class, () -> Datasets.generate("cube:3", 0, 1)).getMessage()
                .contains("n: 0 points is not allowed"));
        assertTrue(assertThrows(InvalidInputException.class, () -> Datasets.generate("cube:3", 5, 1, -1, 0)).getMessage()
                .contains("noise: -1.0 is not allowed"));
        assertTrue(assertThrows(InvalidInputException.class, () -> Datasets.generate("cube:3", 5, 1, Double.NaN, 0)).getMessage()
                .contains("noise: NaN is not allowed"));
        assertTrue(assertThrows(InvalidInputException.class, () -> Datasets.generate("M1_Sphere", 5, 1, 0, 10)).getMessage()
                .contains("ambient dimension: 10 is less than the native ambient dimension 11 of M1_Sphere"));
        assertTrue(assertThrows(InvalidInputException.class, () -> new Datasets.Options(0, -2)).getMessage()
                .contains("ambient dimension: -2"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 12})
    void sphereHasUnitNormAndZeroMean(int d) {
        PointCloud x = Datasets.generate("sphere:" + d, 4000, d);
        double[] mean = new double[d + 1];
        for (int i = 0; i < x.n(); i++) {
            assertEquals(1.0, norm(x.row(i)), EPS);
            for (int j = 0; j <= d; j++) {
                mean[j] += x.get(i, j) / x.n();
            }
        }
        // each coordinate has variance 1/(d+1): 5 standard errors of the mean
        for (double m : mean) {
            assertEquals(0, m, 5 * Math.sqrt(1.0 / (d + 1) / x.n()));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8})
    void torusCoordinatePairsHaveRadiusOneOverTwoPiAndUniformAngles(int d) {
        PointCloud x = Datasets.generate("torus:" + d, 4000, 3);
        double r = 1 / (2 * Math.PI);
        int firstQuadrant = 0;
        for (int i = 0; i < x.n(); i++) {
            for (int j = 0; j < d; j++) {
                assertEquals(r, Math.hypot(x.get(i, 2 * j), x.get(i, 2 * j + 1)), EPS);
            }
            firstQuadrant += x.get(i, 0) > 0 && x.get(i, 1) > 0 ? 1 : 0;
        }
        // P(first quadrant) = 1/4, binomial standard deviation sqrt(n/4 * 3/4)
        assertEquals(x.n() / 4.0, firstQuadrant, 5 * Math.sqrt(x.n() * 3 / 16.0));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 10})
    void ballIsUniform(int d) {
        PointCloud x = Datasets.generate("ball:" + d, 5000, 9);
        int inner = 0;
        for (int i = 0; i < x.n(); i++) {
            double r = norm(x.row(i));
            assertTrue(r <= 1 + EPS);
            inner += r <= Math.pow(0.5, 1.0 / d) ? 1 : 0;
        }
        // half of the volume lies within radius 2^(-1/d)
        assertEquals(x.n() / 2.0, inner, 5 * Math.sqrt(x.n() / 4.0));
    }

    @Test
    void cubeAndSubspace() {
        PointCloud cube = Datasets.generate("cube:4", 1000, 5);
        for (double v : cube.values()) {
            assertTrue(v >= 0 && v < 1);
        }
        // subspace:d:D draws the same cube points (same stream) and rotates them: distances are kept
        PointCloud sub = Datasets.generate("subspace:4:9", 1000, 5);
        assertEquals(9, sub.dim());
        assertDistancesEqual(cube, sub);
        double[] mean = new double[9];
        for (int i = 0; i < sub.n(); i++) {
            for (int j = 0; j < 9; j++) {
                mean[j] += sub.get(i, j);
            }
        }
        boolean spread = false;
        for (double m : mean) {
            spread |= Math.abs(m / sub.n()) > 1e-3;
        }
        assertTrue(spread, "the rotation is not the identity padding");
    }

    @Test
    void ambientRotationKeepsDistancesAndNorms() {
        PointCloud native2 = Datasets.generate("sphere:2", 500, 4);
        PointCloud rotated = Datasets.generate("sphere:2", 500, 4, 0, 10);
        assertEquals(10, rotated.dim());
        assertDistancesEqual(native2, rotated);
        for (int i = 0; i < rotated.n(); i++) {
            assertEquals(1.0, norm(rotated.row(i)), EPS);
        }
        // with ambient = native the data are turned, not padded
        PointCloud same = Datasets.generate("sphere:2", 500, 4, 0, 3);
        assertDistancesEqual(native2, same);
        assertFalse(java.util.Arrays.equals(native2.values(), same.values()));
    }

    @Test
    void noiseIsGaussianWithTheGivenDeviation() {
        double sigma = 0.05;
        PointCloud clean = Datasets.generate("M7_Roll", 20_000, 8, 0, 5);
        PointCloud noisy = Datasets.generate("M7_Roll", 20_000, 8, sigma, 5);
        double s1 = 0;
        double s2 = 0;
        int m = clean.values().length;
        for (int i = 0; i < m; i++) {
            double e = noisy.values()[i] - clean.values()[i];
            s1 += e;
            s2 += e * e;
        }
        double mean = s1 / m;
        double sd = Math.sqrt(s2 / m - mean * mean);
        assertEquals(0, mean, 5 * sigma / Math.sqrt(m));
        // the sample standard deviation has relative standard error 1/sqrt(2m)
        assertEquals(sigma, sd, 5 * sigma / Math.sqrt(2.0 * m));
        assertTrue(noisy.source().contains("noise"));
    }

    @Test
    void rotatingPairSatisfiesItsDefinition() {
        PointCloud x = Datasets.generate("rotating-pair", 5_000, 3);
        assertEquals(4, x.dim());
        double sumR = 0;
        for (int i = 0; i < x.n(); i++) {
            assertEquals(1, Math.hypot(x.get(i, 0), x.get(i, 1)), 1e-12);
            double r = Math.hypot(x.get(i, 2), x.get(i, 3));
            assertTrue(r >= 1 - EPS && r <= 2 + EPS, "radius " + r);
            sumR += r;
        }
        // r - 1 ~ U[0, 1]: mean 1.5, standard error sqrt(1/12/n)
        assertEquals(1.5, sumR / x.n(), 5 * Math.sqrt(1.0 / 12 / x.n()));
        // the relative angle p is independent of t: the mean of cos(p) is 0 (standard error 1/sqrt(2n))
        double sumCos = 0;
        for (int i = 0; i < x.n(); i++) {
            double t = Math.atan2(x.get(i, 1), x.get(i, 0));
            double tp = Math.atan2(x.get(i, 3), x.get(i, 2));
            sumCos += Math.cos(tp - t);
        }
        assertEquals(0, sumCos / x.n(), 5 / Math.sqrt(2.0 * x.n()));
    }

    @Test
    void swissRollIsUniformInArea() {
        PointCloud x = Datasets.generate("swissroll", 20_000, 12);
        double sumT = 0;
        for (int i = 0; i < x.n(); i++) {
            double t = Math.hypot(x.get(i, 0), x.get(i, 2));
            assertTrue(t >= 1.5 * Math.PI - EPS && t <= 4.5 * Math.PI + EPS);
            assertEquals(Math.cos(t) * t, x.get(i, 0), 1e-9);
            assertTrue(x.get(i, 1) >= 0 && x.get(i, 1) < 21);
            sumT += t;
        }
        // E[t] under the density sqrt(1+t^2) on [1.5 pi, 4.5 pi], by closed forms:
        // int sqrt(1+t^2) = (t sqrt(1+t^2) + asinh t)/2, int t sqrt(1+t^2) = (1+t^2)^(3/2)/3
        double a = 1.5 * Math.PI;
        double b = 4.5 * Math.PI;
        double z = (b * Math.sqrt(1 + b * b) + asinh(b) - a * Math.sqrt(1 + a * a) - asinh(a)) / 2;
        double m1 = (Math.pow(1 + b * b, 1.5) - Math.pow(1 + a * a, 1.5)) / 3 / z;
        double uniformMean = 3 * Math.PI; // what M7_Roll (t uniform) would give
        double se = (b - a) / Math.sqrt(12) / Math.sqrt(x.n());
        assertEquals(m1, sumT / x.n(), 5 * se);
        assertTrue(Math.abs(uniformMean - m1) > 20 * se, "the test can tell the two laws apart");
    }

    private static double asinh(double t) {
        return Math.log(t + Math.sqrt(t * t + 1));
    }

    @ParameterizedTest
    @CsvSource({
        "sphere:1, 6.283185307179586", // 2 pi
        "sphere:2, 12.566370614359172", // 4 pi
        "sphere:3, 19.739208802178716", // 2 pi^2
        "M1_Sphere, 20.725142673288897", // 2 pi^(11/2) / Gamma(11/2), Python math
        "ball:1, 2", "ball:2, 3.141592653589793", "ball:3, 4.1887902047863905", // 4 pi / 3
        "torus:5, 1", "cube:4, 1", "subspace:3:9, 1",
        "M9_Affine, 95367431640625", // 5^20
        "M13b_Spiral, 3141.749729295678", // 10 pi sqrt(10001)
    })
    void uniformVolumesInClosedForm(String name, double expected) {
        assertEquals(expected, Datasets.uniformVolume(name).orElseThrow(), 1e-12 * expected);
    }

    /** The swiss roll's area and the affine 3-volume, by independent numerical integration. */
    @Test
    void uniformVolumesByQuadrature() {
        // arc length of (t cos t, t sin t) by Simpson's rule on 20,000 intervals (error ~1e-12)
        double a = 1.5 * Math.PI;
        double b = 4.5 * Math.PI;
        int m = 20_000;
        double h = (b - a) / m;
        double sum = 0;
        for (int i = 0; i <= m; i++) {
            double t = a + i * h;
            double w = i == 0 || i == m ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += w * Math.sqrt(1 + t * t);
        }
        assertEquals(21 * sum * h / 3, Datasets.uniformVolume("swissroll").orElseThrow(), 1e-8);
        // M2: the image of [0,4]^3 under A; |A e1 x A e2 . ...| via the Cauchy-Binet sum of squared 3x3 minors
        double[][] aMat = {{1.2, -0.5, 0}, {0.5, 0.9, 0}, {-0.5, -0.2, 1}, {0.4, -0.9, -0.1}, {1.1, -0.3, 0}};
        double sq = 0;
        for (int r0 = 0; r0 < 5; r0++) {
            for (int r1 = r0 + 1; r1 < 5; r1++) {
                for (int r2 = r1 + 1; r2 < 5; r2++) {
                    double[] x = aMat[r0];
                    double[] y = aMat[r1];
                    double[] z = aMat[r2];
                    double minor = x[0] * (y[1] * z[2] - y[2] * z[1]) - x[1] * (y[0] * z[2] - y[2] * z[0]) + x[2] * (y[0] * z[1] - y[1] * z[0]);
                    sq += minor * minor;
                }
            }
        }
        assertEquals(64 * Math.sqrt(sq), Datasets.uniformVolume("M2_Affine_3to5").orElseThrow(), 1e-9);
        assertTrue(Datasets.uniformVolume("M7_Roll").isEmpty());
        assertTrue(Datasets.uniformVolume("M10a_Cubic").isEmpty());
    }

    /**
     * Uniformity and volume together: for n uniform points on a boundaryless d-manifold of volume
     * |M|, the leave-one-out mean squared nearest-neighbour distance tends to
     * {@code Gamma(1 + 2/d) (|M| / (V_d (n - 1)))^(2/d)} (docs/THEORY.md, section 4). At these n
     * the curvature corrections are below 1% (chord vs arc at the neighbour scale); the tolerance
     * is 6 standard errors of the mean of n squared distances (each about as spread as its mean).
     */
    @ParameterizedTest
    @CsvSource({"torus:2, 2", "sphere:2, 2", "torus:3, 3"})
    void nearestNeighbourLawMatchesTheVolume(String name, int d) {
        int n = 4000;
        PointCloud x = Datasets.generate(name, n, 31);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    best = Math.min(best, x.squaredDistance(i, j));
                }
            }
            sum += best;
        }
        double measured = sum / n;
        double vd = Math.pow(Math.PI, d / 2.0) / org.apache.commons.math3.special.Gamma.gamma(d / 2.0 + 1);
        double volume = Datasets.uniformVolume(name).orElseThrow();
        double expected = org.apache.commons.math3.special.Gamma.gamma(1 + 2.0 / d) * Math.pow(volume / (vd * (n - 1)), 2.0 / d);
        assertEquals(expected, measured, 6 * expected / Math.sqrt(n), name);
    }

    @Test
    void randomRotationHasOrthonormalColumns() {
        RandomRotation q = RandomRotation.of(4, 7, new Sampler(new SplittableRandom(1)));
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                double dot = 0;
                for (int i = 0; i < 7; i++) {
                    dot += q.entry(i, a) * q.entry(i, b);
                }
                assertEquals(a == b ? 1 : 0, dot, EPS);
            }
        }
    }

    /** Haar measure: the first column of a random rotation is uniform on the sphere, so E[q_00^2] = 1/D. */
    @Test
    void randomRotationIsUnbiased() {
        SplittableRandom root = new SplittableRandom(2);
        int trials = 4000;
        double s = 0;
        double sum00 = 0;
        for (int t = 0; t < trials; t++) {
            RandomRotation q = RandomRotation.of(2, 3, new Sampler(root.split()));
            s += q.entry(0, 0) * q.entry(0, 0);
            sum00 += q.entry(0, 0);
        }
        // q_00^2 ~ Beta(1/2, 1) for D = 3: mean 1/3, variance 4/45
        assertEquals(1.0 / 3, s / trials, 5 * Math.sqrt(4.0 / 45 / trials));
        // the sign fix makes q_00 symmetric about 0 (without it, QR tends to give one sign)
        assertEquals(0, sum00 / trials, 5 * Math.sqrt(1.0 / 3 / trials));
    }

    @Test
    void samplerMomentsMatchClosedForms() {
        Sampler s = new Sampler(new SplittableRandom(3));
        int n = 100_000;
        double[] gamma = moments(n, () -> s.gamma(0.5));
        assertEquals(0.5, gamma[0], 5 * Math.sqrt(0.5 / n));
        assertEquals(0.5, gamma[1], 0.02);
        double[] g3 = moments(n, () -> s.gamma(3));
        assertEquals(3, g3[0], 5 * Math.sqrt(3.0 / n));
        assertEquals(3, g3[1], 0.1);
        // Beta(10, 1/2): mean a/(a+b), variance ab/((a+b)^2 (a+b+1))
        double[] beta = moments(n, () -> s.beta(10, 0.5));
        double var = 10 * 0.5 / (10.5 * 10.5 * 11.5);
        assertEquals(10 / 10.5, beta[0], 5 * Math.sqrt(var / n));
        assertEquals(var, beta[1], 0.05 * var);
        double[] ex = moments(n, s::exponential);
        assertEquals(1, ex[0], 5 * Math.sqrt(1.0 / n));
        double[] g = moments(n, s::gaussian);
        assertEquals(0, g[0], 5 * Math.sqrt(1.0 / n));
        assertEquals(1, g[1], 0.02);
    }

    private static double[] moments(int n, java.util.function.DoubleSupplier f) {
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < n; i++) {
            double v = f.getAsDouble();
            s1 += v;
            s2 += v * v;
        }
        double mean = s1 / n;
        return new double[] {mean, s2 / n - mean * mean};
    }

    static void assertDistancesEqual(PointCloud a, PointCloud b) {
        assertEquals(a.n(), b.n());
        for (int i = 0; i < Math.min(a.n(), 200); i++) {
            for (int j = 0; j < i; j++) {
                assertEquals(Math.sqrt(a.squaredDistance(i, j)), Math.sqrt(b.squaredDistance(i, j)), 1e-12, i + "," + j);
            }
        }
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
