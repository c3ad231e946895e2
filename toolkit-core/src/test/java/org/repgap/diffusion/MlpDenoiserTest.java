package org.repgap.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.repgap.diffusion.nn.Parameter;
import org.repgap.group.Groups;
import org.repgap.group.SymmetryGroup;

/**
 * Hand-written backward passes against central finite differences. The network computes in float32,
 * so the differences use a step of 1e-2 and the loss {@code sum_j c_j D_j} is accumulated in double:
 * rounding contributes about 1e-6 / 1e-2 = 1e-4 to each difference and truncation O(h^2) = 1e-4
 * times the third derivative; a wrong gradient is off by O(|g|). Tolerance: 2e-3 + 2e-2 |g|.
 */
class MlpDenoiserTest {
    private static final float H = 1e-2f;

    private static double lossOf(TrainableDenoiser m, float[] y, float[] sigma, int b, float[] c) {
        float[] out = new float[c.length];
        m.forward(y, sigma, b, out);
        double l = 0;
        for (int i = 0; i < c.length; i++) {
            l += (double) c[i] * out[i];
        }
        return l;
    }

    private static void checkGradients(SymmetryGroup group, Equivariance mech, int dim) {
        MlpDenoiser.Architecture arch = new MlpDenoiser.Architecture(dim, 6, 2, 4, 0.7);
        if (mech == Equivariance.ACE) {
            AceDenoiser ace = AceDenoiser.init(arch, group, AceDenoiser.Options.defaults(), 11);
            for (int l = 0; l < ace.constraints(); l++) {
                ace.setGamma(l, 0.6 - 0.15 * l);
            }
            assertEquals(SymmetrizedDenoiser.hasLayers(group) ? arch.depth() + 1 : 1, ace.constraints(), "one gamma per layer");
            checkGradients(ace, dim);
            return;
        }
        if (mech == Equivariance.LAYERS) {
            arch = SymmetrizedDenoiser.layersArchitecture(arch, group);
        }
        checkGradients(SymmetrizedDenoiser.of(MlpDenoiser.init(arch, 11), group, mech, 64), dim);
    }

    private static void checkGradients(TrainableDenoiser m, int dim) {
        SplittableRandom rng = new SplittableRandom(7);
        int b = 3;
        float[] y = new float[b * dim];
        float[] c = new float[b * dim];
        float[] sigma = {0.05f, 0.6f, 3f};
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) rng.nextGaussian();
            c[i] = (float) rng.nextGaussian();
        }
        m.forward(y, sigma, b, new float[b * dim]);
        m.backward(c, b);
        List<Parameter> params = m.parameters();
        int checked = 0;
        for (Parameter p : params) {
            float[] g = p.grad().clone();
            for (int i = 0; i < p.size(); i++) {
                float old = p.value()[i];
                p.value()[i] = old + H;
                double lp = lossOf(m, y, sigma, b, c);
                p.value()[i] = old - H;
                double lm = lossOf(m, y, sigma, b, c);
                p.value()[i] = old;
                double fd = (lp - lm) / (2 * H);
                assertEquals(fd, g[i], 2e-3 + 2e-2 * Math.abs(g[i]), p.name() + "[" + i + "]");
                checked++;
            }
        }
        assertTrue(checked > 100, "checked " + checked);
        if (m instanceof AceDenoiser ace) {
            for (int l = 0; l < ace.constraints(); l++) {
                double g = ace.gammaGradient(l);
                double g0 = ace.gammas()[l];
                ace.setGamma(l, g0 + H);
                double lp = lossOf(m, y, sigma, b, c);
                ace.setGamma(l, g0 - H);
                double lm = lossOf(m, y, sigma, b, c);
                ace.setGamma(l, g0);
                assertEquals((lp - lm) / (2 * H), g, 2e-3 + 2e-2 * Math.abs(g), "gamma_" + l);
                assertTrue(Math.abs(g) > 1e-3, "gamma_" + l + " gradient " + g + " must be non-trivial for the check to bite");
            }
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        checkGradients(Groups.none(), Equivariance.NONE, 3);
    }

    @ParameterizedTest
    @EnumSource(value = Equivariance.class, names = {"CANONICAL", "AVERAGE", "ACE"})
    void gradientsThroughSymmetryMechanismsMatchFiniteDifferences(Equivariance mech) {
        checkGradients(org.repgap.group.Groups.signs(), mech, 3);
        checkGradients(org.repgap.group.Groups.cyclic(), mech, 4);
    }

    @Test
    void gradientsOfTheSignEquivariantBlockMatchFiniteDifferences() {
        checkGradients(org.repgap.group.Groups.signs(), Equivariance.LAYERS, 3);
    }

    @Test
    void gradientsOfDeepSetsLayersMatchFiniteDifferences() {
        checkGradients(Groups.perm(3), Equivariance.LAYERS, 6);
    }

    @Test
    void gradientsOfCircularConvolutionsMatchFiniteDifferences() {
        checkGradients(Groups.cyclic(), Equivariance.LAYERS, 5);
    }

    @Test
    void gradientsOfAceWithDeepSetsAndConvolutionPartsMatchFiniteDifferences() {
        checkGradients(Groups.perm(2), Equivariance.ACE, 4);
        checkGradients(Groups.cyclic(), Equivariance.ACE, 4);
    }

    @Test
    void forwardMatchesTheReferenceFormula() {
        // D(y; s) = c_skip y + c_out F(c_in y, emb(ln(s)/4)), F evaluated by hand from the parameters
        MlpDenoiser net = MlpDenoiser.init(new MlpDenoiser.Architecture(2, 3, 1, 2, 0.5), 3);
        float[] y = {0.3f, -1.2f};
        float[] sigma = {0.4f};
        float[] out = new float[2];
        net.forward(y, sigma, 1, out);
        float[][] p = net.parameterValues();
        double s = 0.4f;
        double sd = 0.5;
        double cIn = 1 / Math.sqrt(s * s + sd * sd);
        double cNoise = Math.log(s) / 4;
        double[] in = {cIn * y[0], cIn * y[1], Math.cos(cNoise), Math.sin(cNoise)};
        double[] hid = new double[3];
        for (int o = 0; o < 3; o++) {
            double z = p[1][o];
            for (int i = 0; i < 4; i++) {
                z += p[0][o * 4 + i] * in[i];
            }
            hid[o] = z / (1 + Math.exp(-z));
        }
        for (int o = 0; o < 2; o++) {
            double f = p[3][o];
            for (int i = 0; i < 3; i++) {
                f += p[2][o * 3 + i] * hid[i];
            }
            double expected = sd * sd / (s * s + sd * sd) * y[o] + s * sd / Math.sqrt(s * s + sd * sd) * f;
            assertEquals(expected, out[o], 1e-5);
        }
    }

    @Test
    void parameterCountMatchesTheReferenceModel() {
        // torch: D=3, W=128, 16 features: 19*128+128 + 2*(128*128+128) + 128*3+3 = 35971
        assertEquals(35971, MlpDenoiser.Architecture.reference(3, 128, 0.5).parameterCount());
        MlpDenoiser net = MlpDenoiser.init(MlpDenoiser.Architecture.reference(3, 128, 0.5), 1);
        assertEquals(35971, net.parameters().stream().mapToInt(Parameter::size).sum());
    }

    @Test
    void initialisationIsPyTorchsUniformBound() {
        MlpDenoiser net = MlpDenoiser.init(MlpDenoiser.Architecture.reference(3, 64, 0.5), 5);
        float[] w0 = net.parameters().get(0).value();
        double bound = 1 / Math.sqrt(19);
        double max = 0;
        double sumSq = 0;
        for (float v : w0) {
            max = Math.max(max, Math.abs(v));
            sumSq += v * v;
        }
        assertTrue(max <= bound);
        // variance of U(-a, a) is a^2/3; 1216 draws: relative standard error about 4%
        assertEquals(bound * bound / 3, sumSq / w0.length, 0.15 * bound * bound / 3);
    }

    @Test
    void denoiseInDoubleAgreesWithFloatForward() {
        MlpDenoiser net = MlpDenoiser.init(MlpDenoiser.Architecture.reference(4, 16, 1), 9);
        Supplier<double[]> gen = () -> new SplittableRandom(1).doubles(8).toArray();
        double[] y = gen.get();
        double[] out = new double[8];
        net.denoise(y, new double[] {0.1, 2}, 2, out);
        float[] yf = new float[8];
        for (int i = 0; i < 8; i++) {
            yf[i] = (float) y[i];
        }
        float[] of = new float[8];
        net.forward(yf, new float[] {0.1f, 2f}, 2, of);
        for (int i = 0; i < 8; i++) {
            assertEquals(of[i], out[i], 1e-5);
        }
        MlpDenoiser copy = net.copy();
        double[] out2 = new double[8];
        copy.denoise(y, new double[] {0.1, 2}, 2, out2);
        assertArrayEquals(out, out2, 0.0);
    }
}
