package org.repgap.neighbors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The four-at-a-time distances must be bit-identical to {@link EuclideanMetric#directDistance}: the searches rely on it. */
class EuclideanMetricTest {

    @Test
    void fourAtATimeIsBitIdenticalToOneAtATime() {
        SplittableRandom rnd = new SplittableRandom(9);
        double[] out = new double[4];
        for (int trial = 0; trial < 200; trial++) {
            int dim = 1 + rnd.nextInt(130);
            int rows = 9;
            double[] v = new double[rows * dim];
            for (int p = 0; p < v.length; p++) {
                // offsets far from the origin and tiny differences: rounding differs if the order differs
                v[p] = (trial % 2 == 0 ? 1e4 : 0) + rnd.nextGaussian() * Math.pow(10, -rnd.nextInt(8));
            }
            int a = rnd.nextInt(rows);
            int[] b = {rnd.nextInt(rows), rnd.nextInt(rows), rnd.nextInt(rows), a};
            EuclideanMetric.directDistances4(v, a * dim, v, b[0] * dim, b[1] * dim, b[2] * dim, b[3] * dim, dim, out);
            for (int u = 0; u < 4; u++) {
                double one = EuclideanMetric.directDistance(v, a * dim, v, b[u] * dim, dim);
                assertEquals(Double.doubleToRawLongBits(one), Double.doubleToRawLongBits(out[u]), "trial " + trial + " row " + u);
            }
        }
    }
}
