package org.repgap.quantization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.repgap.InvalidInputException;
import org.repgap.data.PointCloud;
import org.repgap.json.Json;

class QuantizationEstimatorTest {

    static PointCloud cube(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextDouble();
        }
        return PointCloud.wrap(n, d, v, "cube" + d);
    }

    static PointCloud sphere(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int dim = d + 1;
        double[] v = new double[n * dim];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int c = 0; c < dim; c++) {
                double g = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
                v[i * dim + c] = g;
                s += g * g;
            }
            for (int c = 0; c < dim; c++) {
                v[i * dim + c] /= Math.sqrt(s);
            }
        }
        return PointCloud.wrap(n, dim, v, "sphere" + d);
    }

    /** The flat torus T^d embedded isometrically (up to scale) as a product of d unit circles in R^(2d). */
    static PointCloud torus(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[n * 2 * d];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                double a = 2 * Math.PI * rng.nextDouble();
                v[i * 2 * d + 2 * c] = Math.cos(a);
                v[i * 2 * d + 2 * c + 1] = Math.sin(a);
            }
        }
        return PointCloud.wrap(n, 2 * d, v, "torus" + d);
    }

    /**
     * d recovered from 4,000 uniform points with the default range (k = 6..100), seed 1. Stated
     * tolerances, as ratio estimate/d, from the bias analysis in {@link QuantizationEstimator}'s
     * Javadoc: cubes within 10% (boundary pulls down); spheres in [0.95, 1.20] (curvature pushes
     * up); embedded tori in [0.95, 1.15] for d <= 2 and in [1.0, 1.8] for d >= 3, where the
     * product of circles is far from flat at the scale of 100 cells (k^(1/d) < 5 cells per circle).
     * Measured (2026-11-27): cube 1.034 2.013 2.966 3.777 4.631; sphere 1.041 2.130 3.258 4.517 5.740;
     * torus 1.042 2.197 3.776 5.978 8.402. The d = 1 excess is Lloyd's slow convergence in 1-D.
     */
    @ParameterizedTest(name = "{0} d={1}")
    @CsvSource({
        "cube,1,0.90,1.10", "cube,2,0.90,1.10", "cube,3,0.90,1.10", "cube,4,0.90,1.10", "cube,5,0.90,1.10",
        "sphere,1,0.95,1.20", "sphere,2,0.95,1.20", "sphere,3,0.95,1.20", "sphere,4,0.95,1.20", "sphere,5,0.95,1.20",
        "torus,1,0.95,1.15", "torus,2,0.95,1.15", "torus,3,1.0,1.8", "torus,4,1.0,1.8", "torus,5,1.0,1.8"})
    void recoversDimension(String kind, int d, double low, double high) {
        PointCloud x = switch (kind) {
            case "cube" -> cube(4000, d, 1);
            case "sphere" -> sphere(4000, d, 1);
            default -> torus(4000, d, 1);
        };
        QuantizationResult r = QuantizationEstimator.estimate(x, QuantizationEstimator.Options.defaults(1));
        double ratio = r.dimension() / d;
        assertTrue(ratio >= low && ratio <= high, kind + " d=" + d + ": estimate " + r.dimension());
        assertTrue(r.ciLow() <= r.dimension() && r.dimension() <= r.ciHigh());
        assertEquals(6, r.kMin());
        assertEquals(100, r.kMax());
        assertEquals(2000, r.testPoints());
        for (int j = 1; j < r.distortions().size(); j++) {
            assertTrue(r.distortions().get(j).distortion() < r.distortions().get(j - 1).distortion(), "distortion falls with k");
        }
    }

    @Test
    void sameSeedSameResultAndSerialises() {
        PointCloud x = sphere(1000, 2, 3);
        QuantizationEstimator.Options o = QuantizationEstimator.Options.defaults(7);
        QuantizationResult a = QuantizationEstimator.estimate(x, o);
        QuantizationResult b = QuantizationEstimator.estimate(x, o);
        assertEquals(a.dimension(), b.dimension());
        assertEquals(a.distortions(), b.distortions());
        String json = Json.write(a);
        assertTrue(json.contains("\"k_min\"") && json.contains("\"distortions\"") && json.contains("\"provenance\""), json);
    }

    @Test
    void kMeansFindsSeparatedClustersAndIsDeterministic() {
        double[][] centres = {{0, 0}, {10, 0}, {0, 10}};
        SplittableRandom rng = new SplittableRandom(5);
        double[][] rows = new double[300][];
        for (int i = 0; i < 300; i++) {
            double[] c = centres[i % 3];
            rows[i] = new double[] {c[0] + 0.1 * (rng.nextDouble() - 0.5), c[1] + 0.1 * (rng.nextDouble() - 0.5)};
        }
        PointCloud x = PointCloud.of(rows);
        KMeans.Codebook a = KMeans.fit(x, 3, KMeans.Options.defaults(), new SplittableRandom(1));
        KMeans.Codebook b = KMeans.fit(x, 3, KMeans.Options.defaults(), new SplittableRandom(1));
        assertArrayEquals(a.centers(), b.centers(), 0);
        // uniform noise of width 0.1 in 2 coordinates: distortion 2 * 0.1^2 / 12
        assertEquals(2 * 0.01 / 12, a.distortion(), 2e-4);
        assertTrue(a.converged());
        double[] err = a.squaredErrors(PointCloud.of(new double[][] {{10, 0.5}}));
        assertEquals(0.25, err[0], 0.01);
    }

    @Test
    void emptyClustersAreReseededOnDuplicates() {
        double[][] rows = new double[20][];
        for (int i = 0; i < 20; i++) {
            rows[i] = new double[] {i < 15 ? 0 : 1, 0};
        }
        KMeans.Codebook c = KMeans.fit(PointCloud.of(rows), 4, KMeans.Options.defaults(), new SplittableRandom(2));
        assertEquals(0, c.distortion(), 0);
    }

    @Test
    void badSettingsAreNamed() {
        PointCloud x = cube(30, 2, 1);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> QuantizationEstimator.estimate(x, QuantizationEstimator.Options.defaults(1)));
        assertTrue(e.getMessage().contains("too few"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> QuantizationEstimator.Options.defaults(1).withRange(10, 5));
        assertThrows(InvalidInputException.class, () -> KMeans.fit(x, 31, KMeans.Options.defaults(), new SplittableRandom(1)));
        assertThrows(InvalidInputException.class, () -> new KMeans.Options(0, 1e-6));
    }
}
