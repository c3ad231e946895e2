package org.repgap.gap;

import java.util.SplittableRandom;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;
import org.repgap.data.PointCloud;

/** Seeded test samples of manifolds with known volume, and their exact nearest-neighbour laws. */
final class Manifolds {
    private Manifolds() {
    }

    /** {@code n} uniform points of the flat unit torus {@code [0,1)^d}. */
    static PointCloud torus(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextDouble();
        }
        return PointCloud.wrap(n, d, v, "torus" + d);
    }

    /** {@code n} uniform points of the unit sphere {@code S^d} in {@code R^(d+1)} (normalised Gaussians). */
    static PointCloud sphere(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int dim = d + 1;
        double[] v = new double[n * dim];
        for (int i = 0; i < n; i++) {
            double s;
            do {
                s = 0;
                for (int c = 0; c < dim; c++) {
                    double g = gaussian(rng);
                    v[i * dim + c] = g;
                    s += g * g;
                }
            } while (s < 1e-12);
            double inv = 1 / Math.sqrt(s);
            for (int c = 0; c < dim; c++) {
                v[i * dim + c] *= inv;
            }
        }
        return PointCloud.wrap(n, dim, v, "sphere" + d);
    }

    /** {@code n} uniform points of the cube {@code [0,1)^d} (Euclidean, with boundary). */
    static PointCloud cube(int n, int d, long seed) {
        return torus(n, d, seed).withSource("cube" + d);
    }

    static double gaussian(SplittableRandom rng) {
        double u1 = 1 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Area of the unit sphere {@code S^d}: {@code 2 pi^((d+1)/2) / Gamma((d+1)/2)}. */
    static double sphereArea(int d) {
        return 2 * Math.exp(0.5 * (d + 1) * Math.log(Math.PI) - Gamma.logGamma(0.5 * (d + 1)));
    }

    /**
     * Exact {@code E min_i |x - x_i|^2} for {@code m} uniform points of the flat unit torus
     * (valid while balls of non-negligible probability have radius below 1/2):
     * {@code Gamma(1 + 2/d) V_d^(-2/d) Gamma(m + 1) / Gamma(m + 1 + 2/d)}.
     */
    static double torusExact(int d, int m) {
        double a = 2.0 / d;
        return Gamma.gamma(1 + a) * Math.pow(AsymptoticLaw.unitBallVolume(d), -a)
                * Math.exp(Gamma.logGamma(m + 1) - Gamma.logGamma(m + 1 + a));
    }

    /** Fraction of {@code S^d} within chordal distance {@code r} of a point (a spherical cap). */
    static double capFraction(int d, double r) {
        if (r >= 2) {
            return 1;
        }
        double theta = 2 * Math.asin(r / 2);
        double s = Math.sin(theta);
        double half = 0.5 * Beta.regularizedBeta(s * s, 0.5 * d, 0.5);
        return theta <= Math.PI / 2 ? half : 1 - half;
    }

    /**
     * Exact {@code E min_i |x - x_i|^2} (chordal) for {@code m} uniform points of {@code S^d}:
     * {@code integral_0^2 2 r (1 - F(r))^m dr}, {@code F} the cap fraction, by Simpson's rule.
     */
    static double sphereExact(int d, int m) {
        return sphereExactWithOrbits(d, m, 1);
    }

    /**
     * As {@link #sphereExact} with every point replaced by {@code orbitSize} points whose caps are
     * disjoint at the relevant radii (antipodal pairs: {@code orbitSize = 2}): {@code F -> orbitSize F}.
     */
    static double sphereExactWithOrbits(int d, int m, long orbitSize) {
        double hi = 0;
        while (hi < 2 && m * orbitSize * capFraction(d, hi) < 60) {
            hi += 1e-3;
        }
        hi = Math.min(2, hi);
        int steps = 20000;
        double h = hi / steps;
        double s = 0;
        for (int i = 0; i <= steps; i++) {
            double r = i * h;
            double f = 2 * r * Math.pow(Math.max(0, 1 - orbitSize * capFraction(d, r)), m);
            s += f * (i == 0 || i == steps ? 1 : (i % 2 == 1 ? 4 : 2));
        }
        return s * h / 3;
    }
}
