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
        IdealDenoiserAdapter plain = IdealDenoiserAdapter.of(train, Groups.none(), 1, 100);
        IdealDenoiserAdapter signs = IdealDenoiserAdapter.of(train, org.repgap.group.Groups.signs(), 1, 100);
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

    /**
     * The runs.csv gap columns ({@code sample_rg}, {@code ideal_rg} modulo so2 and their {@code _plain} versions) against
     * a brute-force double loop over {@code Metric.distance} (no neighbour search): equal to rounding (1e-12 relative;
     * both sum the same squared distances, in another order).
     */
    @Test
    void gapColumnsInBothMetricsMatchBruteForce() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(42);
        PointCloud train = random(12, 6, rng);
        PointCloud samples = random(48, 6, rng);
        PointCloud test = random(30, 6, rng);
        PointCloud reserve = random(20, 6, rng);
        for (Metric metric : List.of(Metric.euclidean(), Groups.so2().orbitMetric(6))) {
            RunMetrics.Gap gap = RunMetrics.Gap.of(samples, train, test, train.append(reserve), metric);
            assertEquals(bruteForce(samples, test, metric), gap.sampleRg(), 1e-12 * gap.sampleRg(), metric.name());
            assertEquals(bruteForce(train, test, metric), gap.idealRg(), 1e-12 * gap.idealRg(), metric.name());
            int[] k = gap.curve().sizes();
            assertEquals(32, k[k.length - 1], "the pool: training then reserve points");
            assertEquals(bruteForce(train.append(reserve), test, metric), gap.curve().gaps()[k.length - 1], 1e-12, metric.name());
        }
        // the orbit metric never exceeds the plain one (the identity is in the group)
        assertEquals(true, RunMetrics.Gap.of(samples, train, test, train, Groups.so2().orbitMetric(6)).sampleRg()
                <= RunMetrics.Gap.of(samples, train, test, train, Metric.euclidean()).sampleRg());
    }

    private static double bruteForce(PointCloud data, PointCloud queries, Metric metric) {
        double total = 0;
        for (int q = 0; q < queries.n(); q++) {
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < data.n(); i++) {
                double d = metric.distance(queries.row(q), data.row(i));
                best = Math.min(best, d * d);
            }
            total += best;
        }
        return total / queries.n();
    }

    private static PointCloud random(int n, int d, java.util.SplittableRandom rng) {
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        return PointCloud.of(x);
    }
}
