package org.repgap.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.repgap.data.PointCloud;
import org.repgap.group.Groups;
import org.repgap.neighbors.Metric;

class RepresentationGapsTest {

    @Test
    void effectiveSizeInterpolatesInLogLog() {
        RepresentationGaps.Curve c = new RepresentationGaps.Curve(new int[] {1, 2, 4}, new double[] {4, 2, 1});
        // between (2, 2) and (4, 1): log-log line RG = 4/k, so RG = 1.5 at k = 8/3
        assertEquals(8.0 / 3, RepresentationGaps.effectiveSize(c, 1.5), 1e-12);
        assertEquals(1, RepresentationGaps.effectiveSize(c, 10), 0.0);
        // beyond the curve: the last segment's slope extrapolates, RG = 0.5 at k = 8
        assertEquals(8, RepresentationGaps.effectiveSize(c, 0.5), 1e-12);
    }

    @Test
    void gapsAndMemorisationOnAHandMadeConfiguration() {
        PointCloud train = PointCloud.of(new double[][] {{0, 0}, {3, 0}});
        PointCloud test = PointCloud.of(new double[][] {{1, 0}, {3, 2}});
        // min squared distances: 1 and 4
        assertEquals(2.5, RepresentationGaps.meanMinSquared(train, test, Metric.euclidean()), 1e-12);
        // (0.5, 0): d1 = 0.5, d2 = 2.5 -> memorised; (1.5, 0): d1 = d2 -> not
        PointCloud samples = PointCloud.of(new double[][] {{0.5, 0}, {1.5, 0}});
        assertEquals(0.5, RepresentationGaps.memorizationFraction(train, samples, Metric.euclidean()), 0.0);
        // the signs orbit of (3, 0) contains (-3, 0): distance 0 modulo the group
        PointCloud mirrored = PointCloud.of(new double[][] {{-3, 0}});
        assertEquals(0, RepresentationGaps.meanMinSquared(train, mirrored, org.repgap.group.Groups.signs().orbitMetric(2)), 1e-12);
    }

    /** The ideal denoiser selects the nearest orbit point as sigma -> 0 and returns the orbit mean as sigma -> infinity. */
    @Test
    void idealDenoiserLimits() {
        PointCloud train = PointCloud.of(new double[][] {{1, 2}, {-3, 0.5}});
        IdealDenoiser plain = IdealDenoiser.of(train, Groups.none(), 1, 100);
        IdealDenoiser signs = IdealDenoiser.of(train, org.repgap.group.Groups.signs(), 1, 100);
        assertEquals(8, signs.orbitPoints());
        double[] y = {0.9, -1.7};
        double[] out = new double[2];
        plain.denoise(y, new double[] {1e-3}, 1, out);
        assertEquals(List.of(1.0, 2.0), List.of(out[0], out[1]));
        signs.denoise(y, new double[] {1e-3}, 1, out);
        assertEquals(1.0, out[0], 1e-12);
        assertEquals(-2.0, out[1], 1e-12);
        signs.denoise(y, new double[] {1e6}, 1, out);
        assertEquals(0, out[0], 1e-9);
        assertEquals(0, out[1], 1e-9);
        plain.denoise(y, new double[] {1e6}, 1, out);
        assertEquals(-1, out[0], 1e-9);
        assertEquals(1.25, out[1], 1e-9);
    }
}
