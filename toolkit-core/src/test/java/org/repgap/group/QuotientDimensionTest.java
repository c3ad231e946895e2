package org.repgap.group;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.repgap.data.PointCloud;
import org.repgap.neighbors.Metric;
import org.repgap.neighbors.NeighborGraph;
import org.repgap.neighbors.NeighborSearch;

/**
 * The check from the issue: {@code x = (u, v)} with {@code u} on the unit circle at angle {@code t} and
 * {@code v} at radius {@code 1 + r}, angle {@code t + p} ({@code t, p} uniform on the circle, {@code r}
 * uniform on [0, 1]) fills a 3-dimensional manifold of {@code R^4}; the common rotation moves along
 * {@code t}, so the quotient by {@code so2} is 2-dimensional (THEORY.md section 4: {@code d_task = d - k}).
 * TwoNN (Facco et al. 2017, doi:10.1038/s41598-017-11873-y), maximum-likelihood form
 * {@code d = (n - 1) / sum_i log(r_2(i) / r_1(i))}, on brute-force neighbours.
 *
 * <p>Tolerance 0.25: the estimator's standard error is {@code d / sqrt(n) ~ 0.07} at {@code n = 2000},
 * and the boundary of the annulus ({@code r = 0, 1}) biases it slightly down.
 */
class QuotientDimensionTest {

    @Test
    void twoNnSeesThreeDimensionsWithoutTheGroupAndTwoWithSo2() {
        double[] d = estimates();
        assertEquals(3, d[0], 0.25, "Euclidean TwoNN");
        assertEquals(2, d[1], 0.25, "TwoNN with the so2 orbit distance");
    }

    /** {TwoNN without group, TwoNN with so2}; measured 2.95 and 2.00 (seed 2026). */
    static double[] estimates() {
        int n = 2000;
        SplittableRandom rng = new SplittableRandom(2026);
        double[] v = new double[4 * n];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * rng.nextDouble();
            double p = 2 * Math.PI * rng.nextDouble();
            double r = 1 + rng.nextDouble();
            v[4 * i] = Math.cos(t);
            v[4 * i + 1] = Math.sin(t);
            v[4 * i + 2] = r * Math.cos(t + p);
            v[4 * i + 3] = r * Math.sin(t + p);
        }
        PointCloud x = PointCloud.wrap(n, 4, v, "circle-annulus");
        double plain = twoNn(NeighborSearch.bruteForce(Metric.euclidean()).allKnn(x, 2));
        double quotient = twoNn(NeighborSearch.bruteForce(Groups.so2().orbitMetric(4)).allKnn(x, 2));
        return new double[] {plain, quotient};
    }

    private static double twoNn(NeighborGraph g) {
        double sum = 0;
        for (int i = 0; i < g.n(); i++) {
            sum += Math.log(g.distance(i, 1) / g.distance(i, 0));
        }
        return (g.n() - 1) / sum;
    }
}
