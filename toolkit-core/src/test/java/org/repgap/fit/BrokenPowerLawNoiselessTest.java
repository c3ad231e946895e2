package org.repgap.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The noiseless simulation of Caballero et al. 2022 (arXiv:2210.14891, Figure 4 right):
 * {@code github.com/ethancaballero/broken_neural_scaling_laws}, file
 * {@code fit_bnsl_and_extrapolate__4_digit_addition__dataset_size_x-axis__noiseless_simulation.py}
 * (commit ffa608f). Its ground truth is a one-break law at {@code x = 1..4095}; it fits on the
 * first 405 points (the break at {@code d1 = 612.6} lies beyond them) by a grid of starts then
 * {@code scipy.optimize.curve_fit}, and prints {@code c1 = 5.6626} and an extrapolation RMSLE of
 * 1.1e-5. The data are generated here from the script's formula and parameters.
 */
class BrokenPowerLawNoiselessTest {
    /** The script's {@code a_gt, b_gt, c0_gt, c1_gt, d1_gt, f1_gt}. */
    static final double[] TRUTH = {0.41388453071629455, 2.2772722897737556, 0.055077348404973955, 5.662903816010331,
        612.5836172918001, 0.059193036393742314};

    /** RMSLE of BNSL's own fit on the extrapolated points {@code x = 406..4095}. */
    static final double BNSL_RMSLE = 1.1e-5;

    @Test
    void fitOnTheFirst405PointsExtrapolatesAsWellAsBnsl() {
        Law law = Laws.broken(1);
        int split = 405;
        double[] x = new double[split];
        double[] y = new double[split];
        for (int i = 0; i < split; i++) {
            x[i] = i + 1;
            y[i] = law.predict(TRUTH, x[i]);
        }
        FitResult fit = CurveFitter.fit(law, CurvePoints.ofColumn(x, y),
                CurveFitter.Options.defaults().withLoss(Loss.leastSquares(Loss.Space.LOG)));
        double ss = 0;
        for (int i = split + 1; i <= 4095; i++) {
            double e = Math.log(law.predict(fit.params(), i)) - Math.log(law.predict(TRUTH, i));
            ss += e * e;
        }
        double rmsle = Math.sqrt(ss / (4095 - split));
        String what = java.util.Arrays.toString(fit.params()) + " objective " + fit.objective() + " " + fit.convergence();
        // at the exact optimum the objective is rounding noise: 405 residuals of a few ulp of log y
        // (~1e-16) give ~1e-30; the previous L-BFGS-only fit stopped at 3e-14 ("converged")
        assertTrue(fit.objective() < 1e-26, what);
        assertTrue(fit.converged(), what);
        assertTrue(fit.convergence().agreeingStarts() >= 2, what);
        assertTrue(fit.convergence().gradientNorm() < 1e-10, what);
        // BNSL reaches c1 = 5.6626 (3e-4 from the truth); ours must be at least as close
        assertEquals(TRUTH[3], fit.param("c1"), 3e-4, what);
        assertTrue(rmsle <= BNSL_RMSLE, "extrapolation RMSLE " + rmsle + ": " + what);
    }
}
