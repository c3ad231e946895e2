package org.repgap.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.repgap.InvalidInputException;
import org.repgap.data.PointCloud;
import org.repgap.neighbors.NeighborSearch;
import org.repgap.neighbors.Metric;
import org.repgap.progress.Progress;

/**
 * Duplicate rows (5% of the points copied): the peers return MLE = 0, TwoNN biased low and GRIDE(n1 = 1)
 * near 0 on such data (reference ESTIMATORS.md section 4). Default: deduplicate, which gives exactly
 * the estimate on the distinct points; KEEP: the zero-distance guard skips the affected points.
 */
class DuplicatesTest {
    static final PointCloud DISTINCT = TestClouds.sphere(1000, 3, 17);
    static final PointCloud WITH_DUPLICATES = TestClouds.withDuplicates(DISTINCT, 50);

    @ParameterizedTest
    @ValueSource(strings = {"mle", "twonn", "gride", "tle", "mom", "mada", "knn", "corrint", "lpca"})
    void deduplicationGivesTheEstimateOnTheDistinctPoints(String name) {
        IdEstimator e = IdEstimators.create(name);
        IdResult clean = IdEstimation.run(e, IdContext.of(DISTINCT));
        IdResult dedup = IdEstimation.run(e, IdContext.of(WITH_DUPLICATES));
        assertEquals(clean.value(), dedup.value(), 0.0, name);
        assertEquals(0, clean.duplicates());
        assertEquals(50, dedup.duplicates());
        assertEquals(DISTINCT.n(), dedup.n());
        assertEquals(0, dedup.excluded());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mle", "twonn", "gride"})
    void keepingDuplicatesSkipsPointsAtDistanceZeroAndStaysNearTheTruth(String name) {
        IdEstimator e = IdEstimators.create(name);
        IdContext keep = IdContext.of(WITH_DUPLICATES, NeighborSearch.bruteForce(Metric.euclidean()), DuplicatePolicy.KEEP,
                Progress.NONE);
        IdResult r = IdEstimation.run(e, keep);
        // each of the 50 copies and its original see each other at distance 0
        assertEquals(100, r.excluded(), name);
        assertEquals(WITH_DUPLICATES.n() - 100, r.n());
        assertEquals(50, r.duplicates());
        assertEquals(3.0, r.value(), 0.3, name + ": the peers give 0 (mle), ~1.9 (twonn), ~0.3 (gride)");
    }

    @Test
    void errorPolicyNamesTheRows() {
        InvalidInputException ex = assertThrows(InvalidInputException.class, () -> IdContext.of(WITH_DUPLICATES,
                NeighborSearch.bruteForce(Metric.euclidean()), DuplicatePolicy.ERROR, Progress.NONE));
        assertTrue(ex.getMessage().contains("row 1001 duplicates row 1"), ex.getMessage());
        assertTrue(ex.getMessage().contains("50 duplicate rows"), ex.getMessage());
    }

    @Test
    void negativeZeroEqualsZeroAndNearDuplicatesAreDistinct() {
        PointCloud x = PointCloud.of(new double[][] {{0.0, 1}, {-0.0, 1}, {1e-300, 1}, {2, 2}, {3, 1}});
        assertEquals(List.of(0, 0, 2, 3, 4), java.util.Arrays.stream(IdContext.firstOccurrences(x)).boxed().toList());
        assertEquals(1, IdContext.of(x).duplicates());
        assertEquals(4, IdContext.of(x).n());
    }

    @Test
    void tooFewDistinctPoints() {
        PointCloud x = PointCloud.of(new double[][] {{1, 1}, {1, 1}, {2, 2}});
        InvalidInputException ex = assertThrows(InvalidInputException.class, () -> IdContext.of(x));
        assertTrue(ex.getMessage().contains("2 distinct points"), ex.getMessage());
    }
}
