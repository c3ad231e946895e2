package org.repgap.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.repgap.data.PointCloud;

/**
 * Every estimator is invariant under scaling of the data: a reference data set multiplied by 1e160, 1e200, 1e300
 * or 1e-200 (where squared distances overflow or underflow) gives the estimates of the unscaled set. Before the
 * internal rescaling these gave null dimensions, lpca 0 and gride 0.001.
 */
class ExtremeMagnitudeTest {

    /** scikit-dimension's M5a_Helix1d as in the reference tests (test resources, see their README). */
    private static final PointCloud HELIX = NpyTestReader.resource("/reference/skdim/datasets/M5a_Helix1d.npy").head(600);

    /**
     * Every estimator with its defaults on {@code x}, which is the helix times {@code factor}; TLE's absolute
     * {@code epsilon} (1e-4 in the helix's units) is given in {@code x}'s units, so that the same neighbours fall
     * below it.
     */
    private static List<Double> estimates(PointCloud x, double factor) {
        IdContext ctx = IdContext.of(x);
        List<Double> out = new ArrayList<>();
        for (String name : IdEstimators.names()) {
            List<IdEstimator> list = name.equals("tle")
                    ? List.of(TleEstimator.of(new TleEstimator.Options(20, 1e-4 * factor, Combination.MEAN)))
                    : IdEstimators.createScales(name, IdEstimators.Settings.defaults(), ctx.n());
            for (IdEstimator e : list) {
                out.add(IdEstimation.run(e, ctx).dimension());
            }
        }
        return out;
    }

    private static PointCloud scaled(PointCloud x, double factor) {
        double[] v = x.values().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
        return PointCloud.wrap(x.n(), x.dim(), v, x.source() + " x " + factor);
    }

    @ParameterizedTest(name = "x {0}")
    @ValueSource(doubles = {1e160, 1e200, 1e300, 1e-200, 1e-300, 0x1p-1000})
    void scaledCopiesGiveTheUnscaledEstimates(double factor) {
        List<Double> ref = estimates(HELIX, 1);
        List<Double> got = estimates(scaled(HELIX, factor), factor);
        assertEquals(ref.size(), got.size());
        for (int i = 0; i < ref.size(); i++) {
            assertNotNull(got.get(i), "estimate " + i + " undefined at scale " + factor);
            // multiplying by 10^k rounds each coordinate (relative 1e-16): the estimates move by rounding only
            assertEquals(ref.get(i), got.get(i), 1e-9 * Math.max(1, Math.abs(ref.get(i))), "estimate " + i + " at scale " + factor);
        }
    }
}
