package org.repgap.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.repgap.diffusion.nn.Adam;
import org.repgap.diffusion.nn.Parameter;

class AdamAndSamplerTest {

    @Test
    void adamMatchesTheClosedFormOfTwoSteps() {
        // step 1: m = 0.1 g, v = 0.001 g^2, mhat = g, vhat = g^2 -> p -= lr g / (|g| + eps)
        // step 2 with gradient h: m = 0.09 g + 0.1 h, v = 0.000999 g^2 + 0.001 h^2,
        //   p -= lr (m / 0.19) / (sqrt(v / 0.001999) + eps)
        Parameter p = new Parameter("p", new float[] {1f}, new float[] {0.5f});
        Adam adam = Adam.of(Adam.Options.torchDefaults(10), List.of(p));
        adam.step();
        double expected = 1 - 1e-3 * 0.5 / (0.5 + 1e-8);
        assertEquals(expected, p.value()[0], 1e-7);
        p.grad()[0] = -2f;
        adam.step();
        double m = 0.09 * 0.5 + 0.1 * -2;
        double v = 0.000999 * 0.25 + 0.001 * 4;
        expected -= 1e-3 * (m / 0.19) / (Math.sqrt(v / 0.001999) + 1e-8);
        assertEquals(expected, p.value()[0], 1e-7);
    }

    @Test
    void scheduleWarmsUpLinearlyThenDecaysByCosine() {
        Adam.Options o = new Adam.Options(1e-3, 0.9, 0.999, 1e-8, 9, 109, true, 0.05);
        assertEquals(1e-4, o.rate(1), 1e-15);
        assertEquals(9e-4, o.rate(9), 1e-15);
        assertEquals(1e-3, o.rate(10) + 0.5 * (1e-3 - 5e-5) * (1 - Math.cos(Math.PI * 0.01)), 1e-15);
        assertEquals(5e-5 + 0.5 * 9.5e-4, o.rate(59), 1e-15);
        assertEquals(5e-5, o.rate(109), 1e-15);
    }

    @Test
    void noiseLevelsFollowEdmsSchedule() {
        double[] t = HeunSampler.noiseLevels(HeunSampler.Options.defaults());
        assertEquals(19, t.length);
        assertEquals(80, t[0], 1e-12);
        assertEquals(0.002, t[17], 1e-15);
        assertEquals(0, t[18]);
        // t_1 = (80^(1/7) + (0.002^(1/7) - 80^(1/7)) / 17)^7
        double a = Math.pow(80, 1 / 7.0);
        double b = Math.pow(0.002, 1 / 7.0);
        assertEquals(Math.pow(a + (b - a) / 17, 7), t[1], 1e-12);
    }

    /** Gaussian data N(0, s^2 I): D(y, t) = s^2/(s^2+t^2) y and the probability-flow ODE gives x(0) = x(T) s / sqrt(T^2 + s^2). */
    @Test
    void heunIntegratesTheGaussianProbabilityFlowExactlyInTheLimit() {
        double s = 0.7;
        Denoiser gaussian = new Denoiser() {
            @Override
            public int dim() {
                return 2;
            }

            @Override
            public void denoise(double[] y, double[] sigma, int batch, double[] out) {
                for (int r = 0; r < batch; r++) {
                    for (int j = 0; j < 2; j++) {
                        out[r * 2 + j] = s * s / (s * s + sigma[r] * sigma[r]) * y[r * 2 + j];
                    }
                }
            }
        };
        double[] latents = new SplittableRandom(3).doubles(10, -2, 2).toArray();
        double[] x18 = HeunSampler.sampleFrom(gaussian, latents, 5, HeunSampler.Options.defaults());
        double[] x400 = HeunSampler.sampleFrom(gaussian, latents, 5, new HeunSampler.Options(400, 0.002, 80, 7));
        for (int i = 0; i < 10; i++) {
            double exact = latents[i] * 80 * s / Math.sqrt(80 * 80 + s * s);
            assertEquals(exact, x400[i], 1e-4 * Math.abs(exact) + 1e-9);
            // 18 Heun steps: about 5% global error on this problem (measured), mostly from the coarse steps near t ~ s
            assertEquals(exact, x18[i], 0.08 * Math.abs(exact));
        }
    }
}
