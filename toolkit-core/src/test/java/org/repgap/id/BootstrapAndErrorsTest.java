package org.repgap.id;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.repgap.data.PointCloud;

/** Bootstrap intervals (seeded, deterministic) and the estimators' own asymptotic errors. */
class BootstrapAndErrorsTest {
    static final PointCloud X = TestClouds.sphere(800, 3, 5);

    static IdEstimator byName(String name) {
        return IdEstimators.create(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mle", "twonn", "gride", "tle", "mom", "corrint", "lpca"})
    void sameSeedSameIntervalAndTheIntervalCoversTheEstimate(String name) {
        IdEstimator e = byName(name);
        IdEstimation.Options o = IdEstimation.Options.defaults().withBootstrap(40, 42);
        IdResult a = IdEstimation.run(e, IdContext.of(X), o);
        IdResult b = IdEstimation.run(e, IdContext.of(X), o);
        assertNotNull(a.ciLow(), name);
        assertEquals(a.ciLow(), b.ciLow(), 0.0, name);
        assertEquals(a.ciHigh(), b.ciHigh(), 0.0, name);
        assertTrue(a.ciLow() <= a.ciHigh(), name);
        assertEquals(0.95, a.ciLevel());
        assertEquals(40, a.bootstrapReplicates());
        // per-point resampling is centred on the estimate; CorrInt's distinct-points interval is re-centred
        assertTrue(a.ciLow() <= a.value() && a.value() <= a.ciHigh(), name + " " + a);
        assertEquals(42L, a.provenance().seed());
    }

    @Test
    void differentSeedsGiveDifferentIntervalsOfTheExpectedWidth() {
        IdResult a = IdEstimation.run(MleEstimator.withDefaults(), IdContext.of(X), IdEstimation.Options.defaults().withBootstrap(100, 1));
        IdResult b = IdEstimation.run(MleEstimator.withDefaults(), IdContext.of(X), IdEstimation.Options.defaults().withBootstrap(100, 2));
        assertNotEquals(a.ciLow(), b.ciLow());
        // a 95% interval of a mean of 800 nearly independent terms is about 4 standard errors wide:
        // the width must be a small fraction of d, not zero and not of order d
        double width = a.ciHigh() - a.ciLow();
        assertTrue(width > 0.01 * a.value() && width < 0.3 * a.value(), "width " + width);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mle", "twonn", "gride", "tle", "mom"})
    void resamplingPointsRebuildsTheGraphAndIsSeeded(String name) {
        IdEstimator e = byName(name);
        IdEstimation.Options o = IdEstimation.Options.defaults().withBootstrap(20, 9)
                .withResampling(IdEstimation.Resampling.POINTS);
        IdResult a = IdEstimation.run(e, IdContext.of(X), o);
        IdResult b = IdEstimation.run(e, IdContext.of(X), o);
        assertEquals(Estimate.DISTINCT_POINTS, a.bootstrapMethod());
        assertEquals(a.ciLow(), b.ciLow(), 0.0);
        assertEquals(a.ciHigh(), b.ciHigh(), 0.0);
        assertEquals(20, a.bootstrapReplicates());
        // replicates use ~63% of the points (larger scale): the re-centred interval still covers the estimate
        assertTrue(a.ciLow() < a.value() && a.value() < a.ciHigh(), a.toString());
        assertEquals(a.value(), 0.5 * (a.ciLow() + a.ciHigh()), 0.15 * a.value());
        IdResult auto = IdEstimation.run(e, IdContext.of(X), o.withResampling(IdEstimation.Resampling.AUTO));
        assertNotEquals(auto.ciLow(), a.ciLow());
    }

    @Test
    void withoutBootstrapTheIntervalIsNull() {
        IdResult r = IdEstimation.run(MleEstimator.withDefaults(), IdContext.of(X));
        assertNull(r.ciLow());
        assertNull(r.ciHigh());
        assertNull(r.bootstrapReplicates());
        assertNull(r.provenance().seed());
        assertNull(r.standardError());
    }

    @Test
    void twoNnStandardErrorIsDOverRootN() {
        IdResult r = IdEstimation.run(TwoNnEstimator.withDefaults(), IdContext.of(X));
        assertEquals(r.value() / Math.sqrt(X.n()), r.standardError(), 1e-12);
    }

    /**
     * GRIDE's Fisher-information error: at n1 = 1 (n2 - n1 - 1 = 0) it reduces to d / sqrt(N); at larger
     * ranks it shrinks (more information per point), and the bootstrap spread agrees with it within a factor 2.
     */
    @Test
    void grideErrorFormula() {
        IdContext ctx = IdContext.of(X);
        List<GrideEstimator> scales = GrideEstimator.scaling(64, X.n());
        assertEquals(6, scales.size());
        IdResult first = IdEstimation.run(scales.get(0), ctx);
        assertEquals(first.value() / Math.sqrt(X.n()), first.standardError(), 1e-12);
        IdResult fourth = IdEstimation.run(scales.get(3), ctx, IdEstimation.Options.defaults().withBootstrap(200, 3));
        assertTrue(fourth.standardError() < first.standardError());
        double bootSe = (fourth.ciHigh() - fourth.ciLow()) / (2 * 1.96);
        assertTrue(bootSe > 0.5 * fourth.standardError() && bootSe < 2 * fourth.standardError(),
                "bootstrap " + bootSe + " vs Fisher " + fourth.standardError());
    }

    @Test
    void scaleDistanceGrowsWithTheRank() {
        IdContext ctx = IdContext.of(X);
        double previous = 0;
        for (GrideEstimator g : GrideEstimator.scaling(64, X.n())) {
            double r = IdEstimation.run(g, ctx).scaleDistance();
            assertTrue(r > previous, g.parameters() + ": " + r);
            previous = r;
        }
        assertNull(IdEstimation.run(LocalPcaEstimator.withDefaults(), ctx).scaleDistance());
    }

    @Test
    void grideScaleAnalysisRanks() {
        assertEquals(List.of(1, 2, 4, 8, 16, 32), GrideEstimator.scaling(64, 2500).stream()
                .map(g -> (Integer) g.parameters().get("n1")).toList());
        assertEquals(List.of(1, 2, 4), GrideEstimator.scaling(64, 12).stream()
                .map(g -> (Integer) g.parameters().get("n1")).toList());
    }

    @Test
    void pointwiseValuesOnlyWhenAsked() {
        IdContext ctx = IdContext.of(X);
        assertNull(IdEstimation.run(TleEstimator.withDefaults(), ctx).pointwise());
        double[] pw = IdEstimation.run(TleEstimator.withDefaults(), ctx, IdEstimation.Options.defaults().withPointwise(true)).pointwise();
        assertEquals(X.n(), pw.length);
        double mean = java.util.Arrays.stream(pw).average().orElseThrow();
        assertEquals(IdEstimation.run(TleEstimator.withDefaults(), ctx).value(), mean, 1e-12 * mean);
        assertArrayEquals(pw, IdEstimation.run(TleEstimator.withDefaults(), ctx, IdEstimation.Options.defaults().withPointwise(true)).pointwise());
    }

    /** Too few replicates for the interval's level are refused, naming the minimum (one gave an interval excluding the estimate). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"1, 0.95, 20", "19, 0.95, 20", "99, 0.99, 100", "9, 0.9, 10"})
    void tooFewReplicatesForTheLevelAreRefused(int replicates, double level, int minimum) {
        org.repgap.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(org.repgap.InvalidInputException.class,
                () -> new IdEstimation.Options(replicates, 0, level, false, IdEstimation.Resampling.AUTO));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("at least " + minimum), e.getMessage());
        new IdEstimation.Options(minimum, 0, level, false, IdEstimation.Resampling.AUTO); // the minimum itself is accepted
        new IdEstimation.Options(0, 0, level, false, IdEstimation.Resampling.AUTO);
    }
}
