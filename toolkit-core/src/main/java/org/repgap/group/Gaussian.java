package org.repgap.group;

import java.util.SplittableRandom;

/** Standard normal variates from a {@link SplittableRandom} (Marsaglia's polar method; one of each pair is used, so calls are independent). */
final class Gaussian {
    private Gaussian() {
    }

    static double next(SplittableRandom rng) {
        while (true) {
            double u = 2 * rng.nextDouble() - 1;
            double v = 2 * rng.nextDouble() - 1;
            double s = u * u + v * v;
            if (s > 0 && s < 1) {
                return u * Math.sqrt(-2 * Math.log(s) / s);
            }
        }
    }
}
