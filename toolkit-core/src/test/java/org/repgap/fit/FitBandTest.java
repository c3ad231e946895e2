package org.repgap.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.repgap.progress.Progress;

/** {@link FitAnalysis#band}: the pointwise bootstrap band of a fitted law. */
class FitBandTest {

    /** y = 1 + 30 n^-0.6 at 10 sizes, three seeds at +-1 % around it. */
    private static LearningCurve curve() {
        double[] x = new double[30];
        double[] y = new double[30];
        double[] f = {1.01, 1.0, 1 / 1.01};
        for (int i = 0; i < 10; i++) {
            for (int s = 0; s < 3; s++) {
                x[3 * i + s] = 10 * Math.pow(2, i);
                y[3 * i + s] = f[s] * (1 + 30 * Math.pow(x[3 * i + s], -0.6));
            }
        }
        return LearningCurve.ofColumn(x, y);
    }

    @Test
    void bandBracketsTheFitAndIsNarrowForOnePercentNoise() {
        Law law = Laws.parse("power+offset", 1, Double.NaN, 1).get(0);
        FitAnalysis.Options o = FitAnalysis.Options.defaults().withBootstrap(60, 3);
        LawReport report = FitAnalysis.analyse(law, curve(), Map.of(), o, Progress.NONE);
        double[] xs = {10, 40, 160, 640, 5120};
        double[][] band = FitAnalysis.band(law, curve(), o, xs, Progress.NONE);
        double[] p = report.params().values().stream().mapToDouble(Double::doubleValue).toArray();
        for (int i = 0; i < xs.length; i++) {
            double fit = law.evaluate(p, new double[] {xs[i]}, new double[] {Math.log(xs[i])}, null);
            // the full-data fit lies inside the 95 % percentile band of its replicates; with +-1 % seed noise
            // (sd of a 3-seed mean about 0.6 %) the band is at most a few per cent wide, also at x = 5120
            // (extrapolated 8x beyond the data): under 10 %
            assertTrue(band[0][i] <= fit && fit <= band[1][i], "x = " + xs[i] + ": " + band[0][i] + " " + fit + " " + band[1][i]);
            assertTrue(band[1][i] - band[0][i] > 0, "x = " + xs[i]);
            assertTrue((band[1][i] - band[0][i]) / fit < 0.1, "x = " + xs[i] + ": width " + (band[1][i] - band[0][i]) / fit);
        }
        // deterministic: the same replicates as the analysis (same seed)
        assertArrayEquals(band[0], FitAnalysis.band(law, curve(), o, xs, Progress.NONE)[0], 0);
    }

    @Test
    void noBandWithoutBootstrap() {
        Law law = Laws.parse("power", 1, Double.NaN, 1).get(0);
        assertNull(FitAnalysis.band(law, curve(), FitAnalysis.Options.defaults(), new double[] {10, 100}, Progress.NONE));
        assertEquals(0, FitAnalysis.Options.defaults().bootstrap());
    }
}
