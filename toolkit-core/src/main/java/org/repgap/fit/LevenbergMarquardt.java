package org.repgap.fit;

import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Least squares by Levenberg-Marquardt (Moré 1978, doi:10.1007/BFb0067700) through Commons Math's
 * {@link LevenbergMarquardtOptimizer}, on the weighted residuals of an {@link Objective} with its
 * analytic Jacobian. Only for {@link Loss.Kind#L2}.
 */
final class LevenbergMarquardt {
    private LevenbergMarquardt() {
    }

    static Lbfgs.Result minimize(Objective objective, int points, double[] u0, int maxIterations, double tolerance) {
        int n = points;
        int m = u0.length;
        LeastSquaresBuilder b = new LeastSquaresBuilder()
                .start(u0)
                .target(new double[n])
                .maxIterations(Integer.MAX_VALUE)
                .maxEvaluations(Integer.MAX_VALUE)
                .checker((iteration, previous, current) -> iteration >= maxIterations)
                .model(point -> {
                    double[] u = point.toArray();
                    double[] r = new double[n];
                    double[][] j = new double[n][m];
                    if (!objective.residuals(u, r, j)) {
                        java.util.Arrays.fill(r, 1e100);
                        j = new double[n][m];
                    }
                    for (int i = 0; i < n; i++) {
                        r[i] = -r[i];
                        for (int k = 0; k < m; k++) {
                            j[i][k] = -j[i][k];
                        }
                    }
                    return new Pair<>(new ArrayRealVector(r, false), new Array2DRowRealMatrix(j, false));
                });
        LevenbergMarquardtOptimizer lm = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(tolerance)
                .withParameterRelativeTolerance(tolerance)
                .withOrthoTolerance(1e-12);
        try {
            LeastSquaresOptimizer.Optimum opt = lm.optimize(b.build());
            double[] u = opt.getPoint().toArray();
            double value = objective.valueAndGradient(u, null);
            boolean limit = opt.getIterations() >= maxIterations;
            return new Lbfgs.Result(u, value, opt.getIterations(), opt.getEvaluations(), Double.isFinite(value) && !limit,
                    limit ? "Levenberg-Marquardt iteration limit reached" : "Levenberg-Marquardt converged");
        } catch (TooManyIterationsException | TooManyEvaluationsException e) {
            return new Lbfgs.Result(u0, objective.valueAndGradient(u0, null), maxIterations, maxIterations, false,
                    "Levenberg-Marquardt iteration limit reached");
        } catch (org.apache.commons.math3.exception.ConvergenceException e) {
            return new Lbfgs.Result(u0, objective.valueAndGradient(u0, null), 0, 0, false,
                    "Levenberg-Marquardt failed: " + e.getMessage());
        }
    }
}
