package org.repgap.id;

import java.util.SplittableRandom;
import org.repgap.data.PointCloud;

/** Seeded point clouds of known intrinsic dimension for the tests. */
final class TestClouds {
    private TestClouds() {
    }

    /** Uniform in the unit cube {@code [0,1]^d}, padded with {@code ambient - d} zero coordinates. */
    static PointCloud cube(int n, int d, int ambient, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[n * ambient];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                v[i * ambient + c] = rng.nextDouble();
            }
        }
        return PointCloud.wrap(n, ambient, v, "cube" + d);
    }

    /** Uniform on the unit sphere {@code S^d} in {@code R^(d+1)} (normalised Gaussian vectors). */
    static PointCloud sphere(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int D = d + 1;
        double[] v = new double[n * D];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int c = 0; c < D; c++) {
                double g = gaussian(rng);
                v[i * D + c] = g;
                s += g * g;
            }
            double norm = Math.sqrt(s);
            for (int c = 0; c < D; c++) {
                v[i * D + c] /= norm;
            }
        }
        return PointCloud.wrap(n, D, v, "sphere" + d);
    }

    /** Uniform on the flat torus {@code (cos a, sin a, cos b, sin b)} in {@code R^4}: dimension 2, no boundary, no curvature. */
    static PointCloud flatTorus(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[n * 4];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * rng.nextDouble();
            double b = 2 * Math.PI * rng.nextDouble();
            v[4 * i] = Math.cos(a);
            v[4 * i + 1] = Math.sin(a);
            v[4 * i + 2] = Math.cos(b);
            v[4 * i + 3] = Math.sin(b);
        }
        return PointCloud.wrap(n, 4, v, "flat torus");
    }

    /** Standard normal by Box-Muller. */
    static double gaussian(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /** The cloud with {@code copies} of its first rows appended (exact duplicates). */
    static PointCloud withDuplicates(PointCloud x, int copies) {
        int[] rows = new int[x.n() + copies];
        for (int i = 0; i < x.n(); i++) {
            rows[i] = i;
        }
        for (int c = 0; c < copies; c++) {
            rows[x.n() + c] = (c * 7) % x.n();
        }
        return x.select(rows);
    }
}
