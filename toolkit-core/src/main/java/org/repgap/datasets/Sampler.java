package org.repgap.datasets;

import java.util.SplittableRandom;

/**
 * Random variates from one {@link SplittableRandom} stream, with {@link StrictMath} so that a seed
 * gives the same numbers on every JVM and processor. Not thread-safe: one sampler per task.
 */
final class Sampler {
    private final SplittableRandom random;
    private double spareGaussian;
    private boolean hasSpare;

    Sampler(SplittableRandom random) {
        this.random = random;
    }

    /** Uniform on [0, 1): {@code 53} random bits. */
    double uniform() {
        return random.nextDouble();
    }

    /** Uniform on (0, 1]: safe as the argument of a logarithm. */
    double uniformOpenAtZero() {
        return 1.0 - random.nextDouble();
    }

    /** Standard normal by Marsaglia's polar method (pairs; the second one is kept for the next call). */
    double gaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spareGaussian = v * f;
        hasSpare = true;
        return u * f;
    }

    /** Exponential with rate 1: {@code -log(U)}, {@code U} uniform on (0, 1]. */
    double exponential() {
        return -StrictMath.log(uniformOpenAtZero());
    }

    /**
     * Gamma with shape {@code a > 0} and scale 1: Marsaglia and Tsang (2000), "A simple method for
     * generating gamma variables", ACM TOMS 26(3), doi:10.1145/358407.358414; for {@code a < 1} the
     * boost {@code Gamma(a) = Gamma(a + 1) U^(1/a)}.
     */
    double gamma(double a) {
        if (a < 1) {
            return gamma(a + 1) * StrictMath.pow(uniformOpenAtZero(), 1 / a);
        }
        double d = a - 1.0 / 3;
        double c = 1 / StrictMath.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = gaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = uniformOpenAtZero();
            if (u < 1 - 0.0331 * x * x * x * x || StrictMath.log(u) < 0.5 * x * x + d * (1 - v + StrictMath.log(v))) {
                return d * v;
            }
        }
    }

    /** Beta(a, b) as {@code X / (X + Y)} with {@code X ~ Gamma(a)}, {@code Y ~ Gamma(b)}. */
    double beta(double a, double b) {
        double x = gamma(a);
        double y = gamma(b);
        return x / (x + y);
    }

    /** Fills {@code out[off, off + len)} with a point uniform on the unit sphere {@code S^(len-1)}. */
    void unitVector(double[] out, int off, int len) {
        double norm2;
        do {
            norm2 = 0;
            for (int j = 0; j < len; j++) {
                double g = gaussian();
                out[off + j] = g;
                norm2 += g * g;
            }
        } while (norm2 == 0);
        double inv = 1 / StrictMath.sqrt(norm2);
        for (int j = 0; j < len; j++) {
            out[off + j] *= inv;
        }
    }
}
