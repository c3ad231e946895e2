package org.repgap.neighbors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.repgap.blas.OpenBlas;
import org.repgap.data.PointCloud;
import org.repgap.neighbors.TestPoints.Kind;
import org.repgap.progress.Progress;

/**
 * The bounds of the float product kernel, with and without the subspace reduction: every pair's
 * double-precision squared distance must lie in {@code [a - e, upper]}; and the reduction must be used
 * exactly where it should be.
 */
class BoundedGramTest {

    @Test
    void basisHasTheRankOfExactAndSlightlyNoisySubspaces() {
        assumeTrue(OpenBlas.available(), "native OpenBLAS not available");
        for (Kind kind : new Kind[] {Kind.SUBSPACE, Kind.SUBSPACE_NOISY, Kind.SUBSPACE_GRID}) {
            PointCloud x = TestPoints.make(kind, 3000, 40, 5);
            double[] basis = SubspaceBasis.find(x.values(), x.n(), x.dim(), mean(x));
            assertNotNull(basis, kind.name());
            int p = basis.length / x.dim();
            assertEquals(TestPoints.subspaceRank(40), p, kind.name());
            // twice-orthogonalised Gram-Schmidt: orthonormal to a few ulps
            assertTrue(SubspaceBasis.orthonormalityError(basis, x.dim(), p) < 1e-13, kind.name());
        }
    }

    @Test
    void noBasisForFullRankDataOrLowAmbientDimension() {
        assumeTrue(OpenBlas.available(), "native OpenBLAS not available");
        PointCloud gaussian = TestPoints.make(Kind.GAUSSIAN, 3000, 40, 6);
        assertNull(SubspaceBasis.find(gaussian.values(), gaussian.n(), gaussian.dim(), mean(gaussian)));
        // rank 8 of 16 coordinates: the product would not shrink below half (p <= dim / 2 - 1 = 7)
        PointCloud half = TestPoints.make(Kind.SUBSPACE, 1000, 16, 7);
        double[] wide = new double[1000 * 16];
        SplittableRandom rnd = new SplittableRandom(8);
        for (int i = 0; i < 1000; i++) {
            for (int c = 0; c < 8; c++) {
                wide[i * 16 + c] = rnd.nextGaussian();
            }
        }
        assertNull(SubspaceBasis.find(wide, 1000, 16, new double[16]));
        assertNotNull(SubspaceBasis.find(half.values(), half.n(), half.dim(), mean(half)));
    }

    @Test
    void identicalPointsGetOneDirection() {
        assumeTrue(OpenBlas.available(), "native OpenBLAS not available");
        double[] v = new double[50 * 30];
        java.util.Arrays.fill(v, 2.5);
        double[] basis = SubspaceBasis.find(v, 50, 30, mean(PointCloud.wrap(50, 30, v, "same")));
        assertNotNull(basis);
        assertEquals(30, basis.length);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void boundsContainEveryPairsSquaredDistance(Kind kind) {
        assumeTrue(OpenBlas.available(), "native OpenBLAS not available");
        PointCloud x = TestPoints.make(kind, 700, 30, 11);
        BoundedGram gram = checkBounds(x, kind.name());
        boolean subspace = kind.name().startsWith("SUBSPACE");
        assertEquals(subspace ? TestPoints.subspaceRank(30) : 30, gram.productCoordinates(), "coordinates in the product");
    }

    @Test
    void boundsHoldForRowsFarOutsideTheSampledSubspace() {
        assumeTrue(OpenBlas.available(), "native OpenBLAS not available");
        PointCloud x = offSubspace(5000, 20, 0.02, true);
        BoundedGram gram = checkBounds(x, "off-subspace rows");
        assertEquals(TestPoints.subspaceRank(20), gram.productCoordinates(), "the reduction should still be used");
    }

    @Test
    void searchIsExactWithRowsOutsideTheSampledSubspace() {
        assumeTrue(OpenBlas.available(), "native OpenBLAS not available");
        // residuals (0.02) comparable to the gaps between neighbour distances: the upper bounds must widen
        PointCloud x = offSubspace(5000, 20, 0.02, true);
        NeighborGraph expected = NeighborSearch.bruteForce(Metric.euclidean()).allKnn(x, 12);
        NeighborSearchAgreementTest.assertSame(expected, new BlockedEuclideanSearch(Progress.NONE, true).allKnn(x, 12),
                "reduced symmetric search");
        PointCloud queries = offSubspace(300, 20, 0.05, false);
        NeighborSearchAgreementTest.assertSame(NeighborSearch.bruteForce(Metric.euclidean()).query(x, queries, 12),
                new BlockedEuclideanSearch(Progress.NONE, true).query(x, queries, 12), "reduced query search");
    }

    @Test
    void queriesOffTheSubspaceTurnTheReductionOff() {
        assumeTrue(OpenBlas.available(), "native OpenBLAS not available");
        PointCloud data = TestPoints.make(Kind.SUBSPACE, 3000, 40, 31);
        PointCloud onSubspace = TestPoints.make(Kind.SUBSPACE, 50, 40, 31); // same seed: same subspace
        PointCloud gaussian = TestPoints.make(Kind.GAUSSIAN, 50, 40, 32);
        try (BoundedGram on = BoundedGram.create(data.values(), data.n(), 40, onSubspace.values(), 512, true);
             BoundedGram off = BoundedGram.create(data.values(), data.n(), 40, gaussian.values(), 512, true)) {
            assertEquals(TestPoints.subspaceRank(40), on.productCoordinates());
            assertEquals(40, off.productCoordinates());
        }
    }

    /**
     * {@link Kind#SUBSPACE} points (rank 4 for 20 coordinates) of which 20 rows that {@link SubspaceBasis}
     * does not sample are moved off the subspace by {@code shift} in a random direction: few enough for the
     * reduction to stay in use (residual energy below 1e-6 of the total). Without {@code onlyUnsampled},
     * any 20 rows move (for query sets).
     */
    private static PointCloud offSubspace(int n, int dim, double shift, boolean onlyUnsampled) {
        PointCloud base = TestPoints.make(Kind.SUBSPACE, n, dim, 21);
        double[] v = base.values().clone();
        boolean[] sampled = new boolean[n];
        int m = Math.min(n, SubspaceBasis.SAMPLE_ROWS);
        for (int s = 0; s < m; s++) {
            sampled[(int) ((long) s * n / m)] = true;
        }
        SplittableRandom rnd = new SplittableRandom(22);
        int moved = 0;
        for (int i = 1; i < n && moved < 20; i += 7) {
            if (!onlyUnsampled || !sampled[i]) {
                double[] dir = new double[dim];
                double norm = 0;
                for (int c = 0; c < dim; c++) {
                    dir[c] = rnd.nextGaussian();
                    norm += dir[c] * dir[c];
                }
                for (int c = 0; c < dim; c++) {
                    v[i * dim + c] += shift * dir[c] / Math.sqrt(norm);
                }
                moved++;
            }
        }
        assertEquals(20, moved);
        return PointCloud.wrap(n, dim, v, "off-subspace");
    }

    /** Checks {@code a - e <= s^2 d^2 <= upper} for every pair (i, j), i in the first 300 rows; returns the gram (closed). */
    private static BoundedGram checkBounds(PointCloud x, String what) {
        int n = x.n();
        int dim = x.dim();
        double[] v = x.values();
        try (BoundedGram gram = BoundedGram.create(v, n, dim, null, 512, true);
             BoundedGram.Workspace ws = gram.workspace(64);
             OpenBlas.AutoCloseableScope scope = OpenBlas.singleThreaded()) {
            double s2 = gram.scale() * gram.scale();
            for (int q0 = 0; q0 < Math.min(n, 300); q0 += 64) {
                int m = Math.min(64, n - q0);
                ws.load(v, q0, m);
                for (int b = 0; b < gram.blockCount(); b++) {
                    float[] g = ws.multiply(b);
                    int nb = gram.blockSize(b);
                    for (int r = 0; r < m; r++) {
                        for (int c = 0; c < nb; c++) {
                            int i = q0 + r;
                            int j = gram.blockStart(b) + c;
                            double d = EuclideanMetric.directDistance(v, i * dim, v, j * dim, dim);
                            double t = d * d * s2;
                            double a = g[r * nb + c];
                            double e = gram.error(ws.queryNorm2(r), j);
                            double upper = gram.upper(a, e, ws.queryResidual(r), j);
                            if (!(a - e <= t && t <= upper)) {
                                throw new AssertionError(String.format(java.util.Locale.ROOT,
                                        "%s: pair (%d, %d): scaled squared distance %.17g outside [%.17g, %.17g]", what, i, j,
                                        t, a - e, upper));
                            }
                        }
                    }
                }
            }
            return gram;
        }
    }

    private static double[] mean(PointCloud x) {
        double[] mu = new double[x.dim()];
        for (int i = 0; i < x.n(); i++) {
            for (int c = 0; c < x.dim(); c++) {
                mu[c] += x.values()[i * x.dim() + c] / x.n();
            }
        }
        return mu;
    }
}
