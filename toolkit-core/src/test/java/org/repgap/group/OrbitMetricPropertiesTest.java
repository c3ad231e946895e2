package org.repgap.group;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property tests of every group's orbit distance over seeded Gaussian vectors. Tolerances: values are
 * O(1) to O(10), so 1e-9 absolute covers the rounding of the closed forms (the so2 single-pass
 * expansion loses at most ~1e-16 * |x|^2 / d in d, refined below d^2 / |x|^2 = 1e-6).
 */
class OrbitMetricPropertiesTest {
    private static final double TOL = 1e-9;
    private static final int PAIRS = 12;

    static List<GroupCase> cases() {
        return GroupCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void alignmentAttainsTheDistance(GroupCase c) {
        SymmetryGroup g = c.group();
        OrbitMetric metric = g.orbitMetric(c.dim());
        SplittableRandom rng = new SplittableRandom(1);
        for (int p = 0; p < PAIRS; p++) {
            double[] x = c.gaussian(rng);
            double[] y = c.gaussian(rng);
            Alignment a = metric.align(x, y);
            assertEquals(a.distance(), Vectors.distance(x, a.element().apply(y)), TOL, "|x - g y| for the returned g");
            assertEquals(a.distance(), metric.distance(x, y), TOL, "distance() vs align()");
            assertEquals(metric.isExact(), a.exact());
            double[] padded = new double[3 * c.dim()];
            System.arraycopy(x, 0, padded, 0, c.dim());
            System.arraycopy(y, 0, padded, 2 * c.dim(), c.dim());
            assertEquals(a.distance(), metric.distance(padded, 0, padded, 2 * c.dim(), c.dim()), TOL, "slice API");
            assertEquals(a.distance(), g.align(x, y).distance(), TOL, "SymmetryGroup.align");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void boundedByEuclideanAndZeroOnTheOrbit(GroupCase c) {
        SymmetryGroup g = c.group();
        OrbitMetric metric = g.orbitMetric(c.dim());
        SplittableRandom rng = new SplittableRandom(2);
        for (int p = 0; p < PAIRS; p++) {
            double[] x = c.gaussian(rng);
            double[] y = c.gaussian(rng);
            assertTrue(metric.distance(x, y) <= Vectors.distance(x, y) + TOL, "d_G <= |x - y|");
            assertEquals(0, metric.distance(x, x), TOL);
            if (metric.isExact()) {
                assertEquals(0, metric.distance(x, g.random(c.dim(), rng).apply(x)), 1e-7, "d_G(x, g x) = 0");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void invariantSymmetricAndTriangular(GroupCase c) {
        SymmetryGroup g = c.group();
        OrbitMetric metric = g.orbitMetric(c.dim());
        assumeTrue(metric.isExact(), "an upper bound from local minimisation need not be invariant");
        SplittableRandom rng = new SplittableRandom(3);
        for (int p = 0; p < PAIRS; p++) {
            double[] x = c.gaussian(rng);
            double[] y = c.gaussian(rng);
            double[] z = c.gaussian(rng);
            double d = metric.distance(x, y);
            double[] gx = g.random(c.dim(), rng).apply(x);
            double[] hy = g.random(c.dim(), rng).apply(y);
            assertEquals(d, metric.distance(gx, hy), 1e-8, "d_G(g x, h y) = d_G(x, y)");
            assertEquals(d, metric.distance(y, x), TOL, "symmetry");
            assertTrue(metric.distance(x, z) <= d + metric.distance(y, z) + TOL, "triangle inequality");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void agreesWithBruteForce(GroupCase c) {
        SymmetryGroup g = c.group();
        OrbitMetric metric = g.orbitMetric(c.dim());
        SplittableRandom rng = new SplittableRandom(4);
        // Rotation grids are refined locally (golden section, coordinate descent) to ~1e-12 in d; 1e-8 leaves margin
        // for the flat minimum (an angle error e changes d by O(e^2)).
        double gridTol = g.isFinite() ? TOL : 1e-8;
        int pairs = metric.isExact() ? 4 : 12;
        int agree = 0;
        for (int p = 0; p < pairs; p++) {
            double[] x = c.gaussian(rng);
            double[] y = c.gaussian(rng);
            double d = metric.distance(x, y);
            double brute = OrbitOracle.distance(c, x, y, rng);
            assertTrue(brute >= d - TOL || !metric.isExact(), () -> "closed form " + d + " above brute force " + brute);
            assertTrue(d >= brute - gridTol, () -> "distance " + d + " below the brute-force minimum " + brute);
            if (d <= brute + gridTol) {
                agree++;
            }
            double[] px = metric.lowerBoundEmbedding(x);
            if (px != null) {
                assertTrue(Vectors.distance(px, metric.lowerBoundEmbedding(y)) <= brute + gridTol, "embedding bound vs oracle");
            }
        }
        if (metric.isExact()) {
            assertEquals(pairs, agree);
        } else {
            // Alternation with 8 starts: measured 20/20 on this seed; allow one local minimum.
            int found = agree;
            assertTrue(found >= pairs - 1, () -> "alternating minimisation found the minimum in only " + found + " cases");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void lowerBoundEmbeddingIsInvariantAndBounds(GroupCase c) {
        SymmetryGroup g = c.group();
        OrbitMetric metric = g.orbitMetric(c.dim());
        SplittableRandom rng = new SplittableRandom(5);
        double[] probe = metric.lowerBoundEmbedding(c.gaussian(rng));
        if (c.spec().equals("none")) {
            assertEquals(null, probe, "none defers to the Euclidean kernels");
            assertTrue(metric.isEuclidean());
            return;
        }
        assertNotNull(probe);
        for (int p = 0; p < PAIRS; p++) {
            double[] x = c.gaussian(rng);
            double[] y = c.gaussian(rng);
            double[] px = metric.lowerBoundEmbedding(x);
            assertArrayEquals(px, metric.lowerBoundEmbedding(g.random(c.dim(), rng).apply(x)), 1e-9, "phi(g x) = phi(x)");
            double lb = Vectors.distance(px, metric.lowerBoundEmbedding(y));
            assertTrue(lb <= metric.distance(x, y) + TOL, () -> "|phi(x) - phi(y)| = " + lb + " > d_G");
            assertTrue(lb > 0, "a bound that is always 0 prunes nothing");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void canonicalPoseIsInvariant(GroupCase c) {
        SymmetryGroup g = c.group();
        SplittableRandom rng = new SplittableRandom(6);
        for (int p = 0; p < PAIRS; p++) {
            double[] x = c.gaussian(rng);
            double[] canon = g.canonicalize(x);
            double[] moved = g.random(c.dim(), rng).apply(x);
            assertArrayEquals(canon, g.canonicalize(moved), 1e-8, "canon(g x) = canon(x)");
            assertArrayEquals(canon, g.canonicalPose(x).apply(x), 0, "canonicalize = canonicalPose().apply()");
            assertEquals(0, Vectors.distance(g.orbitMetric(c.dim()).align(canon, x).element().apply(x), canon), 1e-7,
                    "the canonical form lies on the orbit of x");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void elementsAreIsometriesWithInverses(GroupCase c) {
        SymmetryGroup g = c.group();
        SplittableRandom rng = new SplittableRandom(7);
        for (int p = 0; p < PAIRS; p++) {
            GroupElement a = g.random(c.dim(), rng);
            GroupElement b = g.random(c.dim(), rng);
            double[] x = c.gaussian(rng);
            double[] y = c.gaussian(rng);
            assertArrayEquals(x, a.inverse().apply(a.apply(x)), 1e-12, "g^-1 g x = x");
            assertArrayEquals(x, a.apply(a.inverse().apply(x)), 1e-12, "g g^-1 x = x");
            assertArrayEquals(a.apply(b.apply(x)), a.compose(b).apply(x), 1e-12, "(g h) x = g (h x)");
            assertArrayEquals(x, a.compose(b).inverse().apply(a.compose(b).apply(x)), 1e-12, "(g h)^-1");
            assertEquals(Vectors.distance(x, y), Vectors.distance(a.apply(x), a.apply(y)), 1e-12, "isometry");
        }
    }
}
