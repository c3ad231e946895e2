package org.repgap.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Property-based tests (jqwik, seeded) of the closed-form orbit distances
 * {@code d_G(x, y) = min_g |x - g y|} of sign, signs, cyclic, perm:m and so2 (issue 12): over random groups,
 * dimensions, vectors and scales of the vectors ({@code 10^-3 .. 10^3}), {@code d_G} is symmetric, zero on the
 * diagonal, invariant under moving either argument along its orbit, and at most the Euclidean distance.
 *
 * <p>Tolerance {@code 1e-9 (|x| + |y|)}: the closed forms are sums of {@code dim <= 40} products (the cyclic one an
 * FFT correlation, so2 a modulus of complex inner products), whose rounding is about {@code 1e-16 dim |x| |y|}; the
 * distance is the square root of {@code |x|^2 + |y|^2 - 2 max <x, g y>}, which turns an absolute error {@code e}
 * of the square into at most {@code sqrt(e)}, about {@code 1e-7 (|x| + |y|)} when the distance is near 0: so
 * {@code d_G(x, x)} and {@code d_G(x, g x)} get {@code 1e-7 (|x| + |y|)}, the others (distances of order
 * {@code |x|}) {@code 1e-9}. These are the tolerances of {@code OrbitMetricPropertiesTest}, made relative to the
 * scale. Measured over these tries: at most 2.2e-16 (|x| + |y|) for every identity (so2's invariance).
 */
class OrbitDistancePropertyTest {
    private static final double TOL = 1e-9;
    private static final double NEAR_ZERO_TOL = 1e-7;

    /** A group with a dimension it acts on. */
    record Case(String spec, int dim) {
        @Override
        public String toString() {
            return spec + " on R^" + dim;
        }
    }

    @Provide
    Arbitrary<Case> groups() {
        Arbitrary<Integer> dims = Arbitraries.integers().between(1, 40);
        Arbitrary<Case> sign = dims.map(dim -> new Case("sign", dim));
        Arbitrary<Case> signs = dims.map(dim -> new Case("signs", dim));
        Arbitrary<Case> cyclic = dims.map(dim -> new Case("cyclic", dim));
        Arbitrary<Case> perm = Combinators.combine(Arbitraries.integers().between(2, 6), Arbitraries.integers().between(1, 3))
                .as((m, block) -> new Case("perm:" + m, m * block));
        Arbitrary<Case> so2 = Arbitraries.integers().between(1, 20).map(k -> new Case("so2", 2 * k));
        return Arbitraries.oneOf(sign, signs, cyclic, perm, so2);
    }

    @Property(tries = 100, seed = "1205")
    void symmetricZeroOnTheOrbitInvariantAndBelowEuclidean(@ForAll("groups") Case c,
                                                          @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                          @ForAll @DoubleRange(min = -3, max = 3) double log10Scale) {
        SymmetryGroup g = Groups.parse(c.spec());
        OrbitMetric metric = g.orbitMetric(c.dim());
        assertTrue(metric.isExact(), c + " has a closed form");
        SplittableRandom rng = new SplittableRandom(seed);
        double scale = Math.pow(10, log10Scale);
        double[] x = gaussian(c.dim(), scale, rng);
        double[] y = gaussian(c.dim(), scale, rng);
        double size = Math.sqrt(Vectors.squaredNorm(x)) + Math.sqrt(Vectors.squaredNorm(y));
        double d = metric.distance(x, y);
        GroupElement a = g.random(c.dim(), rng);
        GroupElement b = g.random(c.dim(), rng);

        assertEquals(d, metric.distance(y, x), TOL * size, "d(x, y) = d(y, x)");
        assertEquals(0, metric.distance(x, x), NEAR_ZERO_TOL * size, "d(x, x) = 0");
        assertEquals(0, metric.distance(x, a.apply(x)), NEAR_ZERO_TOL * size, "d(x, g x) = 0");
        assertEquals(d, metric.distance(a.apply(x), y), TOL * size, "d(g x, y) = d(x, y)");
        assertEquals(d, metric.distance(x, b.apply(y)), TOL * size, "d(x, h y) = d(x, y)");
        assertTrue(d <= Vectors.distance(x, y) + TOL * size, () -> "d_G = " + d + " > |x - y| = " + Vectors.distance(x, y));
        assertTrue(d >= 0, "d_G >= 0");
    }

    private static double[] gaussian(int dim, double scale, SplittableRandom rng) {
        double[] x = new double[dim];
        for (int i = 0; i < dim; i++) {
            x[i] = scale * Gaussian.next(rng);
        }
        return x;
    }
}
