package org.repgap.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.repgap.InvalidInputException;
import org.repgap.data.PointCloud;
import org.repgap.group.Groups;

/** The registry: each estimator once, with a reference, and flags that say what the estimator really does. */
class IdEstimatorsTest {
    static final PointCloud X = TestClouds.cube(300, 2, 3, 11); // flat, so that global PCA sees 2 too

    static List<String> names() {
        return IdEstimators.names();
    }

    @Test
    void everyEstimatorOnceWithAReference() {
        Set<String> seen = new HashSet<>();
        for (EstimatorDescriptor d : IdEstimators.descriptors()) {
            assertTrue(seen.add(d.name()), "listed twice: " + d.name());
            assertFalse(d.reference().isBlank(), d.name());
            assertFalse(d.method().isBlank(), d.name());
            assertFalse(d.defaults().isEmpty(), d.name());
        }
        assertEquals(List.of("mle", "twonn", "gride", "tle", "mom", "mada", "knn", "corrint", "lpca"), names());
    }

    /** The flags are checked against what the default estimator does on a square in R^3. */
    @ParameterizedTest
    @MethodSource("names")
    void descriptorTellsTheTruth(String name) {
        EstimatorDescriptor d = IdEstimators.descriptor(name);
        IdEstimator e = IdEstimators.create(name);
        assertEquals(name, e.name());
        assertEquals(d.defaults(), e.parameters());
        IdResult r = IdEstimation.run(e, IdContext.of(X), IdEstimation.Options.defaults().withPointwise(true));
        assertEquals(2.0, r.dimension(), 0.6, name);
        assertEquals(d.pointwise(), r.pointwise() != null, name + " pointwise");
        assertEquals(d.analyticInterval(), r.standardError() != null, name + " analytic interval");
        IdContext orbit = IdContext.of(X, Groups.parse("sign").orbitMetric(X.dim()));
        if (d.groupMetric()) {
            assertNotNull(IdEstimation.run(e, orbit).dimension(), name);
        } else {
            assertThrows(InvalidInputException.class, () -> IdEstimation.run(e, orbit), name);
        }
        assertEquals(d.hasScaleAnalysis(), IdEstimators.createScales(name, IdEstimators.Settings.defaults(), X.n()).size() > 1);
    }

    @Test
    void unknownNameIsOneLineListingTheNames() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> IdEstimators.create("danco"));
        assertFalse(e.getMessage().contains("\n"));
        for (String name : names()) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
        assertEquals("twonn", IdEstimators.create(" TwoNN ").name());
    }

    @Test
    void allLeavesOutWhatDoesNotFitAndSaysWhy() {
        IdContext small = IdContext.of(TestClouds.sphere(60, 2, 3));
        IdEstimators.Selection s = IdEstimators.select("all", IdEstimators.Settings.defaults(), small, 60);
        assertEquals(1, s.skipped().size());
        assertEquals("mom", s.skipped().get(0).estimator());
        assertTrue(s.skipped().get(0).reason().contains("too few points"), s.skipped().get(0).reason());
        // named explicitly, it runs and fails with its own error
        assertThrows(InvalidInputException.class,
                () -> IdEstimation.run(IdEstimators.select("mom", IdEstimators.Settings.defaults(), small, 60).estimators(),
                        small, IdEstimation.Options.defaults()));

        IdContext orbit = IdContext.of(X, Groups.parse("sign").orbitMetric(X.dim()));
        IdEstimators.Selection o = IdEstimators.select("all", IdEstimators.Settings.defaults(), orbit, 60);
        assertEquals(List.of("lpca"), o.skipped().stream().map(IdReport.Skipped::estimator).toList());
        assertThrows(InvalidInputException.class, () -> IdEstimators.select("lpca", IdEstimators.Settings.defaults(), orbit, 60));

        // a budget of 0.1 ms on 300 points in R^3: mle (n k = 6000 units at 125 ns: 0.75 ms) and tle (n k^2 D = 360,000
        // units at 1.4 ns: 0.5 ms) go; mada (n k at 40 ns: 0.24 ms) goes too; knn (D at 2000 ns: 6 us), corrint (n^2 D at
        // 0.012 ns: 3 us) and lpca (n D^2 at 2.4 ns: 6 us) stay
        IdContext ctx = IdContext.of(X);
        IdEstimators.Selection cheap = IdEstimators.select("all", IdEstimators.Settings.defaults(), ctx, 1e-4);
        List<String> left = cheap.skipped().stream().map(IdReport.Skipped::estimator).toList();
        assertTrue(left.contains("tle") && left.contains("mle") && left.contains("mada"), left.toString());
        assertEquals(List.of("knn", "corrint", "lpca"), cheap.estimators().stream().map(IdEstimator::name).toList());
        assertTrue(cheap.skipped().get(0).reason().startsWith("cost: about"), cheap.skipped().get(0).reason());
        assertFalse(cheap.estimators().isEmpty());
        assertEquals(1, IdEstimators.select("tle", IdEstimators.Settings.defaults(), ctx, 1e-9).estimators().size());
        assertThrows(InvalidInputException.class, () -> IdEstimators.select("all", IdEstimators.Settings.defaults(), ctx, 1e-12));
        assertThrows(InvalidInputException.class, () -> IdEstimators.select("all", IdEstimators.Settings.defaults(), ctx, Double.NaN));
    }

    /**
     * Issue 12, defect 11: TwoNN on 3 points printed 2.44 with exit 0. The ratio estimators (twonn, gride) refuse fewer
     * than {@link TwoNnEstimator#MIN_POINTS} distinct points when named, stating the minimum and why, and are left out
     * of {@code all} with that reason; from 11 points they run. knn, whose sample sizes exceed 3 points, is left out of
     * {@code all} (it used to fail the whole run).
     */
    @Test
    void ratioEstimatorsRefuseTooFewPoints() {
        for (int n = 3; n < TwoNnEstimator.MIN_POINTS; n++) {
            IdContext few = IdContext.of(TestClouds.sphere(n, 2, 7));
            for (String name : List.of("twonn", "gride")) {
                InvalidInputException e = assertThrows(InvalidInputException.class,
                        () -> IdEstimators.select(name, IdEstimators.Settings.defaults(), few, 60), name + " on " + n);
                assertTrue(e.getMessage().contains(n + " distinct points are too few: at least 11 are needed")
                        && e.getMessage().contains("1/sqrt(N - 2)"), e.getMessage());
            }
        }
        IdContext three = IdContext.of(TestClouds.sphere(3, 2, 7));
        IdEstimators.Selection all = IdEstimators.select("all", IdEstimators.Settings.defaults(), three, 60);
        List<String> skipped = all.skipped().stream().map(IdReport.Skipped::estimator).toList();
        assertTrue(skipped.containsAll(List.of("twonn", "gride", "knn")), skipped.toString());
        assertTrue(all.estimators().stream().noneMatch(e -> e.name().equals("twonn") || e.name().equals("gride")));
        assertEquals("100% here", all.skipped().get(skipped.indexOf("twonn")).reason().replaceAll(".*\\((100% here).*", "$1"));
        IdContext enough = IdContext.of(TestClouds.sphere(TwoNnEstimator.MIN_POINTS, 2, 7));
        assertNotNull(IdEstimation.run(IdEstimators.select("twonn", IdEstimators.Settings.defaults(), enough, 60).estimators(),
                enough, IdEstimation.Options.defaults()).get(0).dimension());
    }
}
