package org.repgap.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Chinchilla law fitted to the 245 digitised Chinchilla runs with the procedure of Besiroglu
 * et al. 2024 (arXiv:2404.10102): drop the 5 highest losses, Huber (delta 1e-3) on log L, summed,
 * L-BFGS from 4,500 starts. Published estimates (src/test/resources/reference/chinchilla/README.md).
 */
class ChinchillaReferenceTest {

    /** The 240 points (N, D, L) after dropping the 5 highest losses. */
    static CurvePoints chinchillaPoints() throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                ChinchillaReferenceTest.class.getResourceAsStream("/reference/chinchilla/svg_extracted_data.csv"), StandardCharsets.UTF_8))) {
            String[] header = r.readLine().split(",");
            int cn = List.of(header).indexOf("Model Size");
            int cc = List.of(header).indexOf("Training FLOP");
            int cl = List.of(header).indexOf("loss");
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                double n = Double.parseDouble(f[cn]);
                double c = Double.parseDouble(f[cc]);
                rows.add(new double[] {n, c / (6 * n), Double.parseDouble(f[cl])});
            }
        }
        rows.sort(Comparator.comparingDouble(v -> v[2]));
        List<double[]> kept = rows.subList(0, rows.size() - 5);
        double[][] x = new double[kept.size()][];
        double[] y = new double[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            x[i] = new double[] {kept.get(i)[0], kept.get(i)[1]};
            y[i] = kept.get(i)[2];
        }
        return CurvePoints.of(x, y);
    }

    /** Published estimate and bootstrap standard error of each parameter (Besiroglu et al. 2024, table 1). */
    private static final String[] NAMES = {"E", "A", "B", "alpha", "beta"};
    private static final double[] ESTIMATE = {1.817, 482.0, 2085, 0.3478, 0.3658};
    private static final double[] STANDARD_ERROR = {0.026, 124.5, 1293, 0.015, 0.021};

    /**
     * Estimates within a tenth of a published standard error: the published numbers come from the
     * same objective and start grid, so only the optimiser's stopping point may differ.
     * Bootstrap: 300 point resamples (not 4,000), each refitted from the full-data optimum and the
     * 4 next-best distinct local optima of the full grid (not all 4,500 starts); standard errors within
     * 30 % of the published ones. With 300 replicates the sampling error of a standard error is
     * about 4 % for the near-Gaussian E, alpha, beta and larger for the skewed A and B.
     *
     * <p>Measured (seed 20240416): E 1.8172 (+0.008 s.e.), A 477.83 (-0.034), B 2143.4 (+0.045),
     * alpha 0.34731 (-0.033), beta 0.36717 (+0.065); bootstrap s.e. 0.0240, 118.8, 1176, 0.0148,
     * 0.0187, i.e. 0.92, 0.95, 0.91, 0.99, 0.89 of the published values.
     */
    @Test
    void reproducesBesiroglu2024FitAndBootstrapErrors() throws IOException {
        CurvePoints data = chinchillaPoints();
        assertEquals(240, data.size());
        LearningCurve curve = LearningCurve.of(data.x(), data.y());
        FitAnalysis.Options o = FitAnalysis.Options.defaults().withFit(CurveFitter.Options.chinchilla()).withBootstrap(300, 20240416L);
        LawReport r = FitAnalysis.analyse(Laws.chinchilla(), curve, java.util.Map.of(), o, org.repgap.progress.Progress.NONE);
        assertTrue(r.converged());
        for (int k = 0; k < NAMES.length; k++) {
            double est = r.params().get(NAMES[k]);
            double se = r.standardErrors().get(NAMES[k]);
            assertEquals(ESTIMATE[k], est, 0.1 * STANDARD_ERROR[k], NAMES[k] + " estimate");
            assertEquals(1.0, se / STANDARD_ERROR[k], 0.3, NAMES[k] + " bootstrap standard error relative to published");
        }
    }
}
