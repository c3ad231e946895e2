package org.repgap.neighbors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.repgap.InvalidInputException;
import org.repgap.data.PointCloud;
import org.repgap.neighbors.TestPoints.Kind;

/** Argument checks, progress reports and the brute-force fallback for extreme values, for every search. */
class NeighborSearchInputTest {

    static Stream<NeighborSearch> searches() {
        return Stream.of(NeighborSearch.bruteForce(Metric.euclidean()), NeighborSearch.kdTree(), NeighborSearch.blockedEuclidean(),
                NeighborSearch.embeddingPruned(new EmbeddingPrunedSearchTest.SortedMetric(1)));
    }

    @ParameterizedTest
    @MethodSource("searches")
    void rejectsBadArguments(NeighborSearch s) {
        PointCloud x = TestPoints.make(Kind.GAUSSIAN, 10, 3, 1);
        PointCloud y = TestPoints.make(Kind.GAUSSIAN, 10, 4, 1);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> s.allKnn(x, 10));
        assertTrue(e.getMessage().contains("k = 10"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> s.allKnn(x, 0));
        assertThrows(InvalidInputException.class, () -> s.query(x, x, 11));
        assertThrows(InvalidInputException.class, () -> s.query(x, y, 2));
        InvalidInputException nan = assertThrows(InvalidInputException.class, () -> s.countPairsWithin(x, new double[] {1, Double.NaN}));
        assertTrue(nan.getMessage().contains("radius 2"), nan.getMessage());
    }

    @ParameterizedTest
    @MethodSource("searches")
    void reportsProgressUpToTheNumberOfQueries(NeighborSearch s) {
        PointCloud x = TestPoints.make(Kind.GAUSSIAN, 1100, 3, 2);
        AtomicLong last = new AtomicLong();
        AtomicLong total = new AtomicLong();
        s.withProgress((task, done, tot) -> {
            last.accumulateAndGet(done, Math::max);
            total.set(tot);
        }).allKnn(x, 3);
        assertEquals(1100, last.get());
        assertEquals(1100, total.get());
    }

    @ParameterizedTest
    @MethodSource("searches")
    void hugeValuesFallBackToExactSearch(NeighborSearch s) {
        // centred magnitudes above 1e150 are outside the float kernel's range
        PointCloud x = TestPoints.make(Kind.GAUSSIAN, 50, 20, 3);
        double[] v = x.values().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] *= 1e152;
        }
        PointCloud big = PointCloud.wrap(50, 20, v, "big");
        NeighborSearch oracle = NeighborSearch.bruteForce(s.metric());
        NeighborSearchAgreementTest.assertSame(oracle.allKnn(big, 4), s.allKnn(big, 4), s.name());
    }
}
