package org.repgap.id;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.function.Executable;

/**
 * Agreement with scikit-dimension 0.3.4 and DADApy (d9038b3) on the same data (test resources
 * {@code reference/skdim}, see its README).
 *
 * <p>Tolerances: the estimators are sums of logarithms of k-NN distances, which we compute by direct
 * differences like scikit-learn's kd-tree (agreement measured at ~1e-13 relative over all 24 reference
 * data sets), so 1e-9 leaves room for summation order; DADApy's TwoNN uses its own neighbour search
 * (measured 4.9e-10 against scikit-dimension), so 1e-8. Integer-valued lPCA versions must match exactly, and so
 * must KNN, which draws numpy's legacy stream after {@code np.random.seed(0)} as the reference run did.
 * GRIDE repeats DADApy's bisection step by step, so it lands on the same midpoint; we allow the
 * bisection tolerance (1e-7 absolute). TLE is compared with the reference's slicing reproduced; see
 * {@link #tleCorrectionMattersOnlyWithDistancesBelowEpsilon(String, boolean)} for the corrected default.
 */
class ReferenceAgreementTest {
    static List<ReferenceCases.Row> rows;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = ReferenceAgreementTest.class.getResourceAsStream("/reference/skdim/reference.csv")) {
            rows = ReferenceCases.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        }
    }

    private static final java.util.Map<String, IdContext> CONTEXTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** One context (so one neighbour graph) per data set for the whole class. */
    static IdContext context(String dataset) {
        return CONTEXTS.computeIfAbsent(dataset,
                d -> IdContext.of(NpyTestReader.resource("/reference/skdim/datasets/" + d + ".npy")));
    }

    static double tolerance(ReferenceCases.Row row) {
        if (row.estimator().startsWith("GRIDE")) {
            return 1e-7 / row.estimate();
        }
        if (row.estimator().equals("KNN")
                || row.estimator().equals("lPCA") && !row.params().contains("ver=participation_ratio")) {
            return 0;
        }
        if (row.library().equals("dadapy")) {
            return 1e-8;
        }
        return 1e-9;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"M1_Sphere", "M2_Affine_3to5", "M5a_Helix1d", "M7_Roll", "M10b_Cubic", "M11_Moebius",
            "M13b_Spiral", "Mp2_Paraboloid"})
    void agreesWithReference(String dataset) {
        IdContext ctx = context(dataset);
        List<Executable> checks = new ArrayList<>();
        int compared = 0;
        for (ReferenceCases.Row row : rows) {
            IdEstimator e = ReferenceCases.estimatorFor(row);
            if (!row.dataset().equals(dataset) || e == null) {
                continue;
            }
            if (e instanceof TleEstimator) {
                e = TleEstimator.withReferenceSlicing(TleEstimator.Options.defaults());
            }
            compared++;
            double ours = IdEstimation.run(e, ctx).value();
            double rel = ReferenceCases.relativeDifference(ours, row.estimate());
            double tol = tolerance(row);
            checks.add(() -> assertTrue(rel <= tol, String.format(Locale.ROOT,
                    "%s %s: ours %.17g, reference %.17g, relative difference %.2e > %.1e",
                    dataset, row.label(), ours, row.estimate(), rel, tol)));
        }
        assertTrue(compared >= 20, "expected at least 20 reference rows for " + dataset + ", found " + compared);
        assertAll(checks);
    }

    /**
     * M5a_Helix1d (13 points) and M13b_Spiral have neighbours closer than TLE's epsilon = 1e-4, where
     * scikit-dimension's {@code dists[nDeps:]} drops the whole sum of log(d_j/r) of the point. Our
     * corrected default then differs from the reference (2.5e-4 and 3.6e-5 relative), and equals it
     * bit for bit where no distance is that small.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"M5a_Helix1d, true", "M13b_Spiral, true", "M7_Roll, false", "M1_Sphere, false"})
    void tleCorrectionMattersOnlyWithDistancesBelowEpsilon(String dataset, boolean hasTinyDistances) {
        IdContext ctx = context(dataset);
        double sliced = IdEstimation.run(TleEstimator.withReferenceSlicing(TleEstimator.Options.defaults()), ctx).value();
        double corrected = IdEstimation.run(TleEstimator.withDefaults(), ctx).value();
        if (hasTinyDistances) {
            assertTrue(Math.abs(corrected - sliced) > 1e-6 * sliced, "the correction should change the estimate");
            assertEquals(sliced, corrected, 1e-3 * sliced);
        } else {
            assertEquals(sliced, corrected, 0.0);
        }
    }
}
