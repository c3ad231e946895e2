package org.repgap.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.repgap.group.Groups;
import org.repgap.group.SymmetryGroup;

/** The primal step on {@code gamma_l} of {@link AceDenoiser}. */
class AceDenoiserTest {

    private static AceDenoiser model(SymmetryGroup g, int dim) {
        return AceDenoiser.init(new MlpDenoiser.Architecture(dim, 8, 2, 4, 0.7), g, AceDenoiser.Options.defaults(), 5);
    }

    /** One forward and backward pass with {@code dLoss/dD = scale} everywhere. */
    private static void pass(AceDenoiser m, int dim, double scale) {
        int b = 4;
        SplittableRandom rng = new SplittableRandom(3);
        float[] y = new float[b * dim];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) rng.nextGaussian();
        }
        float[] sigma = {0.05f, 0.3f, 1f, 4f};
        float[] out = new float[b * dim];
        m.forward(y, sigma, b, out);
        float[] dOut = new float[b * dim];
        java.util.Arrays.fill(dOut, (float) scale);
        m.backward(dOut, b);
    }

    /**
     * A loss spike moves no {@code gamma_l} by more than {@code eta_gamma * MAX_GRADIENT}. Without the bound, the signs
     * task diverged (session 6: {@code repgap train --dataset sign-vectors:3:2 --group signs --equivariance ace --sizes 4
     * --dataset-size 3072} at lr 3e-3): a loss of 2.2 gave {@code dL/dgamma_0} about 100, the plain gradient step moved
     * {@code gamma_0} from 0.02 to -1.06, and the loss went to 91, 1.4e4, NaN in three steps. Where the gradient is
     * small the step is the plain augmented-Lagrangian one, {@code -eta_gamma (g + lambda + rho gamma)}, to rounding.
     */
    @ParameterizedTest
    @CsvSource({"signs, 3", "so2, 2"})
    void aGradientSpikeMovesGammaByAtMostTheBound(String group, int dim) {
        SymmetryGroup g = Groups.parse(group);
        AceDenoiser.Options o = AceDenoiser.Options.defaults();
        AceDenoiser spike = model(g, dim);
        pass(spike, dim, 1e4);
        double[] before = spike.gammas();
        double largest = 0;
        for (int l = 0; l < spike.constraints(); l++) {
            largest = Math.max(largest, Math.abs(spike.gammaGradient(l)));
        }
        assertTrue(largest > 100 * AceDenoiser.MAX_GRADIENT, "the test needs a spike: largest |dL/dgamma| " + largest);
        spike.afterStep();
        for (int l = 0; l < spike.constraints(); l++) {
            double step = Math.abs(spike.gammas()[l] - before[l]);
            assertTrue(step <= o.gammaRate() * AceDenoiser.MAX_GRADIENT * (1 + 1e-12), "gamma_" + l + " moved " + step);
        }

        AceDenoiser calm = model(g, dim);
        for (int l = 0; l < calm.constraints(); l++) {
            calm.setGamma(l, 0.3); // rho gamma = 0.3: inside the bound
        }
        pass(calm, dim, 1e-4);
        double[] b = calm.gammas();
        double[] grad = new double[calm.constraints()];
        for (int l = 0; l < calm.constraints(); l++) {
            grad[l] = calm.gammaGradient(l);
        }
        calm.afterStep();
        for (int l = 0; l < calm.constraints(); l++) {
            // dual and slack start at 0; rho = 1
            double expected = b[l] - o.gammaRate() * (grad[l] + o.penalty() * b[l]);
            assertTrue(Math.abs(grad[l] + o.penalty() * b[l]) < AceDenoiser.MAX_GRADIENT, "the test needs an unclipped step");
            assertEquals(expected, calm.gammas()[l], 1e-15, "gamma_" + l);
        }
    }
}
