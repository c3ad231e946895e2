package org.repgap.group;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.repgap.InvalidInputException;

/** Spec parsing, dimension checks, group orders and element lists. */
class GroupsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "none|none", "NONE|none", " so2 |so2", "SO3|so3", "sign|sign", "Signs|signs", "cyclic|cyclic", "Dihedral|dihedral",
        "perm:8|perm:8", "PERM: 3|perm:3", "translation:2|translation:2", "translation:2xso2|translation:2xso2",
        "so2xtranslation:2|translation:2xso2", "so2 * Translation:2|translation:2xso2", "nonexso2|so2",
        "perm:8xso2|perm:8xso2", "so3xperm:4xsign|signxperm:4xso3", "cyclicxsign|signxcyclic",
        "translation:2xperm:4|translation:2xperm:4"})
    void parsesCaseInsensitivelyToCanonicalSpecs(String written, String canonical) {
        SymmetryGroup g = Groups.parse(written);
        assertEquals(canonical, g.spec());
        assertEquals(canonical, SymmetryGroup.parse(g.spec()).spec(), "round trip");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "so4|--group so4: unknown group 'so4' (known: none, sign, signs, cyclic, dihedral, perm:m, translation:k, so2, so3, and products joined by x such as translation:2xso2)",
        "perm|--group perm: perm needs the number of points, e.g. perm:8",
        "perm:two|--group perm:two: 'two' in perm:two is not an integer (the number of points, e.g. perm:8)",
        "perm:0|--group perm:0: the number of points must be at least 1 in perm:0",
        "translation|--group translation: translation needs the point dimension, e.g. translation:2",
        "so2xso3|--group so2xso3: so2 and so3 do not combine (supported products: sign with any group but signs; translation:k with perm:m, so2 (k = 2) or so3 (k = 3); perm:m with so2 or so3)",
        "translation:3xso2|--group translation:3xso2: translation:3 and so2 do not combine (supported products: sign with any group but signs; translation:k with perm:m, so2 (k = 2) or so3 (k = 3); perm:m with so2 or so3)",
        "cyclicxperm:4|--group cyclicxperm:4: cyclic and perm:4 do not combine (supported products: sign with any group but signs; translation:k with perm:m, so2 (k = 2) or so3 (k = 3); perm:m with so2 or so3)",
        "so2xso2|--group so2xso2: so2 appears twice in the product",
        "so2x|--group so2x: unknown group '' (known: none, sign, signs, cyclic, dihedral, perm:m, translation:k, so2, so3, and products joined by x such as translation:2xso2)"})
    void rejectsBadSpecsWithTeachingMessages(String spec, String message) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Groups.parse(spec));
        assertEquals(message, e.getMessage());
    }

    @Test
    void rejectsEmptySpec() {
        assertTrue(assertThrows(InvalidInputException.class, () -> Groups.parse(" ")).getMessage().contains("known: none"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "perm:8|30|--group perm:8: dimension 30 is not a multiple of 8",
        "so2|7|--group so2: dimension 7 is not a multiple of 2",
        "so3|10|--group so3: dimension 10 is not a multiple of 3",
        "translation:3|8|--group translation:3: dimension 8 is not a multiple of 3",
        "cyclic|0|--group cyclic: dimension 0 must be at least 1",
        "perm:4xso2|12|--group perm:4xso2: dimension 12 gives points of R^3 for perm:4, which so2 cannot act on (it needs points made of blocks of 2; use a dimension that is a multiple of 8)",
        "translation:2xso2|9|--group translation:2xso2: dimension 9 is not a multiple of 2 (required by translation:2)",
        "perm:4xso2|0|--group perm:4xso2: dimension 0 must be at least 1"})
    void checkDimensionNamesGroupAndDimension(String spec, int dim, String message) {
        SymmetryGroup g = Groups.parse(spec);
        assertEquals(message, assertThrows(InvalidInputException.class, () -> g.checkDimension(dim)).getMessage());
        assertEquals(message, assertThrows(InvalidInputException.class, () -> g.orbitMetric(dim)).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "none|5|1|0", "sign|5|2|0", "signs|5|32|0", "cyclic|7|7|0", "dihedral|7|14|0", "dihedral|2|2|0", "perm:4|8|24|0",
        "perm:8|16|40320|0", "signxperm:3|6|12|0", "so2|4|-1|1", "so3|6|-1|3", "translation:2|4|-1|2",
        "translation:2xso2|4|-1|3", "translation:3xso3|6|-1|6", "perm:5xso2|10|-1|1"})
    void ordersAndLieDimensions(String spec, int dim, long order, int lie) {
        SymmetryGroup g = Groups.parse(spec);
        assertEquals(order, g.order(dim));
        assertEquals(order > 0, g.isFinite());
        assertEquals(lie, g.lieDimension(dim));
        if (order > 0) {
            assertEquals(order, g.elements(dim, 0).size());
        }
    }

    @Test
    void exactnessIsReportedPerGroup() {
        assertFalse(Groups.parse("perm:5xso2").orbitMetric(10).isExact());
        assertFalse(Groups.parse("translation:3xperm:6xso3").orbitMetric(18).isExact());
        assertTrue(Groups.parse("perm:4xso2").orbitMetric(8).isExact(), "perm:4 is enumerated (24 elements)");
        assertTrue(Groups.parse("translation:2xso2").orbitMetric(8).isExact(), "centring then Procrustes");
        assertTrue(Groups.parse("translation:2xperm:8").orbitMetric(16).isExact(), "centring then assignment");
        assertEquals("orbit[translation:2xso2]", Groups.parse("translation:2xso2").orbitMetric(8).name());
        assertEquals("euclidean", Groups.none().orbitMetric(8).name());
    }

    @Test
    void listingLimits() {
        InvalidInputException perm = assertThrows(InvalidInputException.class, () -> Groups.perm(9).elements(9, 0));
        assertEquals("--group perm:9: 9! permutations are too many to list (at most m = 8 points, 8! = 40320 elements); "
                + "use the orbit distance or random elements instead", perm.getMessage());
        assertTrue(assertThrows(InvalidInputException.class, () -> Groups.signs().elements(17, 0)).getMessage()
                .contains("2^17 sign vectors"));
        UnsupportedOperationException tr = assertThrows(UnsupportedOperationException.class,
                () -> Groups.translation(2).elements(4, 10));
        assertTrue(tr.getMessage().contains("not compact"));
        assertThrows(UnsupportedOperationException.class, () -> Groups.parse("translation:2xso2").elements(4, 10));
        assertEquals(9, Groups.so3().elements(3, 9).size());
        assertEquals(10, Groups.so2().elements(2, 10).size());
    }

    static List<GroupCase> finiteCases() {
        return List.of(new GroupCase("sign", 4), new GroupCase("signs", 4), new GroupCase("cyclic", 6), new GroupCase("dihedral", 5),
                new GroupCase("perm:4", 8), new GroupCase("signxperm:3", 3), new GroupCase("signxdihedral", 4),
                new GroupCase("none", 3));
    }

    /** Closure, identity and inverses of the listed elements, identified by their action on a generic vector. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("finiteCases")
    void finiteElementListsFormAGroup(GroupCase c) {
        SymmetryGroup g = c.group();
        List<GroupElement> all = g.elements(c.dim(), 0);
        double[] probe = c.gaussian(new SplittableRandom(9));
        List<double[]> images = all.stream().map(e -> e.apply(probe)).toList();
        for (int i = 0; i < images.size(); i++) {
            for (int j = i + 1; j < images.size(); j++) {
                assertTrue(Vectors.distance(images.get(i), images.get(j)) > 1e-9, "elements " + i + " and " + j + " coincide");
            }
        }
        assertTrue(contains(images, probe), "identity");
        for (GroupElement a : all) {
            assertTrue(contains(images, a.inverse().apply(probe)), "inverse of " + a);
            for (GroupElement b : all) {
                assertTrue(contains(images, a.compose(b).apply(probe)), "closure " + a + " " + b);
            }
        }
    }

    @Test
    void so2QuadratureGridIsClosed() {
        List<GroupElement> grid = Groups.so2().elements(2, 12);
        double[] probe = {1, 0.3};
        List<double[]> images = grid.stream().map(e -> e.apply(probe)).toList();
        for (GroupElement a : grid) {
            assertTrue(contains(images, a.inverse().apply(probe)));
            for (GroupElement b : grid) {
                assertTrue(contains(images, a.compose(b).apply(probe)));
            }
        }
    }

    private static boolean contains(List<double[]> images, double[] v) {
        return images.stream().anyMatch(w -> Vectors.distance(w, v) < 1e-9);
    }

    @Test
    void so3ElementsAreRotations() {
        SplittableRandom rng = new SplittableRandom(10);
        for (int i = 0; i < 50; i++) {
            double[] r = ((Elements.Rotation3) Groups.so3().random(3, rng)).r();
            double det = r[0] * (r[4] * r[8] - r[5] * r[7]) - r[1] * (r[3] * r[8] - r[5] * r[6]) + r[2] * (r[3] * r[7] - r[4] * r[6]);
            assertEquals(1, det, 1e-12, "proper rotation");
        }
        double[] x = {1, 2, 3, -1, 0.5, 2};
        double[] y = {-2, 1, 0.5, 3, 1, -1};
        GroupElement k = Groups.so3().align(x, y).element();
        double[] r = ((Elements.Rotation3) k).r();
        double det = r[0] * (r[4] * r[8] - r[5] * r[7]) - r[1] * (r[3] * r[8] - r[5] * r[6]) + r[2] * (r[3] * r[7] - r[4] * r[6]);
        assertEquals(1, det, 1e-12, "Kabsch returns a rotation, never a reflection");
    }

    @Test
    void knownValues() {
        // so2: y is x rotated by 90 degrees, then one point moved by (0, 0.5): d = 0.5.
        double[] x = {1, 0, 0, 2};
        double[] y = {0, 1, -2, 0};
        assertEquals(0, Groups.so2().orbitMetric(4).distance(x, y), 1e-15);
        // signs: sum (|x_i| - |y_i|)^2 = (1-2)^2 + (3-3)^2 = 1 (THEORY.md section 1).
        assertEquals(1, Groups.signs().orbitMetric(2).distance(new double[] {1, -3}, new double[] {-2, 3}), 1e-15);
        // cyclic: (1,2,3,4) vs its shift (4,1,2,3) plus 0.1 on the first coordinate.
        assertEquals(0.1, Groups.cyclic().orbitMetric(4).distance(new double[] {1, 2, 3, 4}, new double[] {4.1, 1, 2, 3}), 1e-15);
        // perm:3 of points of R^1 = sorted vectors: |(1,2,3) - (1,2,3.5)| = 0.5.
        assertEquals(0.5, Groups.perm(3).orbitMetric(3).distance(new double[] {3, 1, 2}, new double[] {2, 3.5, 1}), 1e-15);
        // translation:1: centred (−1, 0, 1) vs (−1, 0, 1): 0.
        assertEquals(0, Groups.translation(1).orbitMetric(3).distance(new double[] {0, 1, 2}, new double[] {5, 6, 7}), 1e-15);
        // so3: rotation by 90 degrees about z.
        assertEquals(0, Groups.so3().orbitMetric(6).distance(new double[] {1, 0, 0, 0, 0, 1}, new double[] {0, 1, 0, 0, 0, 1}),
                1e-12);
        // dihedral: reversed sequence.
        assertEquals(0, Groups.dihedral().orbitMetric(5).distance(new double[] {1, 2, 3, 4, 5}, new double[] {5, 4, 3, 2, 1}), 1e-15);
        // Without reversal, the shifts of (5,4,3,2,1) give d^2 = 40, 20, 10, 10, 20 (by hand: (2,1,5,4,3) leaves
        // differences (-1,1,-2,0,2)).
        assertEquals(Math.sqrt(10),
                Groups.cyclic().orbitMetric(5).distance(new double[] {1, 2, 3, 4, 5}, new double[] {5, 4, 3, 2, 1}), 1e-12);
    }

    @Test
    void so2SinglePassKeepsAccuracyNearTheOrbit() {
        SplittableRandom rng = new SplittableRandom(12);
        OrbitMetric m = Groups.so2().orbitMetric(64);
        for (double eps : new double[] {1e-3, 1e-6, 1e-9, 1e-12}) {
            double[] x = new GroupCase("so2", 64).gaussian(rng);
            double[] noise = new GroupCase("so2", 64).gaussian(rng);
            double[] y = Groups.so2().random(64, rng).apply(x);
            for (int i = 0; i < 64; i++) {
                y[i] += eps * noise[i];
            }
            Alignment a = m.align(x, y);
            // align() computes |x - R y| directly: the accurate reference.
            assertEquals(a.distance(), m.distance(x, y), 1e-12 * 10 + 1e-6 * a.distance(), "eps = " + eps);
            assertTrue(a.distance() <= eps * Math.sqrt(Vectors.squaredNorm(noise)) * (1 + 1e-9));
        }
        assertSame(Elements.Identity.INSTANCE, Groups.so2().canonicalPose(new double[4]));
    }

    /** Near-duplicates decide nearest neighbours: the alternation must find them even without a closed form. */
    @ParameterizedTest
    @CsvSource({"perm:5xso2, 10", "perm:8xso2, 16", "perm:6xso3, 18", "perm:12xso3, 36", "translation:3xperm:6xso3, 18"})
    void approximateProductsAreExactNearTheOrbit(String spec, int dim) {
        SymmetryGroup g = Groups.parse(spec);
        OrbitMetric m = g.orbitMetric(dim);
        assertFalse(m.isExact());
        SplittableRandom rng = new SplittableRandom(31);
        GroupCase c = new GroupCase(spec, dim);
        for (int trial = 0; trial < 20; trial++) {
            double[] x = c.gaussian(rng);
            double[] noise = c.gaussian(rng);
            double[] y = g.random(dim, rng).apply(x);
            double eps = 1e-3;
            for (int i = 0; i < dim; i++) {
                y[i] += eps * noise[i];
            }
            // d_G(x, y) <= |x - g^-1 y| = eps |g^-1 noise| = eps |noise|.
            assertTrue(m.distance(x, y) <= eps * Math.sqrt(Vectors.squaredNorm(noise)) + 1e-12, spec + " trial " + trial);
        }
    }

    @Test
    void canonicalFormsFollowTheConventions() {
        assertArrayEquals(new double[] {1, -2, 0}, Groups.sign().canonicalize(new double[] {-1, 2, 0}), 0);
        assertArrayEquals(new double[] {0, 1, -2}, Groups.sign().canonicalize(new double[] {0, -1, 2}), 0);
        assertArrayEquals(new double[] {1, 2, 0}, Groups.signs().canonicalize(new double[] {-1, 2, 0}), 0);
        assertArrayEquals(new double[] {5, 1, 2}, Groups.cyclic().canonicalize(new double[] {1, 2, 5}), 0);
        assertArrayEquals(new double[] {5, 2, 1}, Groups.dihedral().canonicalize(new double[] {1, 2, 5}), 0);
        assertArrayEquals(new double[] {0, 1, 1, 0, 2, 3}, Groups.perm(3).canonicalize(new double[] {2, 3, 1, 0, 0, 1}), 0);
        assertArrayEquals(new double[] {-1, -1, 1, 1}, Groups.translation(2).canonicalize(new double[] {0, 1, 2, 3}), 0);
        double[] c = Groups.so2().canonicalize(new double[] {0, 1, 0, 3});
        assertArrayEquals(new double[] {1, 0, 3, 0}, c, 1e-15, "mean point on the positive x axis");
        double[] c3 = Groups.so3().canonicalize(new double[] {0, 0, 2, 0, 1, 0, 0, 0, -0.5});
        assertEquals(0, Math.abs(c3[1]) + Math.abs(c3[2]), 1e-12, "first principal axis along x");
        assertTrue(c3[0] > 0, "third moment along e1 positive");
    }
}
