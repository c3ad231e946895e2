package org.repgap.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.repgap.progress.Progress;

/** The default loss has a unique optimum on ordinary learning curves (issue 15, defect 2). */
class DefaultLossTest {

    /**
     * An ordinary learning curve: 12 sizes from 100 to 204,800, {@code L = 3 n^(-0.3)} with
     * multiplicative noise {@code exp(0.05 z)}, far above the Chinchilla Huber threshold 1e-3.
     */
    static LearningCurve ordinaryCurve() {
        SplittableRandom rng = new SplittableRandom(7);
        double[] x = new double[12];
        double[] y = new double[12];
        for (int i = 0; i < 12; i++) {
            x[i] = 100 * Math.pow(2, i);
            y[i] = 3 * Math.pow(x[i], -0.3) * Math.exp(0.05 * LawFixtures.gaussian(rng));
        }
        return LearningCurve.ofColumn(x, y);
    }

    /**
     * {@code rg} ({@code C n^(-2/d)}) and {@code power} ({@code A n^(-alpha)}) are one family:
     * under the default loss both are the log-space linear regression, so {@code C = A} and
     * {@code d = 2 / alpha} to optimiser precision (1e-6 relative; both runs are polished to
     * a relative objective change of 1e-15, which moves a well-conditioned 2-parameter optimum
     * far less). Under Huber with delta 1e-3 they differed (the objective is L1-like and flat
     * between data points).
     */
    @Test
    void sameFamilyGivesTheSameParameters() {
        LearningCurve curve = ordinaryCurve();
        FitAnalysis.Options o = FitAnalysis.Options.defaults();
        LawReport rg = FitAnalysis.analyse(Laws.representationGap(Double.NaN), curve, Map.of(), o, Progress.NONE);
        LawReport power = FitAnalysis.analyse(Laws.power(), curve, Map.of(), o, Progress.NONE);
        double c = rg.params().get("C");
        double a = power.params().get("A");
        double d = rg.params().get("d");
        double alpha = power.params().get("alpha");
        assertEquals(1, c / a, 1e-6, "C " + c + " vs A " + a);
        assertEquals(1, d * alpha / 2, 1e-6, "d " + d + " vs 2/alpha " + 2 / alpha);
        assertEquals(rg.dimension(), power.dimension(), 1e-6 * d);
        // and it is the closed-form log-log regression
        double[] lx = new double[curve.size()];
        double[] ly = new double[curve.size()];
        double mx = 0;
        double my = 0;
        for (int j = 0; j < curve.size(); j++) {
            lx[j] = Math.log(curve.x(j)[0]);
            ly[j] = Math.log(curve.values(j)[0]);
            mx += lx[j] / curve.size();
            my += ly[j] / curve.size();
        }
        double sxy = 0;
        double sxx = 0;
        for (int j = 0; j < curve.size(); j++) {
            sxy += (lx[j] - mx) * (ly[j] - my);
            sxx += (lx[j] - mx) * (lx[j] - mx);
        }
        assertEquals(-sxy / sxx, alpha, 1e-7, "alpha against the closed-form regression");
    }

    /** The Chinchilla setting is one option away and still Huber with delta 1e-3. */
    @Test
    void chinchillaSettingIsHuberWithDelta1e3() {
        assertEquals(Loss.huberLog(1e-3), CurveFitter.Options.chinchilla().loss());
        assertEquals(Loss.leastSquares(Loss.Space.LOG), CurveFitter.Options.defaults().loss());
        assertTrue(CurveFitter.Options.chinchilla().method() == CurveFitter.Method.LBFGS);
    }
}
