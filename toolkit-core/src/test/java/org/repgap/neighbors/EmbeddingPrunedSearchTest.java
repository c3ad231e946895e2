package org.repgap.neighbors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.repgap.data.PointCloud;
import org.repgap.neighbors.TestPoints.Kind;

/**
 * The embedding-pruned search against brute force with the same metric. The test metric is the
 * orbit distance of the permutation group acting on coordinates, {@code d(x, y) = |sort(x) - sort(y)|}
 * (exact closed form: sorting is the optimal matching in one dimension), which counts its evaluations.
 */
class EmbeddingPrunedSearchTest {

    /** Permutation-invariant distance with an embedding made of {@code stride}-spaced sorted coordinates. */
    static class SortedMetric implements Metric {
        final int stride;
        final AtomicLong evaluations = new AtomicLong();

        SortedMetric(int stride) {
            this.stride = stride;
        }

        @Override
        public String name() {
            return "orbit[perm]";
        }

        @Override
        public double distance(double[] x, double[] y) {
            evaluations.incrementAndGet();
            double[] a = x.clone();
            double[] b = y.clone();
            Arrays.sort(a);
            Arrays.sort(b);
            return Metric.euclidean().distance(a, b);
        }

        @Override
        public double[] lowerBoundEmbedding(double[] x) {
            // a subset of the coordinates of the isometric embedding sort(x): 1-Lipschitz
            double[] s = x.clone();
            Arrays.sort(s);
            double[] out = new double[(s.length + stride - 1) / stride];
            for (int i = 0; i < out.length; i++) {
                out[i] = s[i * stride];
            }
            return out;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(Arguments.of(Kind.GAUSSIAN, 8, 1), Arguments.of(Kind.GRID, 6, 2), Arguments.of(Kind.DUPLICATES, 20, 3),
                Arguments.of(Kind.OFFSET, 12, 2), Arguments.of(Kind.GAUSSIAN, 24, 6));
    }

    @ParameterizedTest(name = "{0} dim={1} stride={2}")
    @MethodSource("cases")
    void matchesBruteForce(Kind kind, int dim, int stride) {
        SortedMetric metric = new SortedMetric(stride);
        PointCloud x = TestPoints.make(kind, 400, dim, 7 + dim);
        PointCloud data = x.head(350);
        PointCloud queries = TestPoints.make(kind, 40, dim, 99 + dim);
        NeighborSearch oracle = NeighborSearch.bruteForce(metric);
        NeighborSearch pruned = NeighborSearch.embeddingPruned(metric);
        // the oracle's rows for a smaller k are the first columns of its rows for k = 15
        NeighborGraph expectAll = oracle.allKnn(x, 15);
        NeighborGraph expectQuery = oracle.query(data, queries, 15);
        for (int k : new int[] {1, 4, 15}) {
            NeighborSearchAgreementTest.assertSame(expectAll.truncate(k), pruned.allKnn(x, k), "allKnn k=" + k);
            NeighborSearchAgreementTest.assertSame(expectQuery.truncate(k), pruned.query(data, queries, k), "query k=" + k);
        }
        double[] radii = {0, 0.5, 1, 2, metric.distance(x.row(0), x.row(1)), Double.POSITIVE_INFINITY};
        assertArrayEquals(oracle.countPairsWithin(x, radii), pruned.countPairsWithin(x, radii));
    }

    @Test
    void aTightEmbeddingEvaluatesFewDistances() {
        SortedMetric metric = new SortedMetric(1);
        int n = 2000;
        PointCloud x = TestPoints.make(Kind.GAUSSIAN, n, 6, 5);
        metric.evaluations.set(0);
        NeighborSearch.embeddingPruned(metric).allKnn(x, 10);
        long evals = metric.evaluations.get();
        // an isometric embedding leaves only the k neighbours plus rounding ties: far below n^2
        assertTrue(evals < 20L * n, "evaluations " + evals);
    }

    @Test
    void aUselessEmbeddingStillGivesExactResults() {
        Metric metric = new SortedMetric(1) {
            @Override
            public double[] lowerBoundEmbedding(double[] x) {
                return new double[] {0.0};
            }
        };
        PointCloud x = TestPoints.make(Kind.GRID, 300, 5, 3);
        NeighborSearchAgreementTest.assertSame(NeighborSearch.bruteForce(metric).allKnn(x, 6),
                NeighborSearch.embeddingPruned(metric).allKnn(x, 6), "constant embedding");
    }

    @Test
    void autoChoosesBySpaceAndMetric() {
        assertEquals("kdtree-or-blas", NeighborSearch.auto(Metric.euclidean(), 3).name());
        assertEquals("kdtree-or-blas", NeighborSearch.auto(Metric.euclidean(), 15).name());
        assertEquals("blas", NeighborSearch.auto(Metric.euclidean(), 16).name());
        assertEquals("pruned", NeighborSearch.auto(new SortedMetric(1), 4).name());
        Metric noEmbedding = new Metric() {
            @Override
            public String name() {
                return "plain";
            }

            @Override
            public double distance(double[] x, double[] y) {
                return Metric.euclidean().distance(x, y);
            }
        };
        assertEquals("brute", NeighborSearch.auto(noEmbedding, 4).name());
    }
}
