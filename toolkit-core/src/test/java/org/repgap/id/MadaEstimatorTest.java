package org.repgap.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.repgap.InvalidInputException;
import org.repgap.data.PointCloud;

/**
 * MADA beyond the reference rows (those are in {@link ReferenceAgreementTest}): a naive oracle, and the
 * closed-form expectation on manifolds of known dimension.
 */
class MadaEstimatorTest {

    /** Pointwise values and both combinations from the sorted full distance matrix, written out directly. */
    @Test
    void agreesWithANaiveComputation() {
        PointCloud x = TestClouds.sphere(300, 3, 99);
        double[][] d = NaiveOracleTest.sortedDistances(x);
        int k = 14;
        double[] local = new double[x.n()];
        double mean = 0;
        for (int i = 0; i < x.n(); i++) {
            local[i] = Math.log(2) / Math.log(d[i][k - 1] / d[i][k / 2 - 1]);
            mean += local[i] / x.n();
        }
        IdContext ctx = IdContext.of(x);
        IdResult r = IdEstimation.run(MadaEstimator.of(MadaEstimator.Options.defaults().withK(k)), ctx,
                IdEstimation.Options.defaults().withPointwise(true));
        assertEquals(mean, r.value(), 1e-12 * mean);
        double[] pw = r.pointwise();
        for (int i = 0; i < x.n(); i++) {
            assertEquals(local[i], pw[i], 1e-12 * local[i], "point " + i);
        }
        double median = Combination.median(local.clone());
        assertEquals(median, IdEstimation.run(MadaEstimator.of(MadaEstimator.Options.defaults().withK(k)
                .withCombination(Combination.MEDIAN)), ctx).value(), 1e-12 * median);
    }

    /**
     * For a Poisson process of dimension d, {@code (r_{k/2} / r_k)^d ~ Beta(k/2, k/2)}, so
     * {@code E[ID_i] = d E[log 2 / -log B]}: 1.0757 d at k = 20 (Jensen: the mean of the pointwise values is
     * biased up), computed here by quadrature. Tolerance 4%: the pointwise spread is 0.387/1.0757 = 36% of the mean,
     * so 0.8% for 2000 independent points; overlapping neighbourhoods widen it (by about 1.6 for MLE, see
     * {@link IdEstimation}), and 3 such standard errors are 4%. Measured: S^2 2.170, S^4 4.222, flat T^2 2.139.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("manifolds")
    void meetsItsClosedFormExpectationOnManifoldsOfKnownDimension(PointCloud x, int d) {
        double expected = d * expectedFactor(10);
        double ours = IdEstimation.run(MadaEstimator.withDefaults(), IdContext.of(x)).value();
        assertEquals(expected, ours, 0.04 * expected, x.source());
    }

    static Stream<Arguments> manifolds() {
        return Stream.of(Arguments.of(TestClouds.sphere(2000, 2, 11), 2), Arguments.of(TestClouds.sphere(2000, 4, 12), 4),
                Arguments.of(TestClouds.flatTorus(2000, 13), 2));
    }

    /** {@code E[log 2 / -log B]}, {@code B ~ Beta(h, h)}, by the midpoint rule on 10^6 cells. */
    static double expectedFactor(int h) {
        double logBeta = 2 * Gamma.logGamma(h) - Gamma.logGamma(2 * h);
        int cells = 1_000_000;
        double s = 0;
        for (int i = 0; i < cells; i++) {
            double b = (i + 0.5) / cells;
            double density = Math.exp((h - 1) * (Math.log(b) + Math.log1p(-b)) - logBeta);
            s += density * Math.log(2) / -Math.log(b);
        }
        return s / cells;
    }

    @Test
    void closedFormFactor() {
        assertEquals(1.0756861, expectedFactor(10), 1e-6);
    }

    @Test
    void badOptionsAreOneLine() {
        assertThrows(InvalidInputException.class, () -> new MadaEstimator.Options(1, Combination.MEAN));
        assertThrows(InvalidInputException.class, () -> new MadaEstimator.Options(20, Combination.MLE));
    }
}
