package org.repgap.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The optimisers on problems with known minima. */
class OptimizerTest {

    /** Extended Rosenbrock function, minimum 0 at (1, ..., 1) (Moré, Garbow & Hillstrom 1981, problem 21). */
    private static double rosenbrock(double[] x, double[] g) {
        double f = 0;
        if (g != null) {
            java.util.Arrays.fill(g, 0);
        }
        for (int i = 0; i + 1 < x.length; i += 2) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            f += 100 * a * a + b * b;
            if (g != null) {
                g[i] += -400 * a * x[i] - 2 * b;
                g[i + 1] += 200 * a;
            }
        }
        return f;
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {2, 10, 50})
    void lbfgsFindsRosenbrockMinimum(int n) {
        double[] x0 = new double[n];
        for (int i = 0; i < n; i += 2) {
            x0[i] = -1.2;
            x0[i + 1] = 1;
        }
        Lbfgs.Result r = Lbfgs.minimize(OptimizerTest::rosenbrock, x0, Lbfgs.Options.defaults());
        assertTrue(r.converged(), r.message());
        for (double v : r.x()) {
            assertEquals(1, v, 1e-5);
        }
        assertTrue(r.iterations() < 400, "iterations " + r.iterations());
    }

    @Test
    void iterationLimitIsReportedAsNotConverged() {
        Lbfgs.Result r = Lbfgs.minimize(OptimizerTest::rosenbrock, new double[] {-1.2, 1}, new Lbfgs.Options(3, 1e-12, 0, 5));
        assertFalse(r.converged());
        assertEquals("iteration limit reached", r.message());
    }

    /** Noise-free data: both optimisers recover the generating parameters to rounding level. */
    @Test
    void levenbergMarquardtAndLbfgsAgreeOnExactData() {
        Law law = Laws.powerWithOffset();
        double[] truth = {0.8, 12, 0.45};
        double[] x = new double[25];
        double[] y = new double[25];
        for (int i = 0; i < 25; i++) {
            x[i] = 5 * Math.pow(2, i / 2.0);
            y[i] = law.predict(truth, x[i]);
        }
        CurvePoints data = CurvePoints.ofColumn(x, y);
        CurveFitter.Options l2 = CurveFitter.Options.defaults().withLoss(Loss.leastSquares(Loss.Space.LOG));
        FitResult a = CurveFitter.fit(law, data, l2);
        FitResult b = CurveFitter.fit(law, data, l2.withMethod(CurveFitter.Method.LEVENBERG_MARQUARDT));
        assertArrayEquals(truth, a.params(), 1e-6);
        assertArrayEquals(truth, b.params(), 1e-6);
    }

    /** Positivity-constrained least squares against enumeration of a fine grid (the oracle). */
    @Test
    void constrainedLinearSolveMatchesBruteForce() {
        double[][] phi = {{1, 1}, {1, 2}, {1, 3}, {1, 4}};
        double[] y = {4, 3, 2, 1.2};
        double[] w = {1, 1, 1, 1};
        double[] beta = VariableProjection.solve(phi, y, w, new boolean[] {true, true});
        double best = Double.POSITIVE_INFINITY;
        double[] arg = null;
        for (double b0 = 0; b0 <= 5; b0 += 0.001) {
            double num = 0;
            double den = 0;
            for (int i = 0; i < 4; i++) {
                num += phi[i][1] * (y[i] - b0);
                den += phi[i][1] * phi[i][1];
            }
            double b1 = Math.max(0, num / den);
            double s = 0;
            for (int i = 0; i < 4; i++) {
                double r = b0 + b1 * phi[i][1] - y[i];
                s += r * r;
            }
            if (s < best) {
                best = s;
                arg = new double[] {b0, b1};
            }
        }
        assertEquals(arg[0], beta[0], 2e-3);
        assertTrue(beta[1] > 0 && beta[1] < 1e-5, "slope held at the boundary (tiny positive): " + beta[1]);
        List<double[]> starts = VariableProjection.starts(Laws.power(), CurvePoints.ofColumn(new double[] {1, 2, 4}, new double[] {3, 1.5, 0.75}),
                List.of(new double[] {0, 1}, new double[] {0, 2}), new int[] {0}, (p, xx, lx, ph) -> {
                    ph[0] = Math.exp(-p[1] * lx[0]);
                    return 0;
                }, 1);
        assertArrayEquals(new double[] {3, 1}, starts.get(0), 1e-9, "exact data: alpha = 1 with A = 3 ranks first");
    }
}
