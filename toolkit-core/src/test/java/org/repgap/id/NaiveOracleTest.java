package org.repgap.id;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.repgap.data.PointCloud;

/**
 * TwoNN and MLE against a naive, independent computation on a small set: the full distance matrix,
 * each row sorted, the published formulas written out directly. Agreement to 1e-12 relative
 * (the same floating-point operations up to summation order).
 */
class NaiveOracleTest {
    static final PointCloud X = TestClouds.sphere(300, 3, 99);

    static double[][] sortedDistances(PointCloud x) {
        int n = x.n();
        double[][] d = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] row = new double[n - 1];
            int c = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    double s = 0;
                    for (int a = 0; a < x.dim(); a++) {
                        double t = x.get(i, a) - x.get(j, a);
                        s += t * t;
                    }
                    row[c++] = Math.sqrt(s);
                }
            }
            Arrays.sort(row);
            d[i] = row;
        }
        return d;
    }

    @Test
    void twoNnLinearFitAndMaximumLikelihood() {
        double[][] d = sortedDistances(X);
        int n = X.n();
        double[] mu = new double[n];
        double sumLog = 0;
        for (int i = 0; i < n; i++) {
            mu[i] = d[i][1] / d[i][0];
            sumLog += Math.log(mu[i]);
        }
        double meanR = 0;
        for (int i = 0; i < n; i++) {
            meanR += (d[i][0] + d[i][1]) / (2.0 * n);
        }
        Arrays.sort(mu);
        int m = (int) Math.floor(n * 0.9);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < m; i++) {
            double xi = Math.log(mu[i]);
            double yi = -Math.log(1 - (i + 1.0) / n);
            sxy += xi * yi;
            sxx += xi * xi;
        }
        IdContext ctx = IdContext.of(X);
        assertEquals(sxy / sxx, IdEstimation.run(TwoNnEstimator.withDefaults(), ctx).value(), 1e-12 * sxy / sxx);
        double ml = (n - 1) / sumLog;
        IdResult r = IdEstimation.run(TwoNnEstimator.of(TwoNnEstimator.Options.defaults().withFit(TwoNnEstimator.Fit.ML)), ctx);
        assertEquals(ml, r.value(), 1e-12 * ml);
        assertEquals(ml / Math.sqrt(n), r.standardError(), 1e-12);
        assertEquals(meanR, r.scaleDistance(), 1e-12 * meanR);
    }

    @Test
    void mleWithEachCombination() {
        double[][] d = sortedDistances(X);
        int n = X.n();
        int k = 12;
        double[] m = new double[n];
        double invSum = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < k; j++) {
                s += Math.log(d[i][k - 1] / d[i][j]);
            }
            m[i] = (k - 1) / s;
            invSum += 1 / m[i];
        }
        double harmonic = n / invSum;
        double mean = Arrays.stream(m).average().orElseThrow();
        double[] sorted = m.clone();
        Arrays.sort(sorted);
        double median = 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
        IdContext ctx = IdContext.of(X);
        MleEstimator.Options o = MleEstimator.Options.defaults().withK(k);
        assertEquals(harmonic, IdEstimation.run(MleEstimator.of(o), ctx).value(), 1e-12 * harmonic);
        assertEquals(mean, IdEstimation.run(MleEstimator.of(o.withCombination(Combination.MEAN)), ctx).value(), 1e-12 * mean);
        assertEquals(median, IdEstimation.run(MleEstimator.of(o.withCombination(Combination.MEDIAN)), ctx).value(), 1e-12 * median);
        double[] pw = IdEstimation.run(MleEstimator.of(o), ctx, IdEstimation.Options.defaults().withPointwise(true)).pointwise();
        for (int i = 0; i < n; i++) {
            assertEquals(m[i], pw[i], 1e-12 * m[i]);
        }
    }

    @Test
    void momAndCorrelationIntegral() {
        double[][] d = sortedDistances(X);
        int n = X.n();
        int k = 30;
        double mean = 0;
        double[] rk1 = new double[n];
        double[] rk2 = new double[n];
        for (int i = 0; i < n; i++) {
            double m1 = 0;
            for (int j = 0; j < k; j++) {
                m1 += d[i][j];
            }
            m1 /= k;
            mean += m1 / (d[i][k - 1] - m1) / n;
            rk1[i] = d[i][9];
            rk2[i] = d[i][19];
        }
        IdContext ctx = IdContext.of(X);
        assertEquals(mean, IdEstimation.run(MomEstimator.of(MomEstimator.Options.defaults().withK(k)), ctx).value(), 1e-12 * mean);
        Arrays.sort(rk1);
        Arrays.sort(rk2);
        double r1 = 0.5 * (rk1[n / 2 - 1] + rk1[n / 2]);
        double r2 = 0.5 * (rk2[n / 2 - 1] + rk2[n / 2]);
        long c1 = 0;
        long c2 = 0;
        for (double[] row : d) {
            for (double v : row) {
                c1 += v < r1 ? 1 : 0;
                c2 += v < r2 ? 1 : 0;
            }
        }
        double gp = Math.log((double) c2 / c1) / Math.log(r2 / r1);
        assertEquals(gp, IdEstimation.run(CorrIntEstimator.withDefaults(), ctx).value(), 1e-12 * gp);
    }
}
