package org.repgap.diffusion.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SiluTest {

    /** The rational sigmoid against 1/(1+exp(-z)) in double: within 2e-7 absolute (a few float ulps near 1). */
    @Test
    void sigmoidIsAccurateToFloatRounding() {
        double worst = 0;
        for (double z = -30; z <= 30; z += 0.0013) {
            double exact = 1 / (1 + Math.exp(-(float) z));
            worst = Math.max(worst, Math.abs(Silu.sigmoid((float) z) - exact));
        }
        assertEquals(0, worst, 2e-7);
    }

    @Test
    void forwardAndBackwardMatchTheFormulas() {
        float[] z = {-20f, -3f, -0.5f, 0f, 0.7f, 4f, 25f};
        float[] s = new float[z.length];
        float[] h = new float[z.length];
        Silu.forward(z, s, h, z.length);
        float[] dz = new float[z.length];
        float[] ones = new float[z.length];
        java.util.Arrays.fill(ones, 1f);
        Silu.backward(z, s, ones, dz, z.length);
        for (int i = 0; i < z.length; i++) {
            double sig = 1 / (1 + Math.exp(-z[i]));
            assertEquals(z[i] * sig, h[i], 2e-7 * Math.max(1, Math.abs(z[i])));
            assertEquals(sig * (1 + z[i] * (1 - sig)), dz[i], 1e-6 * Math.max(1, Math.abs(z[i])));
        }
    }
}
