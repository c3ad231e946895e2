package org.repgap.neighbors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.repgap.data.PointCloud;
import org.repgap.neighbors.TestPoints.Kind;

/**
 * Every fast Euclidean search against the brute-force oracle. The fast searches compute final
 * distances with the same direct-difference formula on the same values, so indices and distances
 * must agree exactly (ties included: order is distance, then index).
 */
class NeighborSearchAgreementTest {
    private static final NeighborSearch ORACLE = NeighborSearch.bruteForce(Metric.euclidean());

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        int[][] shapes = {{2, 500}, {3, 500}, {10, 600}, {50, 500}, {100, 400}};
        long seed = 1;
        for (int[] s : shapes) {
            for (Kind kind : Kind.values()) {
                out.add(Arguments.of(kind, s[0], s[1], seed++));
            }
        }
        // more than one data block of the product kernel (2048 rows), and the symmetric all-points
        // search (from 2048 points: tiles of 1024, an odd number of blocks here)
        out.add(Arguments.of(Kind.GRID, 50, 2300, seed++));
        out.add(Arguments.of(Kind.DUPLICATES, 20, 2100, seed++));
        out.add(Arguments.of(Kind.OFFSET, 16, 3100, seed++));
        // the reduced product (SubspaceBasis) on the symmetric search and on several data blocks
        out.add(Arguments.of(Kind.SUBSPACE, 40, 2200, seed++));
        out.add(Arguments.of(Kind.SUBSPACE_NOISY, 100, 2500, seed++));
        out.add(Arguments.of(Kind.SUBSPACE_GRID, 30, 2150, seed++));
        return out.stream();
    }

    private static List<Supplier<NeighborSearch>> searches(int dim) {
        List<Supplier<NeighborSearch>> l = new ArrayList<>();
        l.add(NeighborSearch::blockedEuclidean);
        l.add(() -> new BlockedEuclideanSearch(org.repgap.progress.Progress.NONE, false));
        if (dim <= 10) {
            l.add(NeighborSearch::kdTree);
        }
        if (dim <= NeighborSearch.KD_TREE_MAX_DIM) {
            // no size threshold: the probe alone picks the tree or the product (both happen among these cases)
            l.add(() -> new AdaptiveEuclideanSearch(org.repgap.progress.Progress.NONE, 0));
        }
        return l;
    }

    @ParameterizedTest(name = "{0} dim={1} n={2}")
    @MethodSource("cases")
    void allPointsAndQueriesMatchBruteForce(Kind kind, int dim, int n, long seed) {
        PointCloud x = TestPoints.make(kind, n, dim, seed);
        PointCloud data = x.head(n - 100);
        // queries: fresh points plus exact copies of data points (found at distance 0, nothing excluded)
        PointCloud fresh = TestPoints.make(kind, 60, dim, seed + 1000);
        int[] copies = {0, 7, 13, 99};
        double[][] q = new double[fresh.n() + copies.length][];
        for (int i = 0; i < fresh.n(); i++) {
            q[i] = fresh.row(i);
        }
        for (int c = 0; c < copies.length; c++) {
            q[fresh.n() + c] = data.row(copies[c]);
        }
        PointCloud queries = PointCloud.of(q, "queries");
        // the oracle's rows for a smaller k are the first columns of its rows for k = 17
        NeighborGraph all17 = ORACLE.allKnn(x, 17);
        NeighborGraph query17 = ORACLE.query(data, queries, 17);
        for (int k : new int[] {1, 5, 17}) {
            NeighborGraph expectAll = all17.truncate(k);
            NeighborGraph expectQuery = query17.truncate(k);
            for (Supplier<NeighborSearch> s : searches(dim)) {
                NeighborSearch search = s.get();
                assertSame(expectAll, search.allKnn(x, k), search.name() + " allKnn k=" + k);
                assertSame(expectQuery, search.query(data, queries, k), search.name() + " query k=" + k);
            }
        }
    }

    static void assertSame(NeighborGraph expected, NeighborGraph actual, String what) {
        assertEquals(expected.n(), actual.n(), what);
        assertEquals(expected.k(), actual.k(), what);
        for (int i = 0; i < expected.n(); i++) {
            assertArrayEquals(expected.indices(i), actual.indices(i), what + " row " + i + " indices");
            assertArrayEquals(expected.distances(i), actual.distances(i), 0.0, what + " row " + i + " distances");
        }
    }

    static Stream<Arguments> countCases() {
        return Stream.of(
                Arguments.of(Kind.GRID, 2, 800), Arguments.of(Kind.GRID, 3, 900), Arguments.of(Kind.DUPLICATES, 10, 700),
                Arguments.of(Kind.OFFSET, 10, 700), Arguments.of(Kind.GRID, 50, 2200), Arguments.of(Kind.OFFSET, 100, 500),
                Arguments.of(Kind.GAUSSIAN, 100, 500), Arguments.of(Kind.SUBSPACE, 50, 900),
                Arguments.of(Kind.SUBSPACE_NOISY, 40, 800), Arguments.of(Kind.SUBSPACE_GRID, 60, 2200));
    }

    @ParameterizedTest(name = "{0} dim={1} n={2}")
    @MethodSource("countCases")
    void pairCountsMatchBruteForce(Kind kind, int dim, int n) {
        PointCloud x = TestPoints.make(kind, n, dim, 42 + dim);
        // radii at exact distances of some pairs (the strict "<" must hold at the boundary),
        // integer radii (tied on the grid), quantiles, and the degenerate 0, negative and infinite radii
        List<Double> r = new ArrayList<>(List.of(0.0, -1.0, Double.POSITIVE_INFINITY, 1.0, 2.0, Math.sqrt(2), 3.0));
        for (int p = 0; p < 6; p++) {
            r.add(Metric.euclidean().distance(x.row(p), x.row(p + 1)));
            r.add(Metric.euclidean().distance(x.row(p), x.row(p + 1)) * 0.5);
        }
        double[] radii = r.stream().mapToDouble(Double::doubleValue).toArray();
        long[] expected = ORACLE.countPairsWithin(x, radii);
        for (Supplier<NeighborSearch> s : searches(dim)) {
            assertArrayEquals(expected, s.get().countPairsWithin(x, radii), s.get().name());
        }
    }
}
